import { existsSync } from 'node:fs';
import type { BackupEntry, BackupReason } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { dailyBackupDue } from '../backups/backup-files.ts';
import { ON_THIS_THREAD, type StoreFileWork } from '../backups/store-file-work.ts';
import type { CoreContext } from '../context.ts';
import { openPreparedStore } from '../store/core.ts';
import type { OpenCoreOptions } from './open-core.ts';
import { prepareCore } from './prepare-core.ts';
import { SCHEMA_VERSION } from '../store/migrations/index.ts';

export interface HostOpenOptions extends OpenCoreOptions {
  /** The app and browser mode back up on every start; the CLI only when a daily backup is due. */
  backupOnStart: boolean;
  now?: Date;
  /** Where the check and the backup run: the caller's thread unless the host gives a worker's. */
  work?: StoreFileWork;
}

export interface HostOpened {
  ctx: CoreContext & { created: boolean };
  backup: BackupEntry | null;
  /** A start or daily backup that failed: the store still opens, the user is told. */
  backupWarning: AppError | null;
}

/**
 * How every host (app, browser mode, CLI) opens the user's store: check it first, back it up,
 * then migrate and use it. A store that fails the check is never opened for writing, migrated or
 * replaced; the error (STORE_DAMAGED …) goes to the recovery screen or the terminal.
 */
export async function openForHost(path: string, opts: HostOpenOptions): Promise<HostOpened> {
  let backup: BackupEntry | null = null;
  let backupWarning: AppError | null = null;
  if (path !== ':memory:' && existsSync(path)) {
    const work = opts.work ?? ON_THIS_THREAD;
    const { version } = await work.check(path);
    const now = opts.now ?? new Date();
    const reason: BackupReason | null =
      version > 0 && version < SCHEMA_VERSION ? 'pre-migration' : opts.backupOnStart ? 'start' : dailyBackupDue(path, now) ? 'daily' : null;
    if (reason) {
      try {
        backup = (await work.backup({ storePath: path, reason, now, ...(opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs }) })).entry;
      } catch (e) {
        // Never migrate without the copy to go back to; a missed routine backup only warns. A backup
        // cancelled (the host closing while it opens the store) is no missed backup: the opening stops
        // there, and the store is not opened, migrated or created.
        if (reason === 'pre-migration' || (e instanceof AppError && e.code === 'JOB_CANCELLED')) throw e;
        backupWarning = e instanceof AppError ? e : new AppError('BACKUP_FAILED', { path, detail: String(e) });
      }
    }
  }
  // The demo loader only for a store about to be created: every command on an existing store would
  // load it for nothing (openCore, for tests and tools, imports it up front).
  const creating = path === ':memory:' || !existsSync(path);
  const demo = opts.demoIfNew && creating ? (await import('../demo/load-demo.ts')).loadDemo : undefined;
  return { ctx: openPreparedStore(path, opts, prepareCore(demo)), backup, backupWarning };
}
