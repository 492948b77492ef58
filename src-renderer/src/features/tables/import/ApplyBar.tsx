// 应用导入 / 取消, and when applying is impossible, why.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../src-main/shared/tables.ts';

export function ApplyBar({ preview, applying, onApply, onBack, onCancel }: { preview: ImportPreview; applying: boolean; onApply(): void; onBack(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const reason = preview.canApply ? null : preview.counts.errors ? t('tables.import.cannotErrors', { count: preview.counts.errors }) : t('tables.import.cannotNothing');
  return (
    <footer className="dialog-foot tables-applybar">
      {reason ? (
        <span id={reasonId} className="tables-reason" data-testid="import-cannot">
          {reason}
        </span>
      ) : null}
      {applying ? (
        <span className="muted" role="status">
          {t('tables.import.applying')}
        </span>
      ) : null}
      <button type="button" className="link" data-testid="import-back" onClick={onBack} disabled={applying}>
        {t('tables.import.back')}
      </button>
      <button type="button" data-testid="import-cancel" onClick={onCancel}>
        {t('dialog.cancel')}
      </button>
      <button type="button" className="primary" data-testid="import-apply" disabled={!preview.canApply || applying} aria-describedby={reason ? reasonId : undefined} onClick={onApply}>
        {t('tables.import.apply')}
      </button>
    </footer>
  );
}
