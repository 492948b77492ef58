// Park, period and 实际/目标 inside a dialog, preselected from the main view.
import { useTranslation } from 'react-i18next';
import type { Park, Period, ValueKind } from '../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../src-main/shared/period-key.ts';
import { useLocale } from '../../i18n/index.ts';

export interface Target {
  parkId: string;
  periodId: string;
  kind: ValueKind;
}

export interface TargetFieldsProps {
  parks: Park[];
  periods: Period[];
  value: Target;
  onChange(t: Target): void;
  /** compare sets its parks elsewhere */
  hidePark?: boolean;
  testPrefix: string;
}

export function TargetFields({ parks, periods, value, onChange, hidePark, testPrefix }: TargetFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="field-row tables-target">
      {hidePark ? null : (
        <label className="field">
          <span>{t('tables.park')}</span>
          <select data-testid={`${testPrefix}-park`} value={value.parkId} onChange={(e) => onChange({ ...value, parkId: e.target.value })}>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('tables.period')}</span>
        <select data-testid={`${testPrefix}-period`} value={value.periodId} onChange={(e) => onChange({ ...value, periodId: e.target.value })}>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {periodLabel(p, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tables.kind')}</span>
        <select data-testid={`${testPrefix}-kind`} value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as ValueKind })}>
          <option value="actual">{t('top.actual')}</option>
          <option value="target">{t('top.target')}</option>
        </select>
      </label>
    </div>
  );
}
