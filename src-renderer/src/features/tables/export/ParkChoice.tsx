import { useTranslation } from 'react-i18next';
import type { Park } from '../../../../../src-main/shared/model.ts';

export function ParkChoice({ parks, value, onChange }: { parks: Park[]; value: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(parks.filter((p) => (p.id === id ? on : value.includes(p.id))).map((p) => p.id));
  return (
    <fieldset className="choice-group tables-choices">
      <legend>{t('tables.export.parks')}</legend>
      <div className="tables-line tables-park-tools">
        <span className="muted" data-testid="parks-count">
          {value.length ? t('tables.export.parksCount', { count: value.length }) : <span className="tables-invalid">{t('tables.export.parksEmpty')}</span>}
        </span>
        <button type="button" className="link" onClick={() => onChange(parks.map((p) => p.id))}>
          {t('tables.export.parksAll')}
        </button>
        <button type="button" className="link" onClick={() => onChange([])}>
          {t('tables.export.parksNone')}
        </button>
      </div>
      <div className="tables-checklist">
        {parks.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" data-testid={`compare-park-${p.name}`} checked={value.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
            {p.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
