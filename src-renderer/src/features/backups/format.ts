// How a backup is named to the user: its time, its kind, its size, and why it cannot be restored.
import { BACKUP_REASON_LABELS, type BackupEntry } from '../../../../src-main/shared/backups.ts';
import type { Locale } from '../../../../src-main/shared/errors.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, to the second: two start-up backups a minute apart must be told apart. */
export function backupTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function reasonLabel(entry: Pick<BackupEntry, 'reason'>, locale: Locale): string {
  const label = BACKUP_REASON_LABELS[entry.reason];
  return label ? label[locale === 'en' ? 'en' : 'zh'] : entry.reason;
}

/** One name for a backup in sentences: kind and time, as the list shows them. */
export function backupTitle(entry: Pick<BackupEntry, 'reason' | 'createdAt'>, locale: Locale): string {
  return `${reasonLabel(entry, locale)} ${backupTime(entry.createdAt)}`;
}

/** Binary units, one decimal from KB up; figures stay Arabic numerals in both languages. */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}

export type Unrestorable = 'unreadable' | 'foreign' | 'newer';

/**
 * Why the core marked an entry not restorable, from how far it got reading it (version, then the
 * parks, then the figures): a read that stopped short is a file that does not open or is damaged;
 * read through, it is refused for its version — 0 is some other SQLite file, anything else was
 * written by a newer ParkBrief.
 */
export function unrestorableReason(entry: Pick<BackupEntry, 'restorable' | 'schemaVersion' | 'parks' | 'figures'>): Unrestorable | null {
  if (entry.restorable) return null;
  if (entry.schemaVersion === null || entry.parks === null || entry.figures === null) return 'unreadable';
  return entry.schemaVersion < 1 ? 'foreign' : 'newer';
}
