// The exports running without their dialog, in the status line: name, stage, n/total and 取消 while
// one runs; when it ends, a notice of where the file went (with 打开文件 in Electron) or why not.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_STAGE_LABELS, jobName } from '../../../../src-main/shared/jobs.ts';
import { errorText, isOffline } from '../../app/errors.ts';
import { useLocale } from '../../i18n/index.ts';
import { useOpenFile } from '../dialogs/open-file.ts';
import { backgroundJobs, dismiss, subscribe, type BackgroundJob } from './background.ts';

export function BackgroundJobs() {
  const jobs = useSyncExternalStore(subscribe, backgroundJobs);
  if (!jobs.length) return null;
  return (
    <span className="bg-jobs" data-testid="bg-jobs">
      {jobs.map((j) => (
        <BackgroundJobLine key={j.key} job={j} />
      ))}
    </span>
  );
}

function BackgroundJobLine({ job }: { job: BackgroundJob }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { open, openError } = useOpenFile();
  const s = job.status;
  const name = s ? jobName(s, locale) : '';
  const o = job.outcome;
  if (!o) {
    const p = s?.progress;
    const stage = p ? JOB_STAGE_LABELS[p.stage][locale === 'en' ? 'en' : 'zh'] : '';
    return (
      <span className="bg-job" data-testid="bg-job" data-state="running" role="status">
        <span>{t('jobs.running', { name, stage })}</span>
        {p?.total !== undefined ? <span data-testid="bg-job-count">{`${p.count}/${p.total}`}</span> : null}
        <progress max={p?.total ?? undefined} value={p?.total !== undefined ? p.count : undefined} aria-label={name} />
        <button type="button" className="link" data-testid="bg-job-cancel" disabled={p?.stage === 'delivering'} onClick={job.cancel}>
          {t('jobs.cancel')}
        </button>
      </span>
    );
  }
  const failed = o.kind === 'failed';
  const text =
    o.kind === 'saved'
      ? t('jobs.saved', { name })
      : o.kind === 'downloaded'
        ? t('jobs.downloaded', { name, fileName: o.fileName })
        : o.kind === 'notSaved'
          ? t('jobs.notSaved', { name })
          : t('jobs.failed', { name, message: isOffline(o.error) ? t('errors.offline') : errorText(o.error, locale) });
  return (
    <span className={failed ? 'bg-job bg-job-failed' : 'bg-job bg-job-done'} data-testid="bg-job" data-state={o.kind} role={failed ? 'alert' : 'status'}>
      <span data-testid="bg-job-notice">{text}</span>
      {o.kind === 'saved' ? (
        <>
          <code className="bg-job-path">{o.path}</code>
          <button type="button" className="link" data-testid="bg-job-open" onClick={() => void open(o.path)}>
            {t('exportDone.open')}
          </button>
        </>
      ) : null}
      {openError ? <span className="warn">{openError}</span> : null}
      <button type="button" className="icon" data-testid="bg-job-dismiss" aria-label={t('jobs.dismiss')} onClick={() => dismiss(job.key)}>
        ×
      </button>
    </span>
  );
}
