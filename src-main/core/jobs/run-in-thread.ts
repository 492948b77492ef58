// A job, in its worker thread (after worker.ts) or its child process (after child.ts). It opens the
// store read-only itself — a better-sqlite3 connection belongs to the thread that opened it — runs
// the job and posts progress, then the result or the refusal. Writing is the main thread's, in one
// transaction, after the job has finished.

import { parentPort, workerData } from 'node:worker_threads';
import type { JobMethod, JobProgress, JobStage } from '../../shared/jobs.ts';
import { loadFigureWords } from '../catalog/figure-words.ts';
import { toErrorBody } from '../rpc/error-body.ts';
import { openStore } from '../store/open.ts';
import type { ToMain, WorkerInput } from './messages.ts';
import { work } from './work.ts';

/**
 * A progress message at most this often (a stage change always goes): a message is a copy. The last
 * one held back is sent before the result, so the count a job ends on is seen even when it was quick.
 */
const PROGRESS_EVERY_MS = 50;

/** Where a job posts to: its thread's parentPort, or its process's link to the host (run-in-child.ts). */
export interface JobPort {
  postMessage(m: ToMain): void;
}

async function main(port: JobPort, data: WorkerInput): Promise<void> {
  let held: JobProgress | null = null;
  const post = (m: ToMain) => {
    if (m.type !== 'progress' && held) port.postMessage({ type: 'progress', progress: held } satisfies ToMain);
    held = null;
    port.postMessage(m);
  };
  let last = 0;
  let lastStage: JobStage | null = null;
  const progress = (stage: JobStage, count: number, total?: number) => {
    const p: JobProgress = total === undefined ? { stage, count } : { stage, count, total };
    const now = Date.now();
    if (stage === lastStage && now - last < PROGRESS_EVERY_MS) {
      held = p;
      return;
    }
    last = now;
    lastStage = stage;
    post({ type: 'progress', progress: p });
  };
  if ('task' in data) {
    // A store task opens what it works on itself: the store read-only for a backup, a damaged file's copy for a salvage.
    const { storeWork } = await import('./store-work.ts');
    post({ type: 'done', value: await storeWork[data.task](data.input as never, progress) });
    return;
  }
  const { db } = openStore(data.storePath, { readonly: true, busyTimeoutMs: 5000 });
  try {
    // The store's own units and qualifiers: the lookups are per thread.
    loadFigureWords(db);
    const run = work[data.method as JobMethod] as (ctx: unknown, input: unknown, p: typeof progress) => unknown;
    const value = await run({ db, storePath: data.storePath, origin: 'job', actor: '' }, data.input, progress);
    post({ type: 'done', value });
  } finally {
    db.close();
  }
}

/** Runs a job and posts its end; a refusal is posted, never thrown into the void. */
export async function runJobTo(port: JobPort, data: WorkerInput): Promise<void> {
  await main(port, data).catch((e: unknown) => port.postMessage({ type: 'error', error: toErrorBody(e) } satisfies ToMain));
}

/** Runs the job this thread was started for. */
export async function runThisJob(): Promise<void> {
  if (parentPort) await runJobTo(parentPort, workerData as WorkerInput);
}
