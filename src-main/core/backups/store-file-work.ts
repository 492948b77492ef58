// Where the work on a whole store file runs: its check (every page read) and its copies. A host
// that must keep answering meanwhile — the app's window, browser mode's server — runs them in a
// job's worker (session/store-session.ts); the CLI, with nothing else to answer, on its own thread.
import type { BackupEntry } from '../../shared/backups.ts';
import { checkStoreFile } from '../store/check-store.ts';
import { backupStoreFile, type BackupOptions } from './create-backup.ts';

export interface StoreFileWork {
  /** checkStoreFile: the store's schema version, or the refusal (STORE_DAMAGED …). */
  check(path: string): Promise<{ version: number }>;
  /** backupStoreFile: a checked copy in place under its final name. */
  backup(opts: BackupOptions & { busyTimeoutMs?: number }): Promise<{ path: string; entry: BackupEntry }>;
}

export const ON_THIS_THREAD: StoreFileWork = {
  check: async (path) => checkStoreFile(path),
  backup: backupStoreFile,
};
