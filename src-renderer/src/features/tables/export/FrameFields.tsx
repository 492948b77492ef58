import { useTranslation } from 'react-i18next';
import type { FormFrame } from '../../../../../src-main/shared/tables.ts';
import { FRAME_FIELDS } from './frame-memory.ts';

const WITH_PLACEHOLDER = new Set(['title', 'tableNo', 'authority', 'approvedBy', 'docNo', 'validUntil', 'reportDate']);

export function FrameFields({ value, onChange }: { value: FormFrame; onChange(f: FormFrame): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="tables-frame">
      <legend>{t('tables.export.frame')}</legend>
      <p className="muted tables-hint">{t('tables.export.frameHint')}</p>
      <div className="tables-frame-grid">
        {FRAME_FIELDS.map((f) => (
          <label key={f} className={f === 'title' ? 'field tables-frame-wide' : 'field'}>
            <span>{t(`tables.export.frameFields.${f}`)}</span>
            <input
              data-testid={`frame-${f}`}
              maxLength={100}
              value={value[f] ?? ''}
              placeholder={WITH_PLACEHOLDER.has(f) ? t(`tables.export.framePlaceholders.${f}`) : undefined}
              onChange={(e) => onChange({ ...value, [f]: e.target.value })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
