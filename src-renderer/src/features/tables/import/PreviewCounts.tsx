import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../src-main/shared/tables.ts';

const ORDER = ['new', 'changed', 'unchanged', 'warnings', 'errors'] as const;

export function PreviewCounts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation();
  return (
    <dl className="tables-counts" data-testid="import-counts">
      {ORDER.map((k) => (
        <div key={k} className={`tables-count tables-count-${k}${counts[k] ? ' nonzero' : ''}`} data-testid={`import-count-${k}`}>
          <dt>{t(`tables.import.counts.${k}`)}</dt>
          <dd>{counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}
