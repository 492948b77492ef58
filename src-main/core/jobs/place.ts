// Where each job runs: the one place that chooses between a worker thread and a child process.
//
// In a host that answers the user while jobs run (the HTTP host, the Electron shell), exports run in
// a child process whose every thread runs at low priority. A yearbook runs for
// seconds to minutes and makes garbage fast; in a worker thread, V8's helper threads that collect
// that garbage belong to the whole process and run at the usual priority, and on a two-core machine
// they took the core the main thread needed to answer an edit (about two-thirds of the job thread's
// own CPU time, measured per thread in bench/edit-during-export.bench.ts). On macOS and Windows a
// worker thread cannot be lowered at all without lowering the whole app; a child process can.
//
// The CLI's one-shot commands keep exports in a worker thread: nobody waits on their main thread,
// and one process costs less than two (and is measured whole, bench/cli-peak.ts).
//
// Import previews and article reads stay in a worker thread: they take a second or two, the user
// waits for their answer, and a process would add its start (a Node instance and the job's modules
// loaded again) and its own memory to each. Backups and salvages stay there too: they copy SQLite
// pages and rows, work for the disk more than for the collector.
import type { JobMethod } from '../../shared/jobs.ts';
import { forkJobChild, startChild, type SpawnJobChild } from './child-channel.ts';
import type { JobChannel, JobLimits } from './job-channel.ts';
import type { WorkerInput } from './messages.ts';
import { startThread } from './thread-channel.ts';

export interface JobPlace {
  start(data: WorkerInput, limits: JobLimits): JobChannel;
}

/** The methods whose jobs run in a child process. */
export const IN_CHILD_PROCESS: ReadonlySet<JobMethod> = new Set(['documents.export', 'documents.exportYearbook', 'tables.export']);

let spawner: SpawnJobChild | null = null;

/**
 * Called by a host that answers the user while jobs run: from then on its exports run in child
 * processes started by `spawn` — Node's fork in the HTTP host, Electron's utilityProcess in the app
 * (whose binary does not run as Node). null goes back to threads.
 */
export function runExportsInChildProcesses(spawn: SpawnJobChild | null = forkJobChild): void {
  spawner = spawn;
}

export function inThread(entry?: URL): JobPlace {
  return { start: (data, limits) => startThread(data, limits, entry) };
}

export function inChildProcess(opts: { spawn?: SpawnJobChild; entry?: string } = {}): JobPlace {
  return { start: (data, limits) => startChild(data, limits, opts.spawn ?? forkJobChild, opts.entry) };
}

export function placeFor(data: WorkerInput): JobPlace {
  return spawner && 'method' in data && IN_CHILD_PROCESS.has(data.method) ? inChildProcess({ spawn: spawner }) : inThread();
}
