// One job in one worker thread: a heap limit, a deadline, progress, cancel. A worker that runs out
// of memory, past its deadline or dies otherwise is a refusal of that job, worded with the file's
// name and the limit; the thread that started it goes on serving.

import { Worker } from 'node:worker_threads';
import type { ErrorBody } from '../../shared/contract.ts';
import { AppError, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';
import type { JobNameKey, JobProgress } from '../../shared/jobs.ts';
import type { ToMain, WorkerInput } from './messages.ts';
import { entryBeside } from '../worker-entry.ts';

export interface JobLimits {
  /** V8's old-generation heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  heapMb: number;
  /**
   * V8's young generation (resourceLimits.maxYoungGenerationSizeMb); by default an eighth of the
   * heap, 8 to 64 MB. A job that makes much short-lived garbage and keeps little (the yearbook,
   * feature run by feature run) takes a smaller one: its semi-spaces grow to the limit and stay in
   * the process's memory, for little time saved.
   */
  youngMb?: number;
  deadlineMs: number;
}

/** The job as its refusals name it: the file, or an export's kind (shared/jobs.ts JOB_NAMES) worded per language. */
export type JobName = {
  name: string;
  job?: JobNameKey;
};

export interface RunningWorker {
  /** The work's result, or the refusal (an AppError) it ended with. */
  done: Promise<unknown>;
  /** Ends the worker at once; done rejects with JOB_CANCELLED. */
  cancel(): void;
  /** Resolves once the thread has stopped: only then may what it was writing be removed. */
  exited: Promise<void>;
}

/** The job worker's entry: worker.ts from source (through worker-boot.mjs, the stripped-source cache), the built jobs-worker.js in the app. */
export function workerEntry(): URL {
  return entryBeside(import.meta.url, './worker-boot.mjs', 'jobs-worker.js');
}

export function runInWorker(data: WorkerInput, named: JobName, limits: JobLimits, onProgress: (p: JobProgress) => void, entry: URL = workerEntry()): RunningWorker {
  let settle: { resolve(v: unknown): void; reject(e: unknown): void };
  const done = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
  let ended = false;
  const end = (outcome: { value: unknown } | { error: AppError }) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    if ('error' in outcome) settle.reject(outcome.error);
    else settle.resolve(outcome.value);
    // The worker has posted its last word; whatever it still holds goes with it.
    void worker.terminate();
  };
  const worker = new Worker(entry, {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: limits.youngMb ?? Math.min(64, Math.max(8, limits.heapMb / 8)) },
    // The worker's stdout/stderr are not the user's terminal: a stray log must not reach a CLI pipe.
    stdout: true,
    stderr: true,
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.stdout.resume();
  worker.stderr.resume();
  const timer = setTimeout(() => end({ error: new AppError('JOB_DEADLINE', { ...named, limit: Math.round(limits.deadlineMs / 100) / 10 }) }), limits.deadlineMs);
  worker.on('message', (m: ToMain) => {
    if (m.type === 'progress') {
      if (!ended) onProgress(m.progress);
    } else if (m.type === 'done') end({ value: m.value });
    else end({ error: appErrorOf(m.error) });
  });
  worker.on('error', (e: Error & { code?: string }) => {
    if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') end({ error: new AppError('JOB_OUT_OF_MEMORY', { ...named, limit: limits.heapMb }) });
    else end({ error: new AppError('JOB_CRASHED', { ...named, detail: e.message.slice(0, 200) }) });
  });
  worker.on('exit', (code) => end({ error: new AppError('JOB_CRASHED', { ...named, detail: `exit ${code}` }) }));
  return {
    done,
    cancel: () => end({ error: new AppError('JOB_CANCELLED', { ...named }) }),
    exited,
  };
}

/** The refusal the worker posted, as the AppError it threw there. */
export function appErrorOf(body: ErrorBody): AppError {
  return new AppError(body.code as ErrorCode, body.params ?? {}, body.details as ErrorDetail[] | undefined);
}
