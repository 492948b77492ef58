// A running job: stage, count (of total when known), a bar, and 取消.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src-main/shared/errors.ts';
import { JOB_STAGE_LABELS, type JobStatus } from '../../../../src-main/shared/jobs.ts';

/** onBackground: an export can go on without its dialog (background.ts); an import cannot. */
export function JobProgress({
  status,
  busyText,
  onCancel,
  onBackground,
}: {
  status: Pick<JobStatus, 'progress' | 'elapsedMs'> | null;
  busyText: string;
  onCancel: () => void;
  onBackground?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const p = status?.progress;
  const stage = p ? (locale === 'en' ? JOB_STAGE_LABELS[p.stage].en : JOB_STAGE_LABELS[p.stage].zh) : '';
  const count = p ? (p.total !== undefined ? `${p.count}/${p.total}` : p.count ? String(p.count) : '') : '';
  const seconds = status ? (status.elapsedMs / 1000).toFixed(1) : '0.0';
  return (
    <div className="job-progress" role="status" data-testid="job-progress" data-stage={p?.stage ?? 'starting'}>
      <p className="muted">
        {busyText} <span data-testid="job-stage">{stage}</span> {count ? <span data-testid="job-count">{count}</span> : null}{' '}
        <span className="job-seconds">{t('jobs.seconds', { seconds })}</span>
      </p>
      <progress max={p?.total ?? undefined} value={p?.total !== undefined ? p.count : undefined} aria-label={busyText} />
      {/* Once delivering, the file is being handed over: the save dialog is where to cancel. */}
      <button type="button" data-testid="job-cancel" disabled={p?.stage === 'delivering'} onClick={onCancel}>
        {t('jobs.cancel')}
      </button>
      {onBackground ? (
        <button type="button" data-testid="job-background" title={t('jobs.backgroundTitle')} disabled={!status} onClick={onBackground}>
          {t('jobs.background')}
        </button>
      ) : null}
    </div>
  );
}
