// The store's backups, newest first (the core's order), each with what it holds and a 恢复 button —
// or, for a file that cannot be restored, the reason in place of the button.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../src-main/shared/backups.ts';
import { useLocale } from '../../i18n/index.ts';
import { backupTime, backupTitle, byteSize, reasonLabel, unrestorableReason } from './format.ts';

export interface BackupTableProps {
  backups: BackupEntry[];
  /** A backup just made or salvaged: marked and scrolled into view. */
  highlight?: string | null;
  /** The entry waiting for confirmation. */
  pending?: string | null;
  disabled?: boolean;
  onRestore(entry: BackupEntry): void;
}

export function BackupTable({ backups, highlight, pending, disabled, onRestore }: BackupTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const marked = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'nearest' });
  }, [highlight, backups]);
  const count = (n: number | null) => (n === null ? '—' : String(n));
  return (
    <div className="backups-scroll">
      <table className="backups-table" aria-label={t('backups.listLabel')} data-testid="backup-list">
        <thead>
          <tr>
            <th scope="col">{t('backups.col.time')}</th>
            <th scope="col">{t('backups.col.kind')}</th>
            <th scope="col" className="num">
              {t('backups.col.parks')}
            </th>
            <th scope="col" className="num">
              {t('backups.col.figures')}
            </th>
            <th scope="col" className="num">
              {t('backups.col.size')}
            </th>
            <th scope="col">{t('backups.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => {
            const why = unrestorableReason(b);
            const isNew = b.name === highlight;
            const classes = [isNew ? 'fresh' : '', b.name === pending ? 'pending' : '', why ? 'unrestorable' : ''].filter(Boolean).join(' ');
            return (
              <tr
                key={b.name}
                ref={isNew ? marked : undefined}
                className={classes || undefined}
                data-testid="backup-row"
                data-name={b.name}
                data-reason={b.reason}
                aria-current={isNew ? 'true' : undefined}
                title={b.name}
              >
                <td className="time">{backupTime(b.createdAt)}</td>
                <td>{reasonLabel(b, locale)}</td>
                <td className="num">{count(b.parks)}</td>
                <td className="num">{count(b.figures)}</td>
                <td className="num">{byteSize(b.bytes)}</td>
                <td>
                  {why ? (
                    <span className="backups-why" data-testid="backup-unrestorable">
                      {t(`backups.unrestorable.${why}`)}
                    </span>
                  ) : (
                    <button
                      type="button"
                      data-testid="backup-restore"
                      data-restore={b.name}
                      disabled={disabled}
                      aria-label={t('backups.restoreTitle', { title: backupTitle(b, locale) })}
                      onClick={() => onRestore(b)}
                    >
                      {t('backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
