import { useTranslation } from 'react-i18next';
import { TABLE_TEMPLATES, type TableTemplate } from '../../../../../src-main/shared/tables.ts';

export function TemplateChoice({ value, onChange }: { value: TableTemplate; onChange(t: TableTemplate): void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group tables-choices">
      <legend>{t('tables.export.template')}</legend>
      {TABLE_TEMPLATES.map((k) => (
        <label key={k} className="check tables-line tables-template">
          <input type="radio" name="xlsx-template" data-testid={`xlsx-template-${k}`} checked={value === k} onChange={() => onChange(k)} />
          <span>
            <strong>{t(`tables.export.templates.${k}`)}</strong> <span className="muted">{t(`tables.export.about.${k}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
