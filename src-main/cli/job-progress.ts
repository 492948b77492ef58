// A long method (a worker job, core/jobs/) run from the command line: started with jobs.start,
// followed with jobs.status, its progress redrawn on one terminal line, Ctrl-C cancelling it.

import type { Envelope, Input, Output } from '../shared/contract.ts';
import type { Locale } from '../shared/errors.ts';
import { JOB_STAGE_LABELS, jobName, type JobMethod, type JobStatus } from '../shared/jobs.ts';
import type { CliIo } from './io.ts';

const POLL_MS = 100;

/** 「年鉴导出」生成 3/100（2.1 秒） — the line a terminal shows while a job runs. */
export function progressLine(s: JobStatus, locale: Locale): string {
  const { stage, count, total } = s.progress;
  const label = locale === 'en' ? JOB_STAGE_LABELS[stage].en : JOB_STAGE_LABELS[stage].zh;
  const n = total === undefined ? (count ? ` ${count}` : '') : ` ${count}/${total}`;
  const secs = (s.elapsedMs / 1000).toFixed(1);
  const name = jobName(s, locale);
  return locale === 'en' ? `"${name}" ${label}${n} (${secs} s)` : `「${name}」${label}${n}（${secs} 秒）`;
}

type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export async function runJobFromCli<M extends JobMethod>(call: Call, io: CliIo, locale: Locale, method: M, input: Input<M>): Promise<Envelope<Output<M>>> {
  const started = await call('jobs.start', { method, input });
  if (!started.ok) return started;
  let status = started.value as JobStatus;
  const cancel = () => void call('jobs.cancel', { jobId: status.jobId });
  const stopListening = io.onInterrupt?.(cancel);
  try {
    while (status.state === 'running') {
      io.progress?.(progressLine(status, locale));
      await new Promise((r) => setTimeout(r, POLL_MS));
      const next = await call('jobs.status', { jobId: status.jobId });
      if (!next.ok) return next;
      status = next.value as JobStatus;
    }
  } finally {
    stopListening?.();
    io.progress?.(null);
  }
  return status.state === 'done' ? { ok: true, value: status.result as Output<M> } : { ok: false, error: status.error! };
}
