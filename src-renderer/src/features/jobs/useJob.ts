// One job at a time for a dialog: its latest status for the progress bar, a cancel, and — for an
// export — handing it to the background (background.ts) so that the dialog can close.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportResult, Input, Output } from '../../../../src-main/shared/contract.ts';
import { FILE_JOBS, type JobMethod, type JobStatus } from '../../../../src-main/shared/jobs.ts';
import { runJob, type JobRun } from '../../bridge/jobs.ts';
import { adoptExport } from './background.ts';

/** What a dialog's run ends with once its job went to the background: the dialog has nothing more to do. */
export class MovedToBackground extends Error {
  constructor() {
    super('moved to the background');
    this.name = 'MovedToBackground';
  }
}

interface Current {
  method: JobMethod;
  run: JobRun<JobMethod> | null;
  last: JobStatus | null;
  sink: (s: JobStatus) => void;
  moved: boolean;
}

export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const current = useRef<Current | null>(null);

  const run = useCallback(async <M extends JobMethod>(method: M, input: Input<M>): Promise<Output<M>> => {
    const entry: Current = { method, run: null, last: null, sink: setStatus, moved: false };
    const job = runJob(method, input, (s) => {
      entry.last = s;
      entry.sink(s);
    });
    entry.run = job as unknown as JobRun<JobMethod>;
    current.current = entry;
    let value: Output<M>;
    try {
      value = await job.result;
    } catch (e) {
      if (entry.moved) throw new MovedToBackground();
      throw e;
    } finally {
      if (current.current === entry) current.current = null;
      if (!entry.moved) setStatus(null);
    }
    if (entry.moved) throw new MovedToBackground();
    return value;
  }, []);

  const cancel = useCallback(() => current.current?.run?.cancel(), []);

  /** Hands a running export to the background; false when there is none (nothing to keep). */
  const toBackground = useCallback((): boolean => {
    const entry = current.current;
    if (!entry?.run || !FILE_JOBS.includes(entry.method)) return false;
    entry.moved = true;
    current.current = null;
    entry.sink = adoptExport({ status: entry.last, result: entry.run.result as Promise<ExportResult>, cancel: entry.run.cancel });
    setStatus(null);
    return true;
  }, []);

  // A dialog closed while its job runs, not handed to the background: nothing it would have made is wanted.
  useEffect(() => () => current.current?.run?.cancel(), []);

  return { status, run, cancel, toBackground };
}
