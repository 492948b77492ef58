// One job off the main thread: a heap limit, a deadline, progress, cancel. Where it runs — a worker
// thread or a child process at low priority — is place.ts's choice; this file is the same for both.
// A job that runs out of memory, past its deadline or dies otherwise is a refusal of that job,
// worded with the file's name and the limit; the thread that started it goes on serving.

import type { ErrorBody } from '../../shared/contract.ts';
import { AppError, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';
import type { JobNameKey, JobProgress } from '../../shared/jobs.ts';
import type { WorkerInput } from './messages.ts';
import type { JobLimits } from './job-channel.ts';
import { placeFor, type JobPlace } from './place.ts';

export type { JobLimits } from './job-channel.ts';

/** The job as its refusals name it: the file, or an export's kind (shared/jobs.ts JOB_NAMES) worded per language. */
export type JobName = {
  name: string;
  job?: JobNameKey;
};

export interface RunningWorker {
  /** The work's result, or the refusal (an AppError) it ended with. */
  done: Promise<unknown>;
  /** Ends the job at once; done rejects with JOB_CANCELLED. */
  cancel(): void;
  /** Resolves once the thread or process has stopped: only then may what it was writing be removed. */
  exited: Promise<void>;
}

/** A job whose processor time is counted ends after this many deadlines by the clock, whatever its time. */
export const WALL_DEADLINES = 4;
/** How soon the deadline is looked at again, at least, while a job's processor time stays under it. */
const MIN_RECHECK_MS = 1000;

export function runInWorker(data: WorkerInput, named: JobName, limits: JobLimits, onProgress: (p: JobProgress) => void, place: JobPlace = placeFor(data)): RunningWorker {
  let settle: { resolve(v: unknown): void; reject(e: unknown): void };
  const done = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
  let ended = false;
  const end = (outcome: { value: unknown } | { error: AppError }) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    if ('error' in outcome) settle.reject(outcome.error);
    else settle.resolve(outcome.value);
    // The job has posted its last word; whatever it still holds goes with it.
    channel.kill();
  };
  const channel = place.start(data, limits);
  const started = performance.now();
  const pastDeadline = () => end({ error: new AppError('JOB_DEADLINE', { ...named, limit: Math.round(limits.deadlineMs / 100) / 10 }) });
  // A job at idle priority waits for a core whenever anything else wants one: on a busy machine its
  // clock time says how busy the machine was, not how long the job ran. Where the job's processor
  // time can be read (a child process on Linux) the deadline counts that, and the clock only up to
  // WALL_DEADLINES deadlines, so that a job stuck without using the processor still ends.
  let cpuRead = false;
  const check = () => {
    const cpu = channel.cpuMs?.() ?? null;
    const wallLeft = started + limits.deadlineMs * WALL_DEADLINES - performance.now();
    // Not readable at all: the clock's deadline, as before. Readable once and no longer: the process
    // has ended and its death is on the way (onDeath words it); its pid is not read again.
    if (cpu === null && !cpuRead) return pastDeadline();
    if (cpu !== null && cpu >= limits.deadlineMs) return pastDeadline();
    if (wallLeft <= 0) return end({ error: new AppError('JOB_STARVED', { ...named, limit: Math.round((limits.deadlineMs * WALL_DEADLINES) / 1000) }) });
    if (cpu !== null) cpuRead = true;
    const wait = cpu === null ? MIN_RECHECK_MS : Math.max(MIN_RECHECK_MS, limits.deadlineMs - cpu);
    timer = setTimeout(check, Math.min(wait, wallLeft));
  };
  let timer = setTimeout(check, limits.deadlineMs);
  channel.onMessage((m) => {
    if (m.type === 'progress') {
      if (!ended) onProgress(m.progress);
    } else if (m.type === 'done') end({ value: m.value });
    else end({ error: appErrorOf(m.error) });
  });
  channel.onDeath((death) =>
    end({ error: death.outOfMemory ? new AppError('JOB_OUT_OF_MEMORY', { ...named, limit: limits.heapMb }) : new AppError('JOB_CRASHED', { ...named, detail: death.detail.slice(0, 200) }) }),
  );
  return {
    done,
    cancel: () => end({ error: new AppError('JOB_CANCELLED', { ...named }) }),
    exited: channel.exited,
  };
}

/** The refusal the job posted, as the AppError it threw there. */
export function appErrorOf(body: ErrorBody): AppError {
  return new AppError(body.code as ErrorCode, body.params ?? {}, body.details as ErrorDetail[] | undefined);
}
