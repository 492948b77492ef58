// 备份与恢复 in the workspace: where the backups are, 立即备份, and 恢复 on any restorable row
// after a confirmation that says the current data is kept as a backup (restoring that undoes it).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RestoreResult } from '../../../../src-main/shared/backups.ts';
import { errorText } from '../../app/errors.ts';
import { call } from '../../bridge/index.ts';
import { isCancelled } from '../../bridge/jobs.ts';
import { useLocale } from '../../i18n/index.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import './backups.css';
import { BackupTable } from './BackupTable.tsx';
import { RestoreConfirm } from './ConfirmPanel.tsx';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { useBackupList } from './useBackupList.ts';
import { useStoreTask } from './useStoreTask.ts';

export interface BackupDialogProps {
  onClose(): void;
  onRestored(result: RestoreResult): void;
  /** A restore that failed may leave the store closed: the app then checks which screen to show. */
  onRestoreFailed(): void;
}

export function BackupDialog({ onClose, onRestored, onRestoreFailed }: BackupDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { list, error: listError, reload } = useBackupList();
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<BackupEntry | null>(null);
  const [pending, setPending] = useState<BackupEntry | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const task = useStoreTask(busy === 'create');

  const create = async () => {
    setBusy('create');
    setError(null);
    setPending(null);
    try {
      const entry = await call('backups.create', {});
      await reload();
      setMade(entry);
    } catch (e) {
      // 取消 leaves nothing, and nothing to say.
      if (!isCancelled(e)) setError(errorText(e, locale));
    } finally {
      setBusy(null);
    }
  };

  const restore = async (entry: BackupEntry) => {
    setBusy('restore');
    setError(null);
    try {
      onRestored(await call('backups.restore', { name: entry.name }));
    } catch (e) {
      setBusy(null);
      setPending(null);
      setError(errorText(e, locale));
      // A 'before-restore' copy may have been made before the failure: show it.
      void reload();
      onRestoreFailed();
    }
  };

  const cancel = () => {
    const name = pending?.name;
    setPending(null);
    const button = name ? body.current?.querySelector<HTMLButtonElement>(`[data-restore="${CSS.escape(name)}"]`) : null;
    // After React re-renders the row's button enabled again.
    requestAnimationFrame(() => button?.focus());
  };

  const shownError = error ?? (listError ? errorText(listError, locale) : null);
  return (
    <Dialog title={t('backups.title')} testId="backup-dialog" onClose={busy === 'restore' ? () => undefined : onClose} error={shownError}>
      <div className="backups-body" ref={body}>
        <p className="backups-folder">
          <span className="muted">{t('backups.folder')}：</span>
          <code data-testid="backup-folder">{list?.folder ?? ''}</code>
        </p>
        <p className="muted backups-auto">{t('backups.auto')}</p>
        <div className="backups-actions">
          <button type="button" className="primary" data-testid="backup-create" disabled={busy !== null} onClick={() => void create()}>
            {busy === 'create' ? t('backups.creating') : t('backups.create')}
          </button>
          <span role="status" className="backups-made" data-testid="backup-created">
            {made ? t('backups.created', { name: made.name }) : ''}
          </span>
        </div>
        {busy === 'create' ? <JobProgress status={task.shown} busyText={t('backups.creating')} onCancel={task.cancel} /> : null}
        {pending ? (
          <RestoreConfirm backup={pending} busy={busy === 'restore'} onConfirm={() => void restore(pending)} onCancel={cancel}>
            <p>{t('backups.confirm.body')}</p>
          </RestoreConfirm>
        ) : null}
        {list === null ? (
          listError ? null : <p className="muted">{t('backups.loading')}</p>
        ) : list.backups.length === 0 ? (
          <p className="muted" data-testid="backup-empty">
            {t('backups.empty')}
          </p>
        ) : (
          <BackupTable backups={list.backups} highlight={made?.name} pending={pending?.name} disabled={busy !== null} onRestore={setPending} />
        )}
      </div>
    </Dialog>
  );
}
