import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupEntry, BackupList, RestoreResult, SalvageResult, StoreStatus, StoreTaskStatus } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { backupsFolder, dailyBackupDue, describeBackup, freshBackupPath, listBackupNames, listBackups } from '../backups/backup-files.ts';
import { restoreStore, setAside } from '../backups/restore.ts';
import type { StoreFileWork } from '../backups/store-file-work.ts';
import { backupInWorker, checkInWorker, salvageInWorker, type StoreJob, type StoreJobOptions } from '../jobs/store-jobs.ts';
import type { CoreContext } from '../context.ts';
import type { Host } from '../host.ts';
import { toErrorBody } from '../rpc/error-body.ts';
import { openForHost } from './open-for-host.ts';

export interface SessionOptions {
  origin: string;
  demoIfNew: boolean;
  host?: Host;
  /** The wall clock, replaceable in tests of the daily backup. */
  now?: () => Date;
  /** Tests set tighter limits on the worker of a backup or salvage (not on the check before opening). */
  taskLimits?: StoreJobOptions['limits'];
}

/** Codes that mean "this file cannot be used as it is" — the recovery screen's cases. */
const RECOVERABLE = new Set(['STORE_DAMAGED', 'STORE_UNREADABLE', 'STORE_TOO_NEW', 'STORE_MIGRATION_FAILED']);

const HOUR_MS = 60 * 60 * 1000;

/**
 * The store a long-running host (the app, browser mode) works on, over its whole life: open, or
 * failed with the reason and waiting for the user on the recovery screen; swapped under the
 * transports when a backup is restored. Handlers never see it: they get its CoreContext.
 */
export class StoreSession {
  readonly storePath: string;
  private ctx: CoreContext | null = null;
  private failure: AppError | null = null;
  private opts: SessionOptions;
  private timer: NodeJS.Timeout | null = null;
  /** Store-level operations run one at a time: a restore must not meet a backup half-way. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The queue up to the last restore or fresh start: what other requests wait for. A backup or a
   * salvage does not make them wait — it runs in a worker on a connection of its own.
   */
  private swaps: Promise<unknown> = Promise.resolve();
  /**
   * The task running in a worker, with its progress. Only one the user started (立即备份, a salvage)
   * or the daily backup can be cancelled: the check and copies of an opening or a restore are steps
   * of it, ended only by close().
   */
  private running: (StoreTaskStatus & { cancel(): void; cancellable: boolean }) | null = null;
  lastBackup: BackupEntry | null = null;
  backupWarning: AppError | null = null;
  /** True from start() until the store is open or has failed: the check and start backup are running. */
  private opening = false;
  /** After close(): an opening still under way ends without opening the store. */
  private closed = false;
  /**
   * Settles when the first opening has ended: open or in recovery (both resolve), or failed in a
   * way no recovery screen handles — a pre-migration backup that could not be made — which rejects.
   */
  opened: Promise<void> = Promise.resolve();

  private constructor(storePath: string, opts: SessionOptions) {
    this.storePath = storePath;
    this.opts = { ...opts };
  }

  /**
   * Starts opening the store — its check and start backup in a worker, then the migration — and
   * returns at once, so the host can show its window (or serve its page) with the progress while a
   * big store is read. Requests other than the session's own wait for the opening (settled()); a
   * store that fails its check leaves the session in recovery.
   */
  static start(storePath: string, opts: SessionOptions): StoreSession {
    const s = new StoreSession(storePath, opts);
    s.opening = true;
    s.opened = s.serialSwap(async () => {
      try {
        await s.attach(true, opts.demoIfNew);
      } catch (e) {
        // Closed while opening (the app quit): its worker was ended, which is no failure to report.
        if (!s.closed) throw e;
      } finally {
        s.opening = false;
      }
    });
    s.timer = setInterval(() => void s.runDailyCheck(), HOUR_MS);
    s.timer.unref();
    return s;
  }

  /** start(), and the opening awaited. */
  static async open(storePath: string, opts: SessionOptions): Promise<StoreSession> {
    const s = StoreSession.start(storePath, opts);
    try {
      await s.opened;
    } catch (e) {
      s.close();
      throw e;
    }
    return s;
  }

  current(): CoreContext | null {
    return this.ctx;
  }

  /** The transport's way to hand files to the user (save dialog, download link), for every store this session opens. */
  setHost(host: Host): void {
    this.opts.host = host;
    if (this.ctx) this.ctx = { ...this.ctx, host };
  }

  status(): StoreStatus {
    const base = { storePath: this.storePath, backupsFolder: backupsFolder(this.storePath), ...(this.running ? { running: { task: this.running.task, progress: this.running.progress } } : {}) };
    if (this.opening) return { state: 'opening', ...base };
    if (this.ctx) return { state: 'open', ...base };
    const error = toErrorBody(this.failure ?? new AppError('STORE_NOT_OPEN', { path: this.storePath }));
    return { state: 'failed', ...base, error, canSalvage: existsSync(this.storePath) && this.failure?.code === 'STORE_DAMAGED' };
  }

  backups(): BackupList {
    return { folder: backupsFolder(this.storePath), backups: listBackups(this.storePath) };
  }

  backupNow(): Promise<BackupEntry> {
    return this.serial(async () => {
      this.requireOpen();
      const { entry } = await this.track('backup', backupInWorker({ storePath: this.storePath, reason: 'manual', now: this.now() }, this.taskOptions('backup')));
      return entry;
    });
  }

  /** Ends the backup or salvage running in its worker; false when none runs. */
  cancelTask(): boolean {
    if (!this.running?.cancellable) return false;
    this.running.cancel();
    return true;
  }

