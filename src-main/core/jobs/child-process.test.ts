import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../test/support/host-process.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { OutFileHost } from '../../cli/out-file-host.ts';
import { startServer } from '../../http/server.ts';
import { cancelJob, JOB_LIMITS, jobStatus, runJob, startJob } from './jobs.ts';
import { inChildProcess, runExportsInChildProcesses } from './place.ts';
import { readProcStat, SCHED_IDLE } from './proc-stat.ts';
import { runInWorker, WALL_DEADLINES } from './runner.ts';

/** The child's entry as electron-vite builds it for the app (npm run build). */
const BUILT_CHILD = join(import.meta.dirname, '../../../out/main/jobs-child.js');
const LIMITS_CHILD = join(import.meta.dirname, '../../../test/support/limits-child.ts');

/** The processes a process (this one unless named) has started, by every thread that may have started them. */
function children(of: number | 'self' = 'self'): Set<number> {
  const out = new Set<number>();
  for (const tid of readdirSync(`/proc/${of}/task`)) {
    try {
      for (const pid of readFileSync(`/proc/${of}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.add(Number(pid));
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return out;
}

/** Every thread of a process and one thing /proc says of it (proc-stat.ts). */
function statByThread(pid: number | 'self', field: 'nice' | 'policy' = 'nice'): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readProcStat(`/proc/${pid}/task/${tid}/stat`);
    // A thread that ended between the listing and the read has none.
    if (stat) out.set(tid, stat[field]);
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A process that has ended but was not yet reaped by whoever adopted it is gone too.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

const bigCsv = (rows: number) => Buffer.from('指标名称,本期值\n' + '地区生产总值,123.4\n'.repeat(rows)).toString('base64');

describe('long jobs in a child process at low priority', () => {
  let s: TempStore;
  // As the HTTP host and the app do; the CLI leaves its exports in a thread.
  beforeAll(() => runExportsInChildProcesses());
  afterAll(() => runExportsInChildProcesses(null));
  beforeEach(() => {
    s = tempStore();
  });
  afterEach(() => s.dispose());

  it('an export runs in a child process and delivers the file it made', async () => {
    const out = join(s.dir, '年鉴.docx');
    const host = new OutFileHost(out);
    const before = children();
    let seen: number[] = [];
    const { periodId } = s.ids('楚雄高新区', '2022');
    const result = await runJob({ ...s.ctx, host }, 'documents.exportYearbook', { periodId, template: 'magazine', allowMarkers: true }, {
      onProgress: () => {
        if (!seen.length) seen = [...children()].filter((p) => !before.has(p));
      },
    });
    // A new process, not a thread of this one, made the file; the file is written here.
    expect(seen).toHaveLength(1);
    expect(result).toMatchObject({ status: 'saved' });
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it.runIf(process.platform === 'linux')("on Linux every thread of the job's process runs at the lowest priority, and none of the host's", async () => {
    const mine = statByThread('self');
    const mineClass = statByThread('self', 'policy');
    const before = children();
    let child: number | undefined;
    let threads = new Map<string, number>();
    let classes = new Map<string, number>();
    const input = { fileName: '大表.csv', base64: bigCsv(150_000), ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: '大表.csv' }, { heapMb: 512, deadlineMs: 60_000 }, (p) => {
      // Once the job has begun checking, the process has loaded everything and started its helpers.
      if (p.stage !== 'checking' || threads.size) return;
      child = [...children()].find((pid) => !before.has(pid));
      if (child) [threads, classes] = [statByThread(child), statByThread(child, 'policy')];
    }, inChildProcess());
    await run.done;
    await run.exited;
    expect(child).toBeDefined();
    // V8's platform threads and libuv's as well as the job's own: all of them, not only the main one.
    expect(threads.size).toBeGreaterThan(4);
    expect([...new Set(threads.values())]).toEqual([constants.priority.PRIORITY_LOW]);
    // …and in the SCHED_IDLE class: util-linux's chrt is on every Debian (essential), the CI's too.
    expect(existsSync('/usr/bin/chrt') || existsSync('/bin/chrt'), 'util-linux chrt').toBe(true);
    expect([...new Set(classes.values())]).toEqual([SCHED_IDLE]);
    const now = statByThread('self');
    for (const [tid, nice] of mine) if (now.has(tid)) expect(now.get(tid), `thread ${tid}`).toBe(nice);
    const nowClass = statByThread('self', 'policy');
    for (const [tid, policy] of mineClass) if (nowClass.has(tid)) expect(nowClass.get(tid), `thread ${tid}`).toBe(policy);
  });

  it('a child out of memory is a refusal naming the file and the limit', async () => {
    const input = { fileName: '大表.csv', base64: bigCsv(400_000), ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: '大表.csv' }, { heapMb: 24, deadlineMs: 60_000 }, () => {}, inChildProcess());
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_OUT_OF_MEMORY', message: '「大表.csv」处理时所需内存超过上限 24 MB，已停止，未写入任何数据；请把文件拆小后再试' });
  });

  it('a child past its deadline is refused and ended', async () => {
    const before = children();
    const input = { fileName: '慢.csv', base64: bigCsv(200_000), ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: '慢.csv' }, { heapMb: 512, deadlineMs: 300 }, () => {}, inChildProcess());
    const child = [...children()].find((pid) => !before.has(pid))!;
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_DEADLINE' });
    await run.exited;
    expect(alive(child)).toBe(false);
  });

  it.runIf(process.platform === 'linux')("the deadline counts the child's processor time, not the time it waited for a core", { timeout: 30_000 }, async () => {
    // A stopped process gets no processor time, as a job at idle priority on a busy machine.
    const before = children();
    const input = { fileName: '小表.csv', base64: bigCsv(2_000), ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: '小表.csv' }, { heapMb: 512, deadlineMs: 1500 }, () => {}, inChildProcess());
    const child = [...children()].find((pid) => !before.has(pid))!;
    process.kill(child, 'SIGSTOP');
    let settled = false;
    void run.done.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 2500));
    // Past the deadline by the clock, far from it by the processor: still running.
    expect(settled).toBe(false);
    process.kill(child, 'SIGCONT');
    await expect(run.done).resolves.toMatchObject({ preview: { counts: { changed: 1 } } });
    await run.exited;
  });

  it.runIf(process.platform === 'linux')(`a child that never gets to run still ends, after ${WALL_DEADLINES} deadlines by the clock`, { timeout: 30_000 }, async () => {
    const before = children();
    const input = { fileName: '小表.csv', base64: bigCsv(2_000), ...s.ids('楚雄高新区', '2022') };
    const t0 = performance.now();
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: '小表.csv' }, { heapMb: 512, deadlineMs: 1500 }, () => {}, inChildProcess());
    const child = [...children()].find((pid) => !before.has(pid))!;
    process.kill(child, 'SIGSTOP');
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_STARVED', params: { name: '小表.csv' } });
    // At that time, not a recheck (about a deadline) later.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(WALL_DEADLINES * 1500 - 50);
    expect(performance.now() - t0).toBeLessThan(WALL_DEADLINES * 1500 + 500);
    await run.exited;
    expect(alive(child)).toBe(false);
  });

  it('cancel ends the child at once, and nothing is written', async () => {
    const out = join(s.dir, '年鉴.docx');
    const host = new OutFileHost(out);
    const before = children();
    const { periodId } = s.ids('楚雄高新区', '2022');
    const started = startJob({ ...s.ctx, host }, 'documents.exportYearbook', { periodId, template: 'magazine', allowMarkers: true });
    const child = [...children()].find((pid) => !before.has(pid))!;
    expect(alive(child)).toBe(true);
    expect(cancelJob(started.jobId).state).toBe('cancelled');
    for (let i = 0; i < 100 && alive(child); i++) await new Promise((r) => setTimeout(r, 10));
    expect(alive(child)).toBe(false);
    expect(jobStatus(started.jobId).state).toBe('cancelled');
    expect(host.written).toBeNull();
    expect(existsSync(out)).toBe(false);
  });

  it('a child that dies is a refusal of its job', async () => {
    // The stand-in answers nothing to a store task it does not know and is killed from outside.
    const before = children();
    const run = runInWorker({ task: 'backup', input: {} }, { name: '备份' }, { heapMb: 64, deadlineMs: 60_000 }, () => {}, inChildProcess({ entry: join(import.meta.dirname, '../../../test/support/silent-child.ts') }));
    for (let i = 0; i < 100 && ![...children()].some((p) => !before.has(p)); i++) await new Promise((r) => setTimeout(r, 10));
    process.kill([...children()].find((p) => !before.has(p))!, 'SIGKILL');
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_CRASHED' });
  });

  it("a job's process gets the heap its limits name: the yearbook's smaller young generation too", async () => {
    const heapOf = async (method: 'documents.exportYearbook' | 'documents.export') => {
      const run = runInWorker({ method, storePath: s.path, input: {} }, { name: method }, JOB_LIMITS[method], () => {}, inChildProcess({ entry: LIMITS_CHILD }));
      return ((await run.done) as { heapLimitMb: number }).heapLimitMb;
    };
    // V8's heap limit is the old generation plus its young generation's share.
    const yearbook = await heapOf('documents.exportYearbook');
    const document = await heapOf('documents.export');
    expect(yearbook).toBeGreaterThanOrEqual(1024 + 16);
    expect(yearbook).toBeLessThanOrEqual(1024 + 32);
    expect(document).toBeGreaterThanOrEqual(1024 + 64);
    expect(document).toBeLessThanOrEqual(1024 + 128);
  });

  it("the HTTP host runs its exports in a child process, the CLI's stay in a thread", async () => {
    const { periodId } = s.ids('楚雄高新区', '2022');
    const input = { periodId, template: 'magazine' as const, allowMarkers: true };
    // The CLI's way: no host has asked for child processes.
    runExportsInChildProcesses(null);
    let before = children();
    const inCli = startJob({ ...s.ctx, host: new OutFileHost(join(s.dir, 'a.docx')) }, 'documents.exportYearbook', input);
    expect([...children()].filter((p) => !before.has(p))).toEqual([]);
    cancelJob(inCli.jobId);
    const server = await startServer({ ctx: s.ctx, port: 0, staticDir: null });
    try {
      before = children();
      const res = await fetch(`http://127.0.0.1:${server.port}/rpc/jobs.start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parkbrief-token': server.token },
        body: JSON.stringify({ method: 'documents.exportYearbook', input }),
      });
      const started = (await res.json()) as { ok: boolean; value: { jobId: string } };
      expect(started.ok).toBe(true);
      expect([...children()].filter((p) => !before.has(p))).toHaveLength(1);
      cancelJob(started.value.jobId);
    } finally {
      await server.close();
    }
  });

  it.skipIf(!existsSync(BUILT_CHILD))('the built child (out/main/jobs-child.js) runs the same job', async () => {
    const input = { fileName: 'a.csv', base64: Buffer.from('指标名称,本期值\n地区生产总值,999.9\n').toString('base64'), ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: 'a.csv' }, { heapMb: 256, deadlineMs: 30_000 }, () => {}, inChildProcess({ entry: BUILT_CHILD }));
    const value = (await run.done) as { preview: { canApply: boolean; counts: { changed: number } } };
    expect(value.preview).toMatchObject({ canApply: true, counts: { changed: 1 } });
  });
});

