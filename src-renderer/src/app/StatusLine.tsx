import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-main/shared/model.ts';
import { BackgroundJobs } from '../features/jobs/BackgroundJobs.tsx';
import type { StatusEvent } from './useWorkspace.ts';

function clock(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** onBackups: 备份与恢复 sits beside the store file it is about (the top bar has no room at 1366 px). */
export function StatusLine({ status, info, onBackups }: { status: StatusEvent | null; info: AppInfo | null; onBackups?(): void }) {
  const { t } = useTranslation();
  const text = status
    ? status.count !== undefined
      ? t('status.changed', { time: clock(status.at), count: status.count })
      : t(`status.${status.what}`, { time: clock(status.at) })
    : '';
  return (
    <footer className="statusline">
      <span data-testid="save-status" role="status" className="saved">
        {text}
      </span>
      <BackgroundJobs />
      <span className="spacer" />
      {info ? (
        <>
          <span className="store" title={info.storePath} data-testid="store-path">
            {t('status.store', { path: info.storePath })}
          </span>
          {onBackups ? (
            <button type="button" className="link" data-testid="open-backups" onClick={onBackups}>
              {t('status.backups')}
            </button>
          ) : null}
          <span className="muted">{t('status.version', { version: info.version })}</span>
        </>
      ) : null}
    </footer>
  );
}