  private taskOptions(task: StoreTaskStatus['task']): StoreJobOptions {
    return {
      onProgress: (p) => {
        if (this.running?.task === task) this.running.progress = p;
      },
      ...(this.opts.taskLimits && task !== 'check' ? { limits: this.opts.taskLimits } : {}),
    };
  }

  private async track<T>(task: StoreTaskStatus['task'], job: StoreJob<T>, cancellable = true): Promise<T> {
    this.running = { task, progress: { stage: 'starting', count: 0 }, cancel: job.cancel, cancellable };
    try {
      return await job.done;
    } finally {
      this.running = null;
    }
  }

  /** Restores a backup named by file name (never a path: see BACKUP_NAME); the store is reopened after. */
  restore(name: string): Promise<RestoreResult> {
    return this.serialSwap(async () => {
      const source = join(backupsFolder(this.storePath), name);
      if (!listBackupNames(this.storePath).some((b) => b.name === name)) throw new AppError('BACKUP_NOT_FOUND', { name });
      return this.restoreFile(source);
    });
  }

  private async restoreFile(source: string): Promise<RestoreResult> {
    const outcome = await this.swap(() => restoreStore(this.storePath, source, this.now(), this.fileWork()));
    return { restored: outcome.restored, replaced: outcome.replaced };
  }

  /** Closes the store, runs `change` on the file, and opens whatever is there afterwards (restored or untouched). */
  private async swap<T>(change: () => Promise<T> | T): Promise<T> {
    this.detach();
    try {
      return await change();
    } finally {
      await this.attach(false, false);
    }
  }

  /**
   * Resolves once the store-level operations queued so far are done: a call that arrives during a
   * restore waits for the restored store instead of meeting a closed one.
   */
  async settled(): Promise<void> {
    await this.swaps;
  }

  salvage(): Promise<SalvageResult> {
    return this.serial(async () => {
      if (this.ctx || !existsSync(this.storePath)) throw new AppError('RECOVERY_NOT_NEEDED', { path: this.storePath });
      const out = freshBackupPath(this.storePath, 'salvaged', this.now());
      const { tables } = await this.track('salvage', salvageInWorker(this.storePath, out, this.taskOptions('salvage')));
      return { saved: describeBackup(out), tables };
    });
  }

  /** Sets the unusable store aside (kept, listed with the backups) and starts an empty one. */
  startFresh(): Promise<{ setAside: BackupEntry | null }> {
    return this.serialSwap(async () => {
      if (this.ctx) throw new AppError('RECOVERY_NOT_NEEDED', { path: this.storePath });
      const moved = await this.swap(() => (existsSync(this.storePath) ? setAside(this.storePath, this.now()) : null));
      return { setAside: moved ? describeBackup(moved) : null };
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    // Whatever runs is ended, the steps of an opening or a restore too: the app is quitting.
    this.timer = null;
    this.running?.cancel();
    this.detach();
  }

  private async attach(backupOnStart: boolean, demoIfNew: boolean): Promise<void> {
    // Closed (the app quitting) while a restore ran: the store is not opened again.
    if (this.closed) return;
    try {
      const opened = await openForHost(this.storePath, { origin: this.opts.origin, demoIfNew, backupOnStart, now: this.now(), work: this.fileWork() });
      if (this.closed) {
        opened.ctx.db.close();
        return;
      }
      this.ctx = this.opts.host ? { ...opened.ctx, host: this.opts.host } : opened.ctx;
      this.failure = null;
      if (opened.backup) this.lastBackup = opened.backup;
      this.backupWarning = opened.backupWarning;
    } catch (e) {
      if (this.closed) throw e;
      // The check's worker dead (out of memory, past its deadline, crashed) says nothing of the file,
      // but the store cannot be opened unchecked: the recovery screen says so and offers what it can.
      const failure = e instanceof AppError && e.code.startsWith('JOB_') ? new AppError('STORE_UNREADABLE', { path: this.storePath, detail: e.message }, undefined, { cause: e }) : e;
      if (!(failure instanceof AppError) || !RECOVERABLE.has(failure.code)) throw e;
      this.ctx = null;
      this.failure = failure;
    }
  }

  /** The store's check and copies in a worker, their progress in status(): the thread that answers stays free. */
  private fileWork(): StoreFileWork {
    const closed = (path: string) => new AppError('JOB_CANCELLED', { name: basename(path) });
    return {
      check: (path) => (this.closed ? Promise.reject(closed(path)) : this.track('check', checkInWorker(path, this.taskOptions('check')), false)),
      backup: (opts) => (this.closed ? Promise.reject(closed(opts.storePath)) : this.track('backup', backupInWorker(opts, this.taskOptions('backup')), false)),
    };
  }

  private detach(): void {
    this.ctx?.db.close();
    this.ctx = null;
  }

  /** The hourly check (the host's timer; tests call it directly): a daily backup when one is due. */
  async runDailyCheck(): Promise<void> {
    await this.serial(async () => {
      if (!this.ctx || !dailyBackupDue(this.storePath, this.now())) return;
      try {
        this.lastBackup = (await this.track('backup', backupInWorker({ storePath: this.storePath, reason: 'daily', now: this.now() }, this.taskOptions('backup')))).entry;
        this.backupWarning = null;
      } catch (e) {
        this.backupWarning = e instanceof AppError ? e : new AppError('BACKUP_FAILED', { path: this.storePath, detail: String(e) });
      }
    });
  }

  private requireOpen(): CoreContext {
    if (!this.ctx) throw this.failure ?? new AppError('STORE_NOT_OPEN', { path: this.storePath });
    return this.ctx;
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A store-level operation that closes and reopens the store: every request waits for it. */
  private serialSwap<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.serial(fn);
    this.swaps = this.queue;
    return run;
  }
}
