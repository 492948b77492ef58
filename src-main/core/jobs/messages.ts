import type { ErrorBody } from '../../shared/contract.ts';
import type { JobMethod, JobProgress } from '../../shared/jobs.ts';

/** What the main thread hands a job's worker. */
export interface WorkerInput {
  method: JobMethod;
  storePath: string;
  /** The method's input, already checked against the contract. */
  input: unknown;
}

/** What a job's worker posts back. */
export type ToMain = { type: 'progress'; progress: JobProgress } | { type: 'done'; value: unknown } | { type: 'error'; error: ErrorBody };
