// A long method (an import's preview, an export, reading an article) run as a job in the core's
// worker thread: started with jobs.start, followed with jobs.status until it ends. The page stays
// usable meanwhile, and the job can be cancelled.
import type { Input, Output } from '../../../src-main/shared/contract.ts';
import { FILE_JOBS, type JobMethod, type JobStatus } from '../../../src-main/shared/jobs.ts';
import { call, RpcError } from './index.ts';

const POLL_MS = 250;

export interface JobRun<M extends JobMethod> {
  /** The method's own answer; an RpcError when refused, JOB_CANCELLED when cancelled. */
  result: Promise<Output<M>>;
  cancel(): void;
}

export function runJob<M extends JobMethod>(method: M, input: Input<M>, onStatus: (s: JobStatus) => void): JobRun<M> {
  let jobId: string | null = null;
  let cancelled = false;
  const result = (async () => {
    let s = await call('jobs.start', { method, input });
    jobId = s.jobId;
    if (cancelled) s = await call('jobs.cancel', { jobId });
    while (s.state === 'running') {
      onStatus(s);
      await new Promise((r) => setTimeout(r, POLL_MS));
      s = await call('jobs.status', { jobId: s.jobId });
    }
    // 取消 pressed while the answer was on its way: a preview or a reading is not wanted any more and
    // nothing of it was kept. An export that finished has delivered its file, so its answer stands.
    if (s.state === 'done' && cancelled && !FILE_JOBS.includes(method)) s = { ...s, state: 'cancelled', result: undefined };
    onStatus(s);
    if (s.state === 'done') return s.result as Output<M>;
    throw new RpcError(s.error ?? { code: 'JOB_CANCELLED', message: '', params: s.nameKey ? { name: s.name, job: s.nameKey } : { name: s.name } });
  })();
  return {
    result,
    cancel: () => {
      cancelled = true;
      if (jobId) void call('jobs.cancel', { jobId }).catch(() => undefined);
    },
  };
}

export function isCancelled(e: unknown): boolean {
  return e instanceof RpcError && e.body.code === 'JOB_CANCELLED';
}
