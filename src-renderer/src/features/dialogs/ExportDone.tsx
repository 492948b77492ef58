// After an export, in its dialog (Word and Excel alike): where the file went, and (Electron) a
// button that opens it.
import { useTranslation } from 'react-i18next';
import { useOpenFile } from './open-file.ts';

export type ExportDoneProps = { saved: { path: string } | null; downloaded: { fileName: string } | null; onClose(): void };

export function ExportDone({ saved, downloaded, onClose }: ExportDoneProps) {
  const { t } = useTranslation();
  const { open, openError } = useOpenFile();
  return (
    <div className="notice" data-testid="export-result" role="status">
      {saved ? (
        <>
          <p>{t('exportDone.saved')}</p>
          <code className="file-path">{saved.path}</code>
        </>
      ) : (
        <p>{t('exportDone.downloaded', { name: downloaded?.fileName ?? '' })}</p>
      )}
      {openError ? (
        <p className="open-failed" role="alert">
          {openError}
        </p>
      ) : null}
      <div className="dialog-actions">
        {saved ? (
          <button type="button" className="primary" data-testid="export-open-file" onClick={() => void open(saved.path)}>
            {t('exportDone.open')}
          </button>
        ) : null}
        <button type="button" data-testid="export-close" autoFocus onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </div>
  );
}
