import type { ErrorBody } from '../../shared/contract.ts';
import type { JobMethod, JobProgress } from '../../shared/jobs.ts';

/** What the main thread hands a job's worker: a contract method's job, or a store task (store-work.ts). */
export type WorkerInput =
  | {
      method: JobMethod;
      storePath: string;
      /** The method's input, already checked against the contract. */
      input: unknown;
    }
  | { task: StoreTask; input: unknown };

/** Work on the store file itself rather than through a method: the check before opening, a backup's copy, a salvage. */
export type StoreTask = 'check' | 'backup' | 'salvage';

/** What a job's worker posts back. */
export type ToMain = { type: 'progress'; progress: JobProgress } | { type: 'done'; value: unknown } | { type: 'error'; error: ErrorBody };
