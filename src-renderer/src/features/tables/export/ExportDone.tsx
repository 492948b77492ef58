// After an export: where the file went, and (Electron) a button that opens it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';
import { useLocale } from '../../../i18n/index.ts';

export type ExportDoneProps = { saved: { path: string } | null; downloaded: { fileName: string } | null; onClose(): void };

export function ExportDone({ saved, downloaded, onClose }: ExportDoneProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [openError, setOpenError] = useState<string | null>(null);
  const open = async (path: string) => {
    try {
      const r = await call('files.open', { path });
      setOpenError(r.opened ? null : t('tables.done.openFailed'));
    } catch (e) {
      setOpenError(errorText(e, locale));
    }
  };
  return (
    <div className="notice tables-notice" data-testid="xlsx-export-result" role="status">
      {saved ? (
        <>
          <p>{t('tables.done.saved')}</p>
          <code className="tables-path">{saved.path}</code>
        </>
      ) : (
        <p>{t('tables.done.downloaded', { name: downloaded?.fileName ?? '' })}</p>
      )}
      {openError ? (
        <p className="tables-invalid" role="alert">
          {openError}
        </p>
      ) : null}
      <div className="tables-actions">
        {saved ? (
          <button type="button" className="primary" data-testid="xlsx-open-file" onClick={() => void open(saved.path)}>
            {t('tables.done.open')}
          </button>
        ) : null}
        <button type="button" data-testid="xlsx-export-close" autoFocus onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </div>
  );
}
