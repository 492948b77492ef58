import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { isStoreBusy, storeBusyError } from './busy.ts';
import { SCHEMA_VERSION } from './migrations/index.ts';

/**
 * The check a host runs on an existing store before it uses, backs up or migrates it. Read-only:
 * a damaged file is the user's evidence and the source of any salvage, so nothing here writes to it
 * (a read-only connection never checkpoints a WAL into the file either).
 *
 * quick_check rather than integrity_check: it reads every page and catches what damage does to
 * them (bad pages, broken b-trees, out-of-order records) at a fraction of the cost, because it
 * skips matching each index against its table — the one thing a torn page rarely breaks alone.
 */
export function checkStoreFile(path: string): { version: number } {
  if (statSync(path).size === 0) {
    // A store is never created empty (core.ts builds it aside and links it in), so an empty file is
    // one that lost its contents: a new store over it would hide the loss from the user.
    throw new AppError('STORE_DAMAGED', { path, detail: 'empty file (0 bytes)' });
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw classify(path, e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new AppError('STORE_TOO_NEW', { path, found: version, supported: SCHEMA_VERSION });
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new AppError('STORE_DAMAGED', { path, detail: problems.slice(0, 3).join('；') });
    }
    if (version === 0) refuseForeign(db, path);
    return { version };
  } catch (e) {
    throw classify(path, e);
  } finally {
    db.close();
  }
}

/** Version 0 is a file no ParkBrief has written to: fine when empty, someone else's data when not. */
function refuseForeign(db: Database.Database, path: string): void {
  const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
  if (tables > 0) throw new AppError('STORE_UNREADABLE', { path, detail: 'an SQLite database, but not a ParkBrief store' });
}

/** SQLite's damage codes become STORE_DAMAGED (the recovery path); anything else stays unreadable. */
function classify(path: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = String((e as { code?: unknown }).code ?? '');
  const message = (e as Error).message;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) {
    return new AppError('STORE_DAMAGED', { path, detail: message }, undefined, { cause: e });
  }
  if (isStoreBusy(e)) return storeBusyError(e, path) as AppError;
  return new AppError('STORE_UNREADABLE', { path, detail: message }, undefined, { cause: e });
}
