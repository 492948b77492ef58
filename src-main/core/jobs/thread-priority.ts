// A job yields the processor to the thread that answers the user. On a two-core machine the job,
// the main thread and V8's helpers compete for the cores: measured with the main thread's run-queue
// wait (/proc/<pid>/task/<tid>/schedstat), an edit during a 100-park yearbook export waited for a
// core several times as long as with no export running, and that wait was the slow edits' time
// (docs/BENCHMARKS.md §11). At the lowest priority a job still has every core nobody else wants, so
// it is not slower on an idle machine.
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

export type SetPriority = (pid: number, priority: number) => void;

/**
 * Lowers the calling thread's scheduling priority where that touches this thread only: on Linux a
 * thread is its own scheduling entity and setpriority(PRIO_PROCESS, 0) changes the caller alone. On
 * macOS and Windows the same call changes the whole process (the main thread too), so there a job's
 * thread runs at the usual priority, as before. A refusal (a sandbox forbidding the call) changes
 * nothing either: the job runs as it would have. Returns whether the priority was lowered.
 */
export function lowerThisThreadPriority(platform: NodeJS.Platform = process.platform, set: SetPriority = setPriority): boolean {
  if (platform !== 'linux') return false;
  try {
    set(0, constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
}

/**
 * Lowers every thread of this process, which is a job's own (child.ts). On Linux each thread is
 * lowered by its id (/proc/self/task): the call changes one thread there, and V8's and libuv's
 * helpers were started before the job's code ran; threads started later inherit the priority of the
 * thread that starts them. On macOS and Windows the one call lowers the whole process, which is what
 * is wanted here. Returns how many threads (or processes) were lowered; a refusal lowers none.
 */
export function lowerThisProcessPriority(platform: NodeJS.Platform = process.platform, set: SetPriority = setPriority, threads: () => string[] = () => readdirSync('/proc/self/task')): number {
  const ids = platform === 'linux' ? threads().map(Number) : [0];
  let lowered = 0;
  for (const id of ids) {
    try {
      set(id, constants.priority.PRIORITY_LOW);
      lowered++;
    } catch {
      // A thread that ended meanwhile, or a sandbox that refuses: the job runs as it would have.
    }
  }
  return lowered;
}
