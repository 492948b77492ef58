// One job at a time for a dialog: its latest status for the progress bar, and a cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../../../src-main/shared/contract.ts';
import type { JobMethod, JobStatus } from '../../../../src-main/shared/jobs.ts';
import { runJob, type JobRun } from '../../bridge/jobs.ts';

export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const current = useRef<JobRun<JobMethod> | null>(null);

  const run = useCallback(async <M extends JobMethod>(method: M, input: Input<M>): Promise<Output<M>> => {
    const job = runJob(method, input, setStatus);
    current.current = job as unknown as JobRun<JobMethod>;
    try {
      return await job.result;
    } finally {
      if (current.current === (job as unknown)) current.current = null;
      setStatus(null);
    }
  }, []);

  const cancel = useCallback(() => current.current?.cancel(), []);
  // A dialog closed while its job runs: nothing it would have made is wanted.
  useEffect(() => () => current.current?.cancel(), []);

  return { status, run, cancel };
}
