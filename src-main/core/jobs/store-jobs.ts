// A store's check, a backup or a salvage run in a job's worker: the check (every page read), the
// copy (pages of the store, rows of a damaged one) and its checks off the main thread, which stays
// free to answer; progress as the worker posts it; cancel ends the worker. Only a finished copy is renamed into place, here on the main thread; a
// cancelled or failed one is removed once its thread has stopped, and the store is never written.
import { basename, dirname } from 'node:path';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import type { BackupEntry } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import type { JobProgress } from '../../shared/jobs.ts';
import { backupFailed, backupPaths, placed, type BackupOptions } from '../backups/create-backup.ts';
import { salvageScratch, type SalvageReport } from '../backups/salvage.ts';
import { fsyncFolder } from '../files/fsync.ts';
import { runInWorker, type JobLimits } from './runner.ts';
import type { BackupTaskInput, CheckTaskInput, SalvageTaskInput, StoreResults } from './store-work.ts';

/** A big store's copy and check take minutes on a slow disk; the copy itself needs little memory. */
export const STORE_TASK_LIMITS: JobLimits = { heapMb: 256, deadlineMs: 30 * 60_000 };

export interface StoreJob<T> {
  done: Promise<T>;
  cancel(): void;
}

export interface StoreJobOptions {
  onProgress?: (p: JobProgress) => void;
  limits?: JobLimits;
}

/** The check a host runs before it opens a store (check-store.ts), read-only, in a worker. */
export function checkInWorker(path: string, jobOpts: StoreJobOptions = {}): StoreJob<StoreResults['check']> {
  const input: CheckTaskInput = { path };
  const run = runInWorker({ task: 'check', input }, { name: basename(path) }, jobOpts.limits ?? STORE_TASK_LIMITS, jobOpts.onProgress ?? (() => {}));
  return { done: run.done.then((v) => v as StoreResults['check']), cancel: run.cancel };
}

export function backupInWorker(opts: BackupOptions, jobOpts: StoreJobOptions = {}): StoreJob<{ path: string; entry: BackupEntry }> {
  const { target, tmp } = backupPaths(opts);
  const input: BackupTaskInput = { storePath: opts.storePath, tmp };
  const run = runInWorker({ task: 'backup', input }, { name: basename(target) }, jobOpts.limits ?? STORE_TASK_LIMITS, jobOpts.onProgress ?? (() => {}));
  const done = run.done.then(
    () => {
      try {
        renameSync(tmp, target);
      } catch (e) {
        throw backupFailed(target, tmp, e);
      }
      return placed(target, opts);
    },
    async (e: unknown) => {
      await run.exited;
      throw backupFailed(target, tmp, e);
    },
  );
  return { done, cancel: run.cancel };
}

export function salvageInWorker(storePath: string, out: string, jobOpts: StoreJobOptions = {}): StoreJob<SalvageReport> {
  mkdirSync(dirname(out), { recursive: true });
  const scratch = salvageScratch(out);
  const input: SalvageTaskInput = { storePath, out, scratch };
  const run = runInWorker({ task: 'salvage', input }, { name: basename(storePath) }, jobOpts.limits ?? STORE_TASK_LIMITS, jobOpts.onProgress ?? (() => {}));
  const done = run.done.then(
    (report) => report as SalvageReport,
    async (e: unknown) => {
      await run.exited;
      // The worker removes its own scratch when it ends by itself; ended from here, it could not.
      for (const f of [scratch.building, `${scratch.building}-journal`, `${scratch.building}-wal`, `${scratch.building}-shm`]) rmSync(f, { force: true });
      rmSync(scratch.work, { recursive: true, force: true });
      fsyncFolder(dirname(out));
      throw e instanceof AppError ? e : new AppError('SALVAGE_FAILED', { path: out, detail: (e as Error).message }, undefined, { cause: e });
    },
  );
  return { done, cancel: run.cancel };
}
