import Database from 'better-sqlite3';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupEntry } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { SCHEMA_VERSION } from '../store/migrations/index.ts';
import { describeBackup, freshBackupPath } from './backup-files.ts';
import { fsyncFile, fsyncFolder } from '../files/fsync.ts';
import { isFileVerdict, ON_THIS_THREAD, type StoreFileWork } from './store-file-work.ts';

export interface RestoreOutcome {
  restored: BackupEntry;
  /** Where the replaced store now is (null when there was none): restoring it undoes the restore. */
  replaced: BackupEntry | null;
  replacedPath: string | null;
}

/**
 * Replaces the store at storePath with the backup `source`. The caller closes its own connection
 * first and reopens (which migrates an older backup) afterwards.
 *
 * A healthy store is first copied to a 'before-restore' backup, then overwritten through the
 * backup API — page by page inside one SQLite transaction, under SQLite's locks — so another
 * process (the CLI beside the app) never sees half of it, and a crash mid-way rolls back to the
 * old store. A store that cannot be opened cannot take part in that; it is moved aside whole
 * (with its -wal, which may hold committed data) and the backup is put in its place by rename.
 */
export async function restoreStore(storePath: string, source: string, now = new Date(), work: StoreFileWork = ON_THIS_THREAD): Promise<RestoreOutcome> {
  const restored = await validateSource(storePath, source, work);
  if (!existsSync(storePath)) {
    await copyIntoPlace(source, storePath);
    return { restored, replaced: null, replacedPath: null };
  }
  let healthy = true;
  try {
    await work.check(storePath);
  } catch (e) {
    // Only the check's verdict makes the store one to set aside; busy, or a check that did not run
    // to its end (its worker cancelled or dead), leaves it where it is and the restore refused.
    if (!isFileVerdict(e)) throw e;
    healthy = false;
  }
  let replacedPath: string;
  if (healthy) {
    replacedPath = (await work.backup({ storePath, reason: 'before-restore', now })).path;
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(storePath);
    } catch (e) {
      throw new AppError('RESTORE_FAILED', { detail: (e as Error).message }, undefined, { cause: e });
    } finally {
      src.close();
    }
  } else {
    replacedPath = setAside(storePath, now);
    await copyIntoPlace(source, storePath);
  }
  await checkRestored(storePath, work);
  return { restored, replaced: describeBackup(replacedPath), replacedPath };
}

/** Moves a store (and its journal files) into the backups folder as 'replaced'; returns its new path. */
export function setAside(storePath: string, now = new Date()): string {
  const target = freshBackupPath(storePath, 'replaced', now);
  mkdirSync(dirname(target), { recursive: true });
  // The -wal first: were the main file moved alone and the process stopped, a new store created at
  // the old name would replay the old -wal into itself.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(storePath + suffix)) renameSync(storePath + suffix, target + suffix);
  }
  renameSync(storePath, target);
  fsyncFolder(dirname(target));
  fsyncFolder(dirname(storePath));
  return target;
}

/** A backup is restorable when it is a ParkBrief store this version can open, and not the store itself. */
async function validateSource(storePath: string, source: string, work: StoreFileWork): Promise<BackupEntry> {
  const path = resolve(source);
  // The reason travels as a key (errors.ts words it per language), so English never carries Chinese.
  const refuse = (reason: 'missing' | 'is-store' | 'damaged' | 'not-a-store' | 'no-store-id', detail?: string): never => {
    throw new AppError('BACKUP_INVALID', detail ? { path: source, reason, detail } : { path: source, reason });
  };
  if (!existsSync(path)) refuse('missing');
  if (existsSync(storePath) && realpathSync(path) === realpathSync(storePath)) refuse('is-store');
  let version: number;
  try {
    version = (await work.check(path)).version;
  } catch (e) {
    if (!isFileVerdict(e)) throw e;
    const err = e;
    if (err.code === 'STORE_TOO_NEW') throw new AppError('BACKUP_INVALID', { path: source, reason: 'too-new', found: String(err.params.found), supported: SCHEMA_VERSION });
    // SQLite's own words stay out of the reason: BACKUP_INVALID shows them as its technical line.
    refuse(err.code === 'STORE_DAMAGED' ? 'damaged' : 'not-a-store', String(err.params.detail ?? ''));
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get();
    const storeId = hasMeta ? db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() : undefined;
    if (version! < 1 || !storeId) refuse('no-store-id');
  } finally {
    db.close();
  }
  return describeBackup(path);
}

/** A fresh copy through the backup API to a temporary name, then renamed into place. */
async function copyIntoPlace(source: string, storePath: string): Promise<void> {
  mkdirSync(dirname(storePath), { recursive: true });
  const tmp = join(dirname(storePath), `.${basename(storePath)}.${process.pid}.restoring`);
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(tmp);
    fsyncFile(tmp);
    // Journal files of a store no longer there would be replayed into the new one (core.ts says why).
    for (const orphan of [`${storePath}-wal`, `${storePath}-shm`]) rmSync(orphan, { force: true });
    renameSync(tmp, storePath);
    fsyncFolder(dirname(storePath));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('RESTORE_FAILED', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, undefined, { cause: e });
  } finally {
    src.close();
  }
}

async function checkRestored(storePath: string, work: StoreFileWork): Promise<void> {
  try {
    await work.check(storePath);
  } catch (e) {
    if (!isFileVerdict(e)) throw e;
    throw new AppError('RESTORE_FAILED', { detail: (e as Error).message }, undefined, { cause: e });
  }
}
