import { useTranslation } from 'react-i18next';
import type { ImportApplied } from '../../../../../src-main/shared/tables.ts';

export function AppliedNotice({ result, onClose }: { result: ImportApplied; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="notice" data-testid="import-applied" role="status">
      <p>{t('tables.import.applied', { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}</p>
      {result.history.canUndo ? <p className="tables-undo-hint">{t('tables.import.undoHint')}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="primary" data-testid="import-close" autoFocus onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </div>
  );
}
