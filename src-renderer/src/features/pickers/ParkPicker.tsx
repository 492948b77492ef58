import { useTranslation } from 'react-i18next';
import type { Park } from '../../../../src-main/shared/model.ts';

export function ParkPicker({ parks, value, onChange }: { parks: Park[]; value: string | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  return (
    <label className="picker">
      <span>{t('top.park')}</span>
      <select data-testid="park-picker" value={value ?? ''} onChange={(e) => onChange(e.target.value)} disabled={!parks.length}>
        {parks.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
