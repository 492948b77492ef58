// A job's worker thread yields the processor to the thread that answers the user. On a two-core
// machine the export's thread, the main thread and V8's helpers compete for the cores: measured
// with the main thread's run-queue wait (/proc/<pid>/task/<tid>/schedstat), an edit during a
// 100-park yearbook export waited for a core several times as long as with no export running, and
// that wait was the slow edits' time (docs/BENCHMARKS.md §11). At the lowest priority the job's
// thread still has every core nobody else wants, so it is not slower on an idle machine.
import { constants, setPriority } from 'node:os';

export type SetPriority = (pid: number, priority: number) => void;

/**
 * Lowers the calling thread's scheduling priority where that touches this thread only: on Linux a
 * thread is its own scheduling entity and setpriority(PRIO_PROCESS, 0) changes the caller alone. On
 * macOS and Windows the same call changes the whole process (the main thread too), so there the job
 * runs at the usual priority, as before. A refusal (a sandbox forbidding the call) changes nothing
 * either: the job runs as it would have. Returns whether the priority was lowered.
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
