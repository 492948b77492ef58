// What Linux's /proc says of a process or thread (proc(5), /proc/<pid>/stat and
// /proc/<pid>/task/<tid>/stat): its priority, scheduling class and processor time. A job's deadline
// counts that time (runner.ts); the tests and bench/edit-during-export.bench.ts read the priorities.
import { readFileSync } from 'node:fs';

export interface ProcStat {
  /** Field 19: the nice value. */
  nice: number;
  /** Field 41: the scheduling class (linux/sched.h: 0 SCHED_OTHER … 5 SCHED_IDLE). */
  policy: number;
  /** Fields 14 and 15: user and system time, every thread's for a process, in ms. */
  cpuMs: number;
}

/** Linux's number for the SCHED_IDLE class. */
export const SCHED_IDLE = 5;

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux build that runs Electron). */
const TICK_MS = 10;

/** A stat file's fields; null where there is none (not Linux, or the process or thread has gone). */
export function readProcStat(path: string, read: (path: string) => string = (p) => readFileSync(p, 'latin1')): ProcStat | null {
  let text: string;
  try {
    text = read(path);
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it,
  // the first after the closing parenthesis being field 3.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const stat = { nice: Number(f[16]), policy: Number(f[38]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
  return Number.isFinite(stat.cpuMs) && Number.isFinite(stat.nice) ? stat : null;
}
