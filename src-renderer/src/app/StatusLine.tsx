import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-main/shared/model.ts';
import type { StatusEvent } from './useWorkspace.ts';

function clock(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function StatusLine({ status, info }: { status: StatusEvent | null; info: AppInfo | null }) {
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
      <span className="spacer" />
      {info ? (
        <>
          <span className="store" title={info.storePath} data-testid="store-path">
            {t('status.store', { path: info.storePath })}
          </span>
          <span className="muted">{t('status.version', { version: info.version })}</span>
        </>
      ) : null}
    </footer>
  );
}
