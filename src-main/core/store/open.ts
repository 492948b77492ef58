import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { isStoreBusy, storeBusyError } from './busy.ts';
import { migrate } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** How long a write waits for another process (the CLI beside the app) before giving up. */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) a store and migrates it. WAL lets the CLI read while the app writes;
 * synchronous=FULL makes a committed edit survive a power cut, not only a crash, which is what
 * "saved the moment it is committed" promises.
 */
export function openStore(path: string, opts: OpenOptions = {}): { db: Db; created: boolean } {
  const created = path === ':memory:' || !existsSync(path);
  if (created && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, timeout: opts.busyTimeoutMs ?? 5000 });
  } catch (e) {
    throw new AppError('STORE_UNREADABLE', { path, detail: (e as Error).message });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Reading the schema is the cheapest check that the file is a SQLite database at all.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    db.close();
    if (isStoreBusy(e)) throw storeBusyError(e, path);
    throw new AppError('STORE_UNREADABLE', { path, detail: (e as Error).message }, undefined, { cause: e });
  }
  try {
    if (!opts.readonly) migrate(db, path);
  } catch (e) {
    // The file is fine and, the migration being one transaction, untouched: say so, not "unreadable".
    db.close();
    if (e instanceof AppError) throw e;
    if (isStoreBusy(e)) throw storeBusyError(e, path);
    throw new AppError('STORE_MIGRATION_FAILED', { path, detail: (e as Error).message }, undefined, { cause: e });
  }
  return { db, created };
}