describe.runIf(process.platform === 'linux')('a host killed during an export', () => {
  let s: TempStore;
  beforeEach(() => {
    s = tempStore();
  });
  afterEach(() => s.dispose());

  it("leaves no job process behind: the child sees its host's link close and ends", { timeout: 60_000 }, async () => {
    const { periodId } = s.ids('楚雄高新区', '2022');
    s.ctx.db.close();
    const host = await startHost(s.path);
    let child: number | undefined;
    try {
      const started = await host.rpc('jobs.start', { method: 'documents.exportYearbook', input: { periodId, template: 'magazine', allowMarkers: true } });
      expect(started).toMatchObject({ lost: false, body: { ok: true } });
      for (let i = 0; i < 500 && child === undefined; i++) {
        child = [...children(host.child.pid!)][0];
        if (child === undefined) await new Promise((r) => setTimeout(r, 5));
      }
      expect(child, 'the export runs in a child of the host').toBeDefined();
    } finally {
      // SIGKILL: the host runs no handler, so nothing of it tells the child to stop.
      await host.kill();
    }
    const until = Date.now() + 20_000;
    while (alive(child!) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const left = alive(child!);
    if (left) process.kill(child!, 'SIGKILL');
    expect(left, `job process ${child} still running 20 s after its host was killed`).toBe(false);
  });
});
