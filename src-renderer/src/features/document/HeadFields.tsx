import { useTranslation } from 'react-i18next';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';
import { setFieldText } from './fields.ts';
import { TextField } from './TextField.tsx';

/** Title, subtitle and by-line. */
export function HeadFields({ body, update }: { body: DocumentBody; update(f: (b: DocumentBody) => DocumentBody): void }) {
  const { t } = useTranslation();
  const fields = [
    { field: 'title', max: 200 },
    { field: 'subtitle', max: 200 },
    { field: 'byline', max: 100 },
  ] as const;
  return (
    <div className="head-fields">
      {fields.map(({ field, max }) => (
        <TextField
          key={field}
          className={`head-${field}`}
          addr={{ field }}
          label={t(`doc.field.${field}`)}
          placeholder={t(`doc.field.${field}Placeholder`)}
          value={body[field]}
          maxLength={max}
          onChange={(v) => update((b) => setFieldText(b, { field }, v))}
        />
      ))}
    </div>
  );
}
