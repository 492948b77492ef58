// table: which periods become columns. Automatic leaves the choice to the core (this period and the
// four years before it that hold figures), which knows where figures are.
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../../src-main/shared/period-key.ts';
import { useLocale } from '../../../i18n/index.ts';

export interface ColumnChoice {
  auto: boolean;
  periodIds: string[];
}

export function chronological(periods: Period[]): Period[] {
  return [...periods].sort((a, b) => a.year - b.year || a.startMonth - b.startMonth || a.endMonth - b.endMonth);
}

export function PeriodColumns({ periods, value, onChange }: { periods: Period[]; value: ColumnChoice; onChange(c: ColumnChoice): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toggle = (id: string, on: boolean) => {
    const chosen = new Set(value.periodIds);
    if (on) chosen.add(id);
    else chosen.delete(id);
    onChange({ ...value, periodIds: chronological(periods).filter((p) => chosen.has(p.id)).map((p) => p.id) });
  };
  return (
    <fieldset className="choice-group tables-choices">
      <legend>{t('tables.export.columns')}</legend>
      <label className="check tables-line">
        <input type="radio" name="xlsx-columns" data-testid="columns-auto" checked={value.auto} onChange={() => onChange({ ...value, auto: true })} />
        {t('tables.export.columnsAuto')}
      </label>
      <label className="check tables-line">
        <input type="radio" name="xlsx-columns" data-testid="columns-pick" checked={!value.auto} onChange={() => onChange({ ...value, auto: false })} />
        {t('tables.export.columnsPick')}
      </label>
      {value.auto ? null : (
        <div className="tables-checklist" role="group" aria-label={t('tables.export.columnsPick')}>
          {chronological(periods).map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" data-testid={`column-${p.key}`} checked={value.periodIds.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              {periodLabel(p, locale)}
            </label>
          ))}
          {value.periodIds.length ? null : <p className="tables-invalid">{t('tables.export.columnsNone')}</p>}
        </div>
      )}
    </fieldset>
  );
}
