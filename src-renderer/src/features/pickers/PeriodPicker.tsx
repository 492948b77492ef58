import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../src-main/shared/period-key.ts';
import { useLocale } from '../../i18n/index.ts';
import { usedByPark } from '../../app/default-period.ts';

/**
 * Periods are shared by all parks; the park's own — those it has figures or a document in — come
 * first, the others below them for starting a period another park already has.
 */
export function PeriodPicker({ periods, value, onChange }: { periods: Period[]; value: string | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const own = periods.filter(usedByPark);
  const others = periods.filter((p) => !usedByPark(p));
  const option = (p: Period) => (
    <option key={p.id} value={p.id}>
      {locale === 'en' ? periodLabel(p, 'en') : p.label}
    </option>
  );
  return (
    <label className="picker">
      <span>{t('top.period')}</span>
      <select data-testid="period-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={!periods.length}>
        {others.length && own.length ? (
          <>
            <optgroup label={t('top.parkPeriods')}>{own.map(option)}</optgroup>
            <optgroup label={t('top.otherPeriods')}>{others.map(option)}</optgroup>
          </>
        ) : (
          periods.map(option)
        )}
      </select>
    </label>
  );
}
