// Shown instead of the workspace when the store fails its check on open: why, where the file is,
// that it was not changed, and the three ways on — restore a backup, export what is readable (a
// damaged file only), or set the file aside and start an empty store.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, RestoreResult, SalvageResult, StoreStatus } from '../../../../src-main/shared/backups.ts';
import { technicalLine } from '../../../../src-main/shared/errors.ts';
import { errorText, messageFor } from '../../app/errors.ts';
import { LanguageButton } from '../../app/LanguageButton.tsx';
import { call } from '../../bridge/index.ts';
import { isCancelled } from '../../bridge/jobs.ts';
import { useLocale } from '../../i18n/index.ts';
import './backups.css';
import { BackupTable } from './BackupTable.tsx';
import { ConfirmPanel, RestoreConfirm } from './ConfirmPanel.tsx';
import { reasonKey, recoveryCase } from './recovery-text.ts';
import { SalvageReport } from './SalvageReport.tsx';
import { JobProgress } from '../jobs/JobProgress.tsx';
import { useBackupList } from './useBackupList.ts';
import { useStoreTask } from './useStoreTask.ts';

export type FailedStatus = Extract<StoreStatus, { state: 'failed' }>;

/** What the workspace says once it opens: which backup came back, or where the old file went. */
export type StoreNotice = { kind: 'restored'; result: RestoreResult } | { kind: 'fresh'; setAside: BackupEntry | null };

type Action = 'restore' | 'salvage' | 'fresh';

export interface RecoveryScreenProps {
  status: FailedStatus;
  onRecovered(notice: StoreNotice): void;
}

