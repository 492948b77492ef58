// What the job runner (runner.ts) asks of the place a job runs in, a worker thread
// (thread-channel.ts) or a child process (child-channel.ts): the limits it starts under, and the
// few things it does with it once started.
import type { ToMain } from './messages.ts';

export interface JobLimits {
  /** V8's old-generation heap of the job (a thread's maxOldGenerationSizeMb, a process's --max-old-space-size). */
  heapMb: number;
  /**
   * V8's young generation; by default an eighth of the heap, 8 to 64 MB. A job that makes much
   * short-lived garbage and keeps little (the yearbook, feature run by feature run) takes a smaller
   * one: its semi-spaces grow to the limit and stay in memory, for little time saved.
   */
  youngMb?: number;
  deadlineMs: number;
}

/** The young generation a job is given: its limits' own, else an eighth of its heap, 8 to 64 MB. */
export function youngMbOf(limits: JobLimits): number {
  return limits.youngMb ?? Math.min(64, Math.max(8, limits.heapMb / 8));
}

/** How a job's thread or process ended without being asked to. */
export type JobDeath = { outOfMemory: true } | { outOfMemory: false; detail: string };

/** A started thread or process as the runner drives it. */
export interface JobChannel {
  onMessage(listener: (m: ToMain) => void): void;
  /** Called when it ends, whether or not the runner ended it (the runner minds only the first end). */
  onDeath(listener: (death: JobDeath) => void): void;
  /** Ends it at once. */
  kill(): void;
  /** Resolves once it has stopped. */
  exited: Promise<void>;
  /**
   * The processor time the job has had so far, in ms, where it can be read (a child process on
   * Linux); null elsewhere. The deadline counts it rather than the clock when it can (runner.ts).
   */
  cpuMs?(): number | null;
}
