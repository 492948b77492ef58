// Said once the workspace is back on a replaced store: which backup it now holds, and which backup
// holds what it replaced — restoring that one undoes the restore.
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../src-main/shared/backups.ts';
import { useLocale } from '../../i18n/index.ts';
import { backupTitle } from './format.ts';
import type { StoreNotice } from './RecoveryScreen.tsx';

export function StoreNoticeBanner({ notice, onOpenBackups, onDismiss }: { notice: StoreNotice; onOpenBackups(): void; onDismiss(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A store that did not open was moved aside whole: it is kept, but restoring it would not undo anything.
  const replacedLine = (r: BackupEntry | null) =>
    r === null ? null : r.reason === 'replaced' ? t('backups.setAside', { name: r.name }) : t('backups.undo', { title: backupTitle(r, locale), name: r.name });
  const lines =
    notice.kind === 'restored'
      ? [
          t('backups.restored', { title: backupTitle(notice.result.restored, locale) }),
          replacedLine(notice.result.replaced),
        ]
      : [notice.setAside ? t('backups.fresh', { name: notice.setAside.name }) : t('backups.freshNothing')];
  return (
    <div className="banner" role="status" data-testid="store-notice">
      <div className="banner-body">
        {lines.filter(Boolean).map((l) => (
          <p key={l} className="backups-notice-line">
            {l}
          </p>
        ))}
      </div>
      <button type="button" className="link" data-testid="store-notice-open" onClick={onOpenBackups}>
        {t('backups.openDialog')}
      </button>
      <button type="button" className="link" onClick={onDismiss}>
        {t('grid.dismiss')}
      </button>
    </div>
  );
}
