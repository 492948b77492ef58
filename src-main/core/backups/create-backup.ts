// A consistent copy of a live store, made with SQLite's online backup API.

import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupEntry, BackupReason } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { fsyncFile, fsyncFolder } from '../files/fsync.ts';
import { fileWriteError } from '../files/write-error.ts';
import { describeBackup, freshBackupPath, pruneBackups } from './backup-files.ts';

export interface BackupOptions {
  storePath: string;
  reason: BackupReason;
  /** A file of the user's choosing (CLI --out); otherwise a new name in the backups folder. */
  out?: string;
  now?: Date;
}

/**
 * Copies the store through the online backup API rather than the file system: the copy is a
 * consistent snapshot even while the app or the CLI writes (a file copy of a WAL store can catch
 * half a transaction in the -wal). It is written to a temporary name, checked, flushed and renamed,
 * so a crash never leaves a half backup that would later be offered for restore.
 */
export async function createBackup(db: Database.Database, opts: BackupOptions): Promise<{ path: string; entry: BackupEntry }> {
  const { target, tmp } = backupPaths(opts);
  try {
    await copyStoreTo(db, tmp);
    renameSync(tmp, target);
  } catch (e) {
    throw backupFailed(target, tmp, e);
  }
  return placed(target, opts);
}

/** Where a backup goes, and the temporary name it is written under until it has passed its checks. */
export function backupPaths(opts: BackupOptions): { target: string; tmp: string } {
  const target = opts.out ?? freshBackupPath(opts.storePath, opts.reason, opts.now ?? new Date());
  return { target, tmp: join(dirname(target), `.${basename(target)}.${process.pid}.partial`) };
}

/** Pages copied of the store's total, as the backup API reports them between its steps. */
export type PagesCopied = (copied: number, total: number) => void;

/**
 * The copy itself, to `tmp`: the backup API a few thousand pages a step (the caller's event loop
 * runs between steps), then one self-contained file, checked and flushed. Not yet in place.
 */
export async function copyStoreTo(db: Database.Database, tmp: string, onPages?: PagesCopied, onChecking?: () => void): Promise<void> {
  mkdirSync(dirname(tmp), { recursive: true });
  await db.backup(tmp, {
    progress: ({ totalPages, remainingPages }) => {
      onPages?.(totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  onChecking?.();
  singleFile(tmp);
  verifyCopy(tmp, db.pragma('user_version', { simple: true }) as number);
  fsyncFile(tmp);
}

/** 4096 pages of 4 KB: 16 MB a step, a few milliseconds of copying between two turns of the event loop. */
const PAGES_PER_STEP = 4096;

/** A failed backup leaves nothing: its temporary file goes, and the refusal says why in the user's words. */
export function backupFailed(target: string, tmp: string, e: unknown): AppError {
  removeQuietly(tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`);
  if (e instanceof AppError) return e;
  // A full disk or a read-only folder in the user's words, as for exports.
  const why = typeof (e as NodeJS.ErrnoException).code === 'string' && !(e as { code: string }).code.startsWith('SQLITE') ? fileWriteError(target, e, 'create').message : (e as Error).message;
  return new AppError('BACKUP_FAILED', { path: target, detail: why }, undefined, { cause: e });
}

/** After the rename: the folder flushed, old automatic backups pruned, the new one described. */
export function placed(target: string, opts: BackupOptions): { path: string; entry: BackupEntry } {
  fsyncFolder(dirname(target));
  if (!opts.out) pruneBackups(opts.storePath);
  return { path: target, entry: describeBackup(target) };
}

/**
 * A backup of the store at a path, for a caller that holds no connection to it (the CLI, a host
 * before it opens the store, a restore). Read-only: a backup never writes to, or checkpoints, the
 * store it copies, and it runs beside the app.
 */
export async function backupStoreFile(opts: BackupOptions & { busyTimeoutMs?: number }): Promise<{ path: string; entry: BackupEntry }> {
  const db = new Database(opts.storePath, { readonly: true, fileMustExist: true, timeout: opts.busyTimeoutMs ?? 5000 });
  try {
    return await createBackup(db, opts);
  } finally {
    db.close();
  }
}

/**
 * The copy inherits the store's WAL mode from the page it copies; a backup is one self-contained
 * file (to mail, to put on a USB stick), so it goes back to a rollback journal.
 */
function singleFile(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The copy must open, pass its own check and carry the source's schema version. */
function verifyCopy(path: string, expectedVersion: number): void {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || version !== expectedVersion) {
      throw new AppError('BACKUP_FAILED', { path, detail: `quick_check=${String(check)}, user_version=${String(version)}` });
    }
  } finally {
    copy.close();
  }
}

/** Cleanup after a failure must not replace the failure's own error with its own. */
export function removeQuietly(...paths: string[]): void {
  for (const p of paths) {
    try {
      rmSync(p, { force: true });
    } catch {
      // The folder itself is unusable (the reason the backup failed); nothing was left in it.
    }
  }
}
