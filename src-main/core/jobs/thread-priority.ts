// A job yields the processor to the thread that answers the user. On a two-core machine the job,
// the main thread and V8's helpers compete for the cores: measured with the main thread's run-queue
// wait (/proc/<pid>/task/<tid>/schedstat), an edit during a 100-park yearbook export waited for a
// core several times as long as with no export running, and that wait was the slow edits' time
// (docs/BENCHMARKS.md §11). At the lowest priority a job still has every core nobody else wants, so
// it is not slower on an idle machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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

/** Runs chrt with these arguments; throws when it cannot or when chrt refuses. */
export type RunChrt = (args: string[]) => void;

/** util-linux's chrt where Linux distributions install it: by its full path, never looked up on PATH. */
const CHRT = ['/usr/bin/chrt', '/bin/chrt'];

const runChrt: RunChrt = (args) => {
  const chrt = CHRT.find((p) => existsSync(p));
  if (!chrt) throw new Error('chrt is not installed');
  execFileSync(chrt, args, { stdio: 'ignore', timeout: 2000, windowsHide: true });
};

/**
 * Puts every thread of this process, a job's own (child.ts), in Linux's SCHED_IDLE class, threads
 * started later with them (a new thread inherits its creator's class). Nice 19 still leaves a
 * waking main thread to wait behind a job's thread until the scheduler's wake-up granularity runs
 * out: at nice 19 an edit during an export took 1.5 times its usual p95, the main thread waiting
 * 0.30 ms for a core per edit against 0.011 ms (docs/BENCHMARKS.md §11). A thread of any other class
 * that wakes preempts a SCHED_IDLE one at once. Node has no call for sched_setscheduler, so the
 * process asks util-linux's chrt, once, at its start; any process may lower its own class without
 * privileges. Without chrt, or where it is refused, the job keeps nice 19. Returns whether the
 * class was set.
 */
export function idleThisProcess(platform: NodeJS.Platform = process.platform, run: RunChrt = runChrt, pid = process.pid): boolean {
  if (platform !== 'linux') return false;
  try {
    run(['--all-tasks', '--idle', '--pid', '0', String(pid)]);
    return true;
  } catch {
    return false;
  }
}
