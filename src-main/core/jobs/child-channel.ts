// A job in a child process (child.ts is its entry). Its heap limit is the process's own; every one of
// its threads runs at low priority (child.ts), V8's helpers that collect its garbage included, so that
// the host's main thread has a core when the user edits. The process is started by a spawner: Node's
// child_process.fork here (the CLI, the HTTP host, the tests), Electron's utilityProcess in the app,
// injected by the shell (place.ts runExportsInChildProcesses), since the app's binary does not run as Node.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { entryBeside } from '../worker-entry.ts';
import { youngMbOf, type JobChannel, type JobLimits } from './job-channel.ts';
import type { ToMain, WorkerInput } from './messages.ts';
import { readProcStat } from './proc-stat.ts';

/** How a job's process ended: its exit code or signal, and whether it said it ran out of memory. */
export interface ChildExit {
  detail: string;
  outOfMemory: boolean;
}

/** A started child process as a spawner hands it over. */
export interface JobChild {
  /** The process's id, once it has one. */
  readonly pid: number | undefined;
  send(input: WorkerInput): void;
  onMessage(listener: (m: ToMain) => void): void;
  /** Once the process has ended (every listener is called). */
  onExit(listener: (how: ChildExit) => void): void;
  kill(): void;
}

/** Starts the job entry as a process with these Node/V8 options. */
export type SpawnJobChild = (entry: string, execArgv: string[]) => JobChild;

/** V8's words when a heap reaches its limit (printed on stderr, or as a fatal error's location). */
export function saysOutOfMemory(text: string): boolean {
  return /heap out of memory|reached heap limit/i.test(text);
}

/** The job child's entry: child.ts from source, the built jobs-child.js in the app. */
export function childEntry(): string {
  return fileURLToPath(entryBeside(import.meta.url, './child.ts', 'jobs-child.js'));
}

/** A job's limits as a process's options: V8's young generation is three semi-spaces. */
export function heapArgs(limits: JobLimits): string[] {
  return [`--max-old-space-size=${limits.heapMb}`, `--max-semi-space-size=${Math.max(1, Math.round(youngMbOf(limits) / 3))}`];
}

/** A process's processor time in ms, every thread's, or null where /proc does not say (proc-stat.ts). */
export function processCpuMs(pid: number | undefined, read?: (path: string) => string): number | null {
  return pid === undefined ? null : (readProcStat(`/proc/${pid}/stat`, read)?.cpuMs ?? null);
}

export function startChild(data: WorkerInput, limits: JobLimits, spawn: SpawnJobChild, entry: string = childEntry()): JobChannel {
  const child = spawn(entry, heapArgs(limits));
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    child.onExit(() => {
      ended = true;
      resolve();
    }),
  );
  child.send(data);
  return {
    onMessage: (listener) => child.onMessage(listener),
    onDeath: (listener) => child.onExit((how) => listener(how.outOfMemory ? { outOfMemory: true } : { outOfMemory: false, detail: how.detail })),
    kill: () => child.kill(),
    exited,
    // Once the process has ended its pid may be another's: read only while it runs.
    cpuMs: () => (ended ? null : processCpuMs(child.pid)),
  };
}

/** Node's spawner: the same Node, its messages structured-cloned (a file's bytes stay bytes). */
export const forkJobChild: SpawnJobChild = (entry, execArgv) => {
  const child = fork(entry, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The child's output is not the user's terminal; only the end of stderr is kept, for V8's last words.
  let tail = '';
  child.stdout!.resume();
  child.stderr!.on('data', (b: Buffer) => (tail = (tail + b.toString('utf8')).slice(-2000)));
  let how: ChildExit | null = null;
  const listeners: ((how: ChildExit) => void)[] = [];
  const ended = (h: ChildExit) => {
    if (how) return;
    how = h;
    for (const l of listeners) l(h);
  };
  // 'close' comes after stderr has been read to its end, so the out-of-memory words are in the tail.
  child.on('close', (code, signal) => ended({ detail: `exit ${code ?? signal}`, outOfMemory: saysOutOfMemory(tail) }));
  child.on('error', (e) => {
    if (child.pid === undefined) ended({ detail: e.message, outOfMemory: false });
  });
  return {
    pid: child.pid,
    send: (input) => {
      if (child.connected) child.send(input);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => {
      if (how) listener(how);
      else listeners.push(listener);
    },
    kill: () => void child.kill('SIGKILL'),
  };
};
