// The figures an import would write: changed ones with 原值 → 新值, new ones with the value alone.
import { useTranslation } from 'react-i18next';
import { parsePeriodKey, periodLabel } from '../../../../../src-main/shared/period-key.ts';
import type { PreviewItem } from '../../../../../src-main/shared/tables.ts';
import { useLocale } from '../../../i18n/index.ts';
import { figureLabel, placeText } from '../place.ts';

export function ItemTable({ title, items, status }: { title: string; items: PreviewItem[]; status: 'new' | 'changed' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = items.filter((i) => i.status === status);
  if (!rows.length) return null;
  const period = (key: string) => {
    const p = parsePeriodKey(key);
    return p ? periodLabel(p, locale) : key;
  };
  return (
    <section className="tables-items" data-testid={`import-${status}`}>
      <h3>{title}</h3>
      <table className="tables-item-table">
        <thead>
          <tr>
            <th scope="col">{t('tables.import.col.indicator')}</th>
            <th scope="col">{t('tables.import.col.park')}</th>
            <th scope="col">{t('tables.import.col.period')}</th>
            <th scope="col">{t(status === 'changed' ? 'tables.import.col.change' : 'tables.import.col.value')}</th>
            <th scope="col">{t('tables.import.col.place')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={`${i.indicatorId}|${i.park}|${i.periodKey}|${i.kind}`} data-indicator={i.indicator}>
              <td>{i.indicator}</td>
              <td>{i.park}</td>
              <td>
                {period(i.periodKey)}
                {i.kind === 'target' ? t('tables.import.targetKind') : ''}
              </td>
              <td className="tables-figure">
                {status === 'changed' ? (
                  <>
                    <span className="tables-before">{figureLabel(i.before, locale)}</span>
                    <span> → </span>
                    <span className="tables-after">{figureLabel(i.after, locale)}</span>
                  </>
                ) : (
                  <span className="tables-after">{figureLabel(i.after, locale)}</span>
                )}
              </td>
              <td className="tables-place">{placeText(i.place, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
