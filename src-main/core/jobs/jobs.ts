// The jobs of this process: started by jobs.start (or by the method itself, which waits), read by
// jobs.status, ended by jobs.cancel. A job's worker does the long part on its own connection; its
// result is kept or delivered on the main thread (finish.ts) only if it was not cancelled meanwhile.

import { randomBytes } from 'node:crypto';
import type { Input, Output } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { JOB_NAMES, type JobMethod, type JobNameKey, type JobProgress, type JobStatus } from '../../shared/jobs.ts';
import type { CoreContext } from '../context.ts';
import { toErrorBody } from '../rpc/error-body.ts';
import { checkBeforeStart, finish } from './finish.ts';
import { runInWorker, type JobLimits, type JobName } from './runner.ts';
import { work } from './work.ts';

/**
 * Import parsing within 512 MB of heap; exports hold the whole file and its charts, hence more. The
 * yearbook keeps little beyond the run of features in hand, but makes garbage fast: with the default
 * 64 MB young generation its worker's semi-spaces grew to the limit and stayed in the process's
 * memory. 16 MB took about 50 MB off `export --all-parks` at 400 parks for a few per cent more CPU
 * (a tenth with a chart per park); 8 MB saved little more for a tenth more CPU. The bench that
 * measures it: bench/yearbook.bench.ts (docs/BENCHMARKS.md §10). The province workbook streams
 * sheet by sheet the same way: 24 MB took its peak from about 220–235 MB to 170–185 MB for about
 * 5 % more CPU (bench/xlsx-province.bench.ts runs it with these limits).
 */
export const JOB_LIMITS: Record<JobMethod, JobLimits> = {
  'imports.preview': { heapMb: 512, deadlineMs: 60_000 },
  'articles.read': { heapMb: 512, deadlineMs: 60_000 },
  'tables.export': { heapMb: 1024, youngMb: 24, deadlineMs: 300_000 },
  'documents.export': { heapMb: 1024, deadlineMs: 300_000 },
  'documents.exportYearbook': { heapMb: 1024, youngMb: 16, deadlineMs: 300_000 },
};
/** Two cores is a common office machine: more workers at once would only slow each one. */
export const MAX_RUNNING = 3;
/** How long an ended job can still be read by jobs.status. */
export const KEEP_ENDED_MS = 10 * 60 * 1000;

interface Job {
  status: JobStatus;
  startedAt: number;
  endedAt: number | null;
  cancel(): void;
  done: Promise<unknown>;
}

const jobs = new Map<string, Job>();

export interface StartOptions {
  /** Tests set tighter limits; the app uses JOB_LIMITS. */
  limits?: JobLimits;
  onProgress?: (p: JobProgress) => void;
}

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.endedAt !== null && now - j.endedAt > KEEP_ENDED_MS) jobs.delete(id);
}

/** What the user knows the job by: the file's name, or the export asked for (worded in each language by its key). */
function nameOf(method: JobMethod, input: Record<string, unknown>): JobName {
  if (typeof input.fileName === 'string') return { name: input.fileName.replace(/^.*[\\/]/, '') };
  const job: JobNameKey = method === 'documents.exportYearbook' ? 'yearbook' : method === 'tables.export' ? 'tables' : 'document';
  return { name: JOB_NAMES[job].zh, job };
}

