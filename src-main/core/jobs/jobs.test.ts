import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { OutFileHost } from '../../cli/out-file-host.ts';
import { startServer } from '../../http/server.ts';
import { formatMessage } from '../../shared/errors.ts';
import { jobName, type JobProgress, type JobStatus } from '../../shared/jobs.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { cancelJob, JOB_LIMITS, jobStatus, runJob, startJob } from './jobs.ts';
import { inThread } from './place.ts';
import { runInWorker } from './runner.ts';
import { workerEntry } from './thread-channel.ts';

/** The worker as electron-vite builds it for the app (npm run build). */
const BUILT_WORKER = new URL('../../../out/main/jobs-worker.js', import.meta.url);

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

/** A plain table of `rows` figures for 楚雄高新区 2022: every row the same indicator, so it is slow to check, not to write. */
function bigCsv(rows: number): string {
  return Buffer.from('指标名称,本期值\n' + '地区生产总值,123.4\n'.repeat(rows)).toString('base64');
}

async function ended(jobId: string): Promise<JobStatus> {
  for (;;) {
    const st = jobStatus(jobId);
    if (st.state !== 'running') return st;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('long jobs in a worker thread', () => {
  it('reports its stages with counts, and answers what the method answers', async () => {
    const seen: JobProgress[] = [];
    const preview = await runJob(s.ctx, 'imports.preview', { fileName: '指标.csv', base64: bigCsv(3), ...s.ids('楚雄高新区', '2022') }, { onProgress: (p) => seen.push(p) });
    expect(preview.fileName).toBe('指标.csv');
    expect(preview.counts.errors).toBeGreaterThan(0); // the same indicator three times
    expect(seen.map((p) => p.stage)).toEqual(['reading', 'checking', 'delivering']);
    expect(seen[1]).toEqual({ stage: 'checking', count: 0, total: 3 });
  });

  it('a preview made in the worker is kept on the main thread and applies there', async () => {
    const base64 = Buffer.from('指标名称,本期值\n地区生产总值,999.9\n').toString('base64');
    const preview = await runJob(s.ctx, 'imports.preview', { fileName: 'a.csv', base64, ...s.ids('楚雄高新区', '2022') });
    expect(preview.canApply).toBe(true);
    const applied = await dispatch(s.ctx, 'imports.apply', { previewId: preview.previewId });
    expect(applied).toMatchObject({ ok: true, value: { updated: 1 } });
  });

  it('cancelled, an export leaves no file and no temp file behind', async () => {
    const out = join(s.dir, 'out', '年鉴.docx');
    const host = new OutFileHost(out);
    const ctx = { ...s.ctx, host };
    const { periodId } = s.ids('楚雄高新区', '2022');
    const started = startJob(ctx, 'documents.exportYearbook', { periodId, template: 'magazine', allowMarkers: true });
    expect(started.state).toBe('running');
    const cancelled = cancelJob(started.jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.error?.message).toBe('已取消「年鉴导出」，未写入任何数据');
    // The job is named in the UI's language: the English UI words the same refusal in English.
    expect(jobName(cancelled, 'en')).toBe('Yearbook export');
    expect(formatMessage('JOB_CANCELLED', cancelled.error!.params, 'en')).toBe('"Yearbook export" was cancelled; nothing was written');
    // Long enough for the worker to have finished the file, had it not been ended.
    await new Promise((r) => setTimeout(r, 3000));
    expect(jobStatus(started.jobId).state).toBe('cancelled');
    expect(host.written).toBeNull();
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(s.dir, 'out')) ? readdirSync(join(s.dir, 'out')) : []).toEqual([]);
  });

  it('a worker out of memory is a refusal naming the file and the limit, and the host goes on', async () => {
    const job = startJob(s.ctx, 'imports.preview', { fileName: '大表.csv', base64: bigCsv(400_000), ...s.ids('楚雄高新区', '2022') }, { limits: { heapMb: 24, deadlineMs: 60_000 } });
    const st = await ended(job.jobId);
    expect(st.state).toBe('failed');
    expect(st.error?.code).toBe('JOB_OUT_OF_MEMORY');
    expect(st.error?.message).toBe('「大表.csv」处理时所需内存超过上限 24 MB，已停止，未写入任何数据；请把文件拆小后再试');
    // The main thread and its store are as they were.
    expect(await dispatch(s.ctx, 'parks.list', {})).toMatchObject({ ok: true });
  });

  it('a worker past its deadline is a refusal naming the file and the limit', async () => {
    await expect(
      runJob(s.ctx, 'imports.preview', { fileName: '慢.csv', base64: bigCsv(200_000), ...s.ids('楚雄高新区', '2022') }, { limits: { heapMb: 512, deadlineMs: 300 } }),
    ).rejects.toMatchObject({ code: 'JOB_DEADLINE', message: '「慢.csv」处理超过时限 0.3 秒，已停止，未写入任何数据；请把文件拆小或分批导出后再试' });
  });

  it('jobs.start checks the job input against its method before a worker starts', async () => {
    const r = await dispatch(s.ctx, 'jobs.start', { method: 'imports.preview', input: { fileName: 'a.csv' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await dispatch(s.ctx, 'jobs.start', { method: 'parks.delete', input: {} });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(s.ctx, 'jobs.status', { jobId: 'x'.repeat(20) })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('the HTTP host answers another request while a job runs', async () => {
    const server = await startServer({ ctx: s.ctx, port: 0, staticDir: null });
    try {
      const rpc = async (method: string, body: unknown) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-parkbrief-token': server.token },
          body: JSON.stringify(body),
        });
        return (await res.json()) as { ok: boolean; value: JobStatus };
      };
      const started = await rpc('jobs.start', { method: 'imports.preview', input: { fileName: '大表.csv', base64: bigCsv(150_000), ...s.ids('楚雄高新区', '2022') } });
      expect(started.ok).toBe(true);
      const t0 = Date.now();
      expect((await rpc('parks.list', {})).ok).toBe(true);
      const answeredIn = Date.now() - t0;
      // Answered while the job still runs: the job is not on this thread.
      expect((await rpc('jobs.status', { jobId: started.value.jobId })).value.state).toBe('running');
      expect(answeredIn).toBeLessThan(500);
      const done = await ended(started.value.jobId);
      expect(done.state).toBe('done');
      expect(done.progress.stage).toBe('delivering');
    } finally {
      await server.close();
    }
  });

  it("a job's worker gets the young generation its limits name, else an eighth of its heap", async () => {
    const limitsOf = async (method: 'documents.exportYearbook' | 'documents.export') => {
      const entry = new URL('../../../test/support/limits-worker.ts', import.meta.url);
      const run = runInWorker({ method, storePath: s.path, input: {} }, { name: method }, JOB_LIMITS[method], () => {}, inThread(entry));
      return (await run.done) as { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number };
    };
    // The yearbook keeps one run of features at a time: a young generation of 64 MB was 50 MB more
    // process memory at 400 parks (bench/yearbook.bench.ts, export --all-parks).
    expect(await limitsOf('documents.exportYearbook')).toMatchObject({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 });
    expect(await limitsOf('documents.export')).toMatchObject({ maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 1024 });
  });

  it('runs from source under Node (type stripping, through the stripped-source cache)', () => {
    expect(workerEntry().pathname).toMatch(/\/core\/jobs\/worker-boot\.mjs$/);
  });

  it.skipIf(!existsSync(BUILT_WORKER))('the built worker (out/main/jobs-worker.js) runs the same job', async () => {
    const base64 = Buffer.from('指标名称,本期值\n地区生产总值,999.9\n').toString('base64');
    const input = { fileName: 'a.csv', base64, ...s.ids('楚雄高新区', '2022') };
    const run = runInWorker({ method: 'imports.preview', storePath: s.path, input }, { name: 'a.csv' }, { heapMb: 256, deadlineMs: 30_000 }, () => {}, inThread(BUILT_WORKER));
    const value = (await run.done) as { preview: { canApply: boolean; counts: { changed: number } } };
    expect(value.preview).toMatchObject({ canApply: true, counts: { changed: 1 } });
  });

  it.skipIf(!existsSync(BUILT_WORKER))('the built worker runs a backup copy too (store-work.ts is bundled)', async () => {
    const tmp = join(s.dir, '.copy.partial');
    const run = runInWorker({ task: 'backup', input: { storePath: s.path, tmp } }, { name: 'copy' }, { heapMb: 256, deadlineMs: 30_000 }, () => {}, inThread(BUILT_WORKER));
    await run.done;
    expect(readFileSync(tmp).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});