export function RecoveryScreen({ status, onRecovered }: RecoveryScreenProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { list, error: listError, reload } = useBackupList();
  const [busy, setBusy] = useState<Action | null>(null);
  const [failed, setFailed] = useState<{ where: Action; message: string } | null>(null);
  const [pending, setPending] = useState<BackupEntry | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const [salvaged, setSalvaged] = useState<SalvageResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const page = useRef<HTMLDivElement>(null);
  const task = useStoreTask(busy === 'salvage');

  useEffect(() => heading.current?.focus(), []);

  const run = async (what: Action, f: () => Promise<void>) => {
    setBusy(what);
    setFailed(null);
    try {
      await f();
    } catch (e) {
      setPending(null);
      setConfirmFresh(false);
      // A salvage cancelled with 取消 left nothing, and there is nothing to say.
      if (!isCancelled(e)) setFailed({ where: what, message: errorText(e, locale) });
      void reload(); // a failed step may still have added a file (a set-aside store)
    } finally {
      setBusy(null);
    }
  };

  const restore = (entry: BackupEntry) =>
    run('restore', async () => {
      const result = await call('backups.restore', { name: entry.name });
      onRecovered({ kind: 'restored', result });
    });

  const salvage = () =>
    run('salvage', async () => {
      setPending(null);
      const result = await call('recovery.salvage', {});
      await reload();
      setSalvaged(result);
    });

  const startFresh = () =>
    run('fresh', async () => {
      const { setAside } = await call('recovery.startFresh', {});
      onRecovered({ kind: 'fresh', setAside });
    });

  const cancelRestore = () => {
    const name = pending?.name;
    setPending(null);
    const button = name ? page.current?.querySelector<HTMLButtonElement>(`[data-restore="${CSS.escape(name)}"]`) : null;
    requestAnimationFrame(() => button?.focus());
  };

  const which = recoveryCase(status);
  const reason = reasonKey(status);
  // SQLite's own words, for support, below the reason (the Chinese reason leaves them out).
  const technical = technicalLine(status.error.code, status.error.params, locale);
  const errorAt = (where: Action) =>
    failed?.where === where ? (
      <p className="backups-error" role="alert" data-testid={`recovery-error-${where}`}>
        {failed.message}
      </p>
    ) : null;

  return (
    <div className="recovery" data-testid="recovery-screen" ref={page}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-zh">{t('app.name')}</span>
          <span className="brand-en">{t('app.nameEn')}</span>
        </div>
        <div className="spacer" />
        <LanguageButton />
      </header>
      <main className="recovery-main">
        <section className="recovery-problem" aria-labelledby="recovery-title" data-testid="recovery-problem" data-code={status.error.code}>
          <h1 id="recovery-title" ref={heading} tabIndex={-1}>
            {t(`recovery.title.${which}`)}
          </h1>
          <p className="recovery-reason" data-testid="recovery-reason">
            {reason ? t(reason.key, reason.params) : messageFor(status.error.code, status.error.params, status.error.message, locale)}
          </p>
          {technical ? (
            <p className="recovery-technical muted" data-testid="recovery-technical">
              {technical}
            </p>
          ) : null}
          <dl className="recovery-files">
            <dt>{t('recovery.file')}</dt>
            <dd>
              <code data-testid="recovery-path">{status.storePath}</code>
            </dd>
            <dt>{t('recovery.folder')}</dt>
            <dd>
              <code>{status.backupsFolder}</code>
            </dd>
          </dl>
          <p className="recovery-untouched">{t('recovery.untouched')}</p>
        </section>

        <section className="recovery-card" aria-labelledby="recovery-restore" data-testid="recovery-restore">
          <h2 id="recovery-restore">{t('recovery.restore.title')}</h2>
          <p className="muted">{t('recovery.restore.hint')}</p>
          {pending ? (
            <RestoreConfirm backup={pending} busy={busy === 'restore'} onConfirm={() => void restore(pending)} onCancel={cancelRestore}>
              <p>{t('recovery.restore.confirmBody')}</p>
            </RestoreConfirm>
          ) : null}
          {errorAt('restore')}
          {listError ? (
            <p className="backups-error" role="alert">
              {errorText(listError, locale)}
            </p>
          ) : list === null ? (
            <p className="muted">{t('backups.loading')}</p>
          ) : list.backups.length === 0 ? (
            <p className="muted" data-testid="backup-empty">
              {t('recovery.restore.none')}
            </p>
          ) : (
            <BackupTable
              backups={list.backups}
              highlight={salvaged?.saved.name}
              pending={pending?.name}
              disabled={busy !== null}
              onRestore={(b) => {
                setConfirmFresh(false);
                setPending(b);
              }}
            />
          )}
        </section>

        {status.canSalvage ? (
          <section className="recovery-card" aria-labelledby="recovery-salvage" data-testid="recovery-salvage">
            <h2 id="recovery-salvage">{t('recovery.salvage.title')}</h2>
            <p className="muted">{t('recovery.salvage.hint')}</p>
            <div className="backups-actions">
              <button type="button" data-testid="salvage-go" disabled={busy !== null} onClick={() => void salvage()}>
                {busy === 'salvage' ? t('recovery.salvage.busy') : t('recovery.salvage.go')}
              </button>
            </div>
            {busy === 'salvage' ? <JobProgress status={task.shown} busyText={t('recovery.salvage.busy')} onCancel={task.cancel} /> : null}
            {errorAt('salvage')}
            {salvaged ? <SalvageReport result={salvaged} /> : null}
          </section>
        ) : null}

        <section className="recovery-card" aria-labelledby="recovery-fresh" data-testid="recovery-fresh">
          <h2 id="recovery-fresh">{t('recovery.fresh.title')}</h2>
          <p className="muted">{t('recovery.fresh.hint')}</p>
          {confirmFresh ? (
            <ConfirmPanel
              title={t('recovery.fresh.title')}
              confirmLabel={t('recovery.fresh.confirmGo')}
              busyLabel={t('recovery.fresh.busy')}
              busy={busy === 'fresh'}
              testId="fresh-confirm"
              onConfirm={() => void startFresh()}
              onCancel={() => {
                setConfirmFresh(false);
                requestAnimationFrame(() => page.current?.querySelector<HTMLButtonElement>('[data-testid="fresh-go"]')?.focus());
              }}
            >
              <p>{t('recovery.fresh.confirm', { folder: status.backupsFolder })}</p>
            </ConfirmPanel>
          ) : (
            <div className="backups-actions">
              <button
                type="button"
                data-testid="fresh-go"
                disabled={busy !== null}
                onClick={() => {
                  setPending(null);
                  setConfirmFresh(true);
                }}
              >
                {t('recovery.fresh.go')}
              </button>
            </div>
          )}
          {errorAt('fresh')}
        </section>
      </main>
    </div>
  );
}
