import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../src-main/shared/period-key.ts';
import { useLocale } from '../../i18n/index.ts';

export function PeriodPicker({ periods, value, onChange }: { periods: Period[]; value: string | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <label className="picker">
      <span>{t('top.period')}</span>
      <select data-testid="period-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={!periods.length}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {locale === 'en' ? periodLabel(p, 'en') : p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
