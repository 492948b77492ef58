// Where the work on a whole store file runs: its check (every page read) and its copies. A host
// that must keep answering meanwhile — the app's window, browser mode's server — runs them in a
// job's worker (session/store-session.ts); the CLI, with nothing else to answer, on its own thread.
import type { BackupEntry } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { checkStoreFile } from '../store/check-store.ts';
import { backupStoreFile, type BackupOptions } from './create-backup.ts';

export interface StoreFileWork {
  /** checkStoreFile: the store's schema version, or the refusal (STORE_DAMAGED …). */
  check(path: string): Promise<{ version: number }>;
  /** backupStoreFile: a checked copy in place under its final name. */
  backup(opts: BackupOptions & { busyTimeoutMs?: number }): Promise<{ path: string; entry: BackupEntry }>;
}

/**
 * Whether a failed check is the check's verdict on the file (damaged, not a store, too new), as
 * opposed to the check not having run to the end — its worker cancelled, crashed, past its
 * deadline — which says nothing of the file and must never be taken for damage.
 */
export function isFileVerdict(e: unknown): e is AppError {
  return e instanceof AppError && (e.code === 'STORE_DAMAGED' || e.code === 'STORE_UNREADABLE' || e.code === 'STORE_TOO_NEW');
}

export const ON_THIS_THREAD: StoreFileWork = {
  check: async (path) => checkStoreFile(path),
  backup: backupStoreFile,
};
