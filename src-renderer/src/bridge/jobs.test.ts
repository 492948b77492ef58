// A job's answer as the dialog gets it: a 取消 pressed before the answer arrived wins for a preview,
// not for an export whose file is already delivered.
import { afterEach, describe, expect, it } from 'vitest';
import type { JobMethod, JobStatus } from '../../../src-main/shared/jobs.ts';
import { isCancelled, runJob } from './jobs.ts';

/** A core whose job is already done when the first status poll comes, with 取消 pressed before it. */
function coreDoneBeforeCancel(method: JobMethod): string[] {
  const calls: string[] = [];
  const status = (state: JobStatus['state']): JobStatus => ({
    jobId: 'j1',
    method,
    name: 'x.csv',
    state,
    progress: { stage: 'reading', count: 0 },
    elapsedMs: 1,
    result: state === 'done' ? { answer: 1 } : undefined,
  });
  (globalThis as { window?: unknown }).window = {
    parkbrief: {
      invoke: async (m: string) => {
        calls.push(m);
        return { ok: true, value: status(m === 'jobs.start' ? 'running' : 'done') };
      },
    },
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('runJob and 取消', () => {
  it('a preview cancelled while its answer was on the way ends cancelled, and says so to the progress', async () => {
    const calls = coreDoneBeforeCancel('imports.preview');
    const seen: string[] = [];
    // Pressed while the progress shows: the next poll finds the job already done.
    const job = runJob('imports.preview', { fileName: 'x.csv', base64: '' } as never, (s) => {
      seen.push(s.state);
      if (s.state === 'running') job.cancel();
    });
    const e = await job.result.catch((err: unknown) => err);
    expect(isCancelled(e)).toBe(true);
    expect(seen.at(-1)).toBe('cancelled');
    expect(calls).toEqual(['jobs.start', 'jobs.cancel', 'jobs.status']);
  });

  it('an export that finished keeps its answer: the file is delivered', async () => {
    coreDoneBeforeCancel('documents.export');
    const job = runJob('documents.export', {} as never, (s) => {
      if (s.state === 'running') job.cancel();
    });
    await expect(job.result).resolves.toEqual({ answer: 1 });
  });
});
