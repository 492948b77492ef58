import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../../src-main/shared/model.ts';
import { useLocale } from '../../../i18n/index.ts';

export const optionId = (i: number) => `fig-opt-${i}`;

/**
 * The indicators matching the search; the active one is what gets inserted. With `chosen` (the chart
 * picker's several indicators) the ones taken are ticked.
 */
export function IndicatorList({ items, active, onActive, chosen }: { items: readonly Indicator[]; active: number; onActive(i: number): void; chosen?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!items.length) return <p className="muted fig-none">{t('doc.figure.noMatch')}</p>;
  return (
    <ul className="fig-list" role="listbox" id="fig-list" aria-label={t('doc.figure.indicators')}>
      {items.map((ind, i) => (
        <li
          key={ind.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={[i === active ? 'active' : '', chosen?.has(ind.id) ? 'chosen' : ''].join(' ').trim() || undefined}
          data-chosen={chosen ? chosen.has(ind.id) : undefined}
          data-testid="figure-option"
          ref={i === active ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onActive(i)}
        >
          {chosen ? <span className="fig-tick" aria-hidden="true">{chosen.has(ind.id) ? '✓' : ''}</span> : null}
          <span className="fig-name">{locale === 'en' && ind.nameEn ? `${ind.name} · ${ind.nameEn}` : ind.name}</span>
          <span className="fig-unit muted">{ind.unit}</span>
        </li>
      ))}
    </ul>
  );
}
