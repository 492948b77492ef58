import { useTranslation } from 'react-i18next';
import { RadioChoices } from '../../dialogs/RadioChoices.tsx';
import { TABLE_TEMPLATES, type TableTemplate } from '../../../../../src-main/shared/tables.ts';

export function TemplateChoice({ value, onChange }: { value: TableTemplate; onChange(t: TableTemplate): void }) {
  const { t } = useTranslation();
  return (
    <RadioChoices
      legend={t('tables.export.template')}
      name="xlsx-template"
      options={TABLE_TEMPLATES}
      value={value}
      onChange={onChange}
      testId={(k) => `xlsx-template-${k}`}
      className="tables-choices"
      lineClassName="tables-line tables-template"
      label={(k) => (
        <span>
          <strong>{t(`tables.export.templates.${k}`)}</strong> <span className="muted">{t(`tables.export.about.${k}`)}</span>
        </span>
      )}
    />
  );
}
