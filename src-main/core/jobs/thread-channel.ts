// A job in a worker thread of this process (worker.ts is its entry). Its heap limit is the thread's
// own; its thread lowers its priority on Linux (thread-priority.ts), but V8's helper threads that
// collect its garbage are the process's, shared with the main thread, at the usual priority.
import { Worker } from 'node:worker_threads';
import { entryBeside } from '../worker-entry.ts';
import type { WorkerInput } from './messages.ts';
import { youngMbOf, type JobChannel, type JobDeath, type JobLimits } from './job-channel.ts';

/** The job worker's entry: worker.ts from source (through worker-boot.mjs, the stripped-source cache), the built jobs-worker.js in the app. */
export function workerEntry(): URL {
  return entryBeside(import.meta.url, './worker-boot.mjs', 'jobs-worker.js');
}

export function startThread(data: WorkerInput, limits: JobLimits, entry: URL = workerEntry()): JobChannel {
  const worker = new Worker(entry, {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: youngMbOf(limits) },
    // The worker's stdout/stderr are not the user's terminal: a stray log must not reach a CLI pipe.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    onMessage: (listener) => void worker.on('message', listener),
    onDeath: (listener: (d: JobDeath) => void) => {
      worker.on('error', (e: Error & { code?: string }) => listener(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { outOfMemory: true } : { outOfMemory: false, detail: e.message }));
      worker.on('exit', (code) => listener({ outOfMemory: false, detail: `exit ${code}` }));
    },
    kill: () => void worker.terminate(),
    exited,
  };
}
