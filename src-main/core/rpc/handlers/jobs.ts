import { AppError } from '../../../shared/errors.ts';
import { cancelJob, jobStatus, startJob } from '../../jobs/jobs.ts';
import { parseInput } from '../dispatch.ts';
import type { Handlers } from './types.ts';

export const jobHandlers: Handlers<'jobs.start' | 'jobs.status' | 'jobs.cancel'> = {
  'jobs.start': (input, ctx) => {
    // The job's own input meets its method's schema here, before a worker is started.
    const parsed = parseInput(input.method, input.input);
    if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.error.params ?? {});
    return startJob(ctx, input.method, parsed.value as never);
  },
  'jobs.status': (input) => jobStatus(input.jobId),
  'jobs.cancel': (input) => cancelJob(input.jobId),
};
