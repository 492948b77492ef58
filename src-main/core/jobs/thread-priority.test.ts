import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { runInWorker } from './runner.ts';
import { readProcStat } from './proc-stat.ts';
import { idleThisProcess, lowerThisProcessPriority, lowerThisThreadPriority } from './thread-priority.ts';

/** Every thread of this process and its nice value (proc-stat.ts). */
function niceByThread(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readProcStat(`/proc/self/task/${tid}/stat`);
    // A thread that ended between the listing and the read has none.
    if (stat) out.set(tid, stat.nice);
  }
  return out;
}

describe('a job thread yields the processor to the thread that answers', () => {
  let s: TempStore;
  beforeEach(() => {
    s = tempStore();
  });
  afterEach(() => s.dispose());

  it.runIf(process.platform === 'linux')("on Linux the job's thread runs at the lowest priority, and only that thread", async () => {
    const before = niceByThread();
    const self = readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]!;
    // A preview long enough to be seen running: every row the same indicator, slow to check.
    const base64 = Buffer.from('指标名称,本期值\n' + '地区生产总值,123.4\n'.repeat(150_000)).toString('base64');
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input: { fileName: '大表.csv', base64, ...s.ids('楚雄高新区', '2022') } }, { name: '大表.csv' }, { heapMb: 512, deadlineMs: 60_000 }, () => {});
    let lowered: string[] = [];
    let during = before;
    for (let i = 0; i < 400 && !lowered.length; i++) {
      await new Promise((r) => setTimeout(r, 10));
      during = niceByThread();
      lowered = [...during].filter(([tid, nice]) => !before.has(tid) && nice === constants.priority.PRIORITY_LOW).map(([tid]) => tid);
    }
    run.cancel();
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    await run.exited;
    // One new thread, the job's, at the lowest priority…
    expect(lowered).toHaveLength(1);
    // …and every thread that was there before (this one, the process's main thread, V8's and libuv's helpers) as it was.
    expect(during.get(self)).toBe(before.get(self));
    for (const [tid, nice] of before) if (during.has(tid)) expect(during.get(tid), `thread ${tid}`).toBe(nice);
  });

  it('elsewhere the process-wide call is never made, and a refusal is no failure', () => {
    const calls: [number, number][] = [];
    const set = (pid: number, priority: number) => void calls.push([pid, priority]);
    // On macOS and Windows setPriority(0, …) would lower the whole process, the main thread with it.
    expect(lowerThisThreadPriority('darwin', set)).toBe(false);
    expect(lowerThisThreadPriority('win32', set)).toBe(false);
    expect(calls).toEqual([]);
    expect(lowerThisThreadPriority('linux', set)).toBe(true);
    expect(calls).toEqual([[0, constants.priority.PRIORITY_LOW]]);
    const refuse = () => {
      throw Object.assign(new Error('setpriority'), { code: 'EACCES' });
    };
    expect(lowerThisThreadPriority('linux', refuse)).toBe(false);
  });

  it("a job's process lowers each of its threads on Linux, and itself as a whole elsewhere", () => {
    const calls: [number, number][] = [];
    const set = (pid: number, priority: number) => void calls.push([pid, priority]);
    const low = constants.priority.PRIORITY_LOW;
    // On Linux one call lowers one thread: every thread is named, V8's helpers with the main one.
    expect(lowerThisProcessPriority('linux', set, () => ['100', '101', '107'])).toBe(3);
    expect(calls).toEqual([[100, low], [101, low], [107, low]]);
    calls.length = 0;
    // On macOS and Windows the one call lowers the whole process: the job's own, not the app's.
    expect(lowerThisProcessPriority('darwin', set)).toBe(1);
    expect(lowerThisProcessPriority('win32', set)).toBe(1);
    expect(calls).toEqual([[0, low], [0, low]]);
    // A thread that ended meanwhile is skipped; the others are still lowered.
    const some = (pid: number) => {
      if (pid === 101) throw Object.assign(new Error('setpriority'), { code: 'ESRCH' });
    };
    expect(lowerThisProcessPriority('linux', some, () => ['100', '101', '107'])).toBe(2);
  });

  it("a job's process asks for the SCHED_IDLE class for all its threads on Linux only, and goes on without it", () => {
    const calls: string[][] = [];
    const run = (args: string[]) => void calls.push(args);
    expect(idleThisProcess('darwin', run, 42)).toBe(false);
    expect(idleThisProcess('win32', run, 42)).toBe(false);
    expect(calls).toEqual([]);
    // Every thread the process has (--all-tasks); those it starts later inherit the class.
    expect(idleThisProcess('linux', run, 42)).toBe(true);
    expect(calls).toEqual([['--all-tasks', '--idle', '--pid', '0', '42']]);
    const missing = () => {
      throw new Error('chrt is not installed');
    };
    expect(idleThisProcess('linux', missing, 42)).toBe(false);
  });
});
