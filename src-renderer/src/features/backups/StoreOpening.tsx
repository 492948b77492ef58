// The store's check and start backup, shown while they run in the core's worker: a big store takes
// seconds to read, and the window is there meanwhile instead of nothing.
import { useTranslation } from 'react-i18next';
import type { StoreTaskStatus } from '../../../../src-main/shared/backups.ts';

export function StoreOpening({ running, storePath }: { running: StoreTaskStatus | null; storePath: string }) {
  const { t } = useTranslation();
  const p = running?.progress;
  const copying = running?.task === 'backup' && p?.stage === 'copying' && p.total !== undefined && p.total > 0;
  const percent = copying ? Math.floor((p.count / p.total!) * 100) : null;
  const text = running?.task === 'check' ? t('recovery.opening.check') : running?.task === 'backup' ? t('recovery.opening.backup') : t('recovery.checking');
  return (
    <main className="store-opening" role="status" data-testid="store-opening" data-task={running?.task ?? ''}>
      <h1>{t('app.name')}</h1>
      <p>
        {text}
        {percent !== null ? ` ${t('recovery.opening.percent', { percent })}` : null}
      </p>
      <progress max={copying ? p.total : undefined} value={copying ? p.count : undefined} aria-label={text} />
      <code className="muted">{storePath}</code>
    </main>
  );
}