/** Starts a job and answers at once; the input has been checked against the method's schema. */
export function startJob<M extends JobMethod>(ctx: CoreContext, method: M, input: Input<M>, opts: StartOptions = {}): JobStatus {
  const now = Date.now();
  sweep(now);
  const running = [...jobs.values()].filter((j) => j.status.state === 'running').length;
  if (running >= MAX_RUNNING) throw new AppError('JOB_TOO_MANY', { count: running });
  checkBeforeStart(ctx, method, input);
  const jobId = randomBytes(12).toString('base64url');
  const named = nameOf(method, input as Record<string, unknown>);
  const status: JobStatus = { jobId, method, name: named.name, ...(named.job ? { nameKey: named.job } : {}), state: 'running', progress: { stage: 'starting', count: 0 }, elapsedMs: 0 };
  const onProgress = (p: JobProgress) => {
    status.progress = p;
    opts.onProgress?.(p);
  };
  const worker = ctx.db.memory
    ? inline(ctx, method, input, named, onProgress)
    : runInWorker({ method, storePath: ctx.storePath, input }, named, opts.limits ?? JOB_LIMITS[method], onProgress);
  const job: Job = { status, startedAt: now, endedAt: null, cancel: worker.cancel, done: Promise.resolve() };
  job.done = worker.done
    .then(async (value) => {
      if (status.state !== 'running') return;
      onProgress({ stage: 'delivering', count: 0 });
      const fin = finish[method] as (c: CoreContext, v: unknown, i: unknown) => unknown;
      const result = await fin(ctx, value, input);
      if (status.state !== 'running') return;
      status.result = result;
      status.state = 'done';
    })
    .catch((e: unknown) => {
      status.error = toErrorBody(e);
      status.state = e instanceof AppError && e.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed';
    })
    .finally(() => {
      job.endedAt = Date.now();
    });
  jobs.set(jobId, job);
  return snapshot(job);
}

/**
 * A store in memory (tests) has no file a worker could open: the work runs here, as before. It
 * cannot be cancelled midway, only its result dropped.
 */
function inline(ctx: CoreContext, method: JobMethod, input: unknown, named: JobName, onProgress: (p: JobProgress) => void) {
  let cancelled: ((e: AppError) => void) | null = null;
  const run = work[method] as (c: CoreContext, i: unknown, p: (s: JobProgress['stage'], count: number, total?: number) => void) => unknown;
  const done = new Promise<unknown>((resolve, reject) => {
    cancelled = reject;
    setImmediate(() => {
      try {
        Promise.resolve(run(ctx, input, (stage, count, total) => onProgress(total === undefined ? { stage, count } : { stage, count, total }))).then(resolve, reject);
      } catch (e) {
        reject(e);
      }
    });
  });
  return { done, cancel: () => cancelled?.(new AppError('JOB_CANCELLED', { ...named })) };
}

function nameParams(s: JobStatus): JobName {
  return s.nameKey ? { name: s.name, job: s.nameKey } : { name: s.name };
}

function find(jobId: string): Job {
  sweep(Date.now());
  const job = jobs.get(jobId);
  if (!job) throw new AppError('JOB_NOT_FOUND', { minutes: KEEP_ENDED_MS / 60_000 });
  return job;
}

function snapshot(job: Job): JobStatus {
  return { ...job.status, elapsedMs: (job.endedAt ?? Date.now()) - job.startedAt };
}

export function jobStatus(jobId: string): JobStatus {
  return snapshot(find(jobId));
}

/**
 * Ends a running job (its worker is terminated; nothing it made is kept); an ended one is left as it
 * is, and so is one already delivering — the save dialog is then the user's to cancel.
 */
export function cancelJob(jobId: string): JobStatus {
  const job = find(jobId);
  if (job.status.state === 'running' && job.status.progress.stage !== 'delivering') {
    job.status.state = 'cancelled';
    job.status.error = toErrorBody(new AppError('JOB_CANCELLED', nameParams(job.status)));
    job.endedAt = Date.now();
    job.cancel();
  }
  return snapshot(job);
}

/** The method called as itself (the CLI, older callers): started as a job and waited for. */
export async function runJob<M extends JobMethod>(ctx: CoreContext, method: M, input: Input<M>, opts: StartOptions = {}): Promise<Output<M>> {
  const { jobId } = startJob(ctx, method, input, opts);
  const job = jobs.get(jobId)!;
  await job.done;
  jobs.delete(jobId);
  const s = job.status;
  if (s.state === 'done') return s.result as Output<M>;
  throw appErrorOfStatus(s);
}

function appErrorOfStatus(s: JobStatus): AppError {
  const e = s.error ?? toErrorBody(new AppError('JOB_CANCELLED', nameParams(s)));
  return new AppError(e.code as never, e.params ?? {}, e.details as never);
}
