// Threads that draw charts (chart-thread.ts) while the exporting thread builds the document around
// them: a yearbook's hundred charts cost the export a core of its own instead of its own thread's
// time. As many threads as the machine has cores beyond the one exporting and the one the app answers
// on (none on two cores: the caller then draws in its own thread — there, a chart thread took the
// core the host's main thread needed, and an edit's p95 during a yearbook export rose from 1.6× to
// 3.7× of its p95 without one, bench/edit-during-export.bench.ts), started on first use and ended
// after a while idle. An idle
// thread is unreferenced, so it never holds a process open; a thread that fails hands its charts
// back to the caller, which draws them itself.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { entryBeside } from '../../worker-entry.ts';
import type { ChartReply, ChartRequest } from './chart-thread.ts';
import type { ChartInput } from './draw.ts';

/** Idle threads end after this long: a thread holds ECharts and its own heap, about 60 MB. */
const IDLE_MS = 15_000;
const MAX_THREADS = 3;
/** ECharts' models for a chart are a few megabytes; a runaway stays inside this. */
const HEAP_MB = 256;

interface Waiter {
  resolve(v: { svg: string; png: Buffer }): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, Waiter>;
}

export class ChartPool {
  private readonly threads: Thread[] = [];
  private nextId = 0;
  private idle: NodeJS.Timeout | null = null;

  readonly size: number;
  private readonly entry: URL;

  constructor(size: number, entry: URL = entryBeside(import.meta.url, './chart-boot.mjs', 'charts-worker.js')) {
    this.size = size;
    this.entry = entry;
  }

  /** One chart's SVG and PNG, drawn by the thread with the fewest charts waiting. */
  draw(input: ChartInput): Promise<{ svg: string; png: Buffer }> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const thread = this.pick();
    const id = this.nextId++;
    const done = new Promise<{ svg: string; png: Buffer }>((resolve, reject) => thread.waiting.set(id, { resolve, reject }));
    if (thread.waiting.size === 1) thread.worker.ref();
    thread.worker.postMessage({ id, input } satisfies ChartRequest);
    return done;
  }

  /** Ends every thread; charts still waiting are refused (their callers draw them themselves). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const threads = this.threads.splice(0);
    for (const t of threads) this.fail(t, new Error('chart threads closed'));
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private pick(): Thread {
    const free = this.threads.reduce<Thread | null>((best, t) => (best && best.waiting.size <= t.waiting.size ? best : t), null);
    if (free && (free.waiting.size === 0 || this.threads.length >= this.size)) return free;
    return this.start();
  }

  private start(): Thread {
    const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.resume();
    const thread: Thread = { worker, waiting: new Map() };
    this.threads.push(thread);
    worker.on('message', (m: ChartReply) => {
      const w = thread.waiting.get(m.id);
      if (!w) return;
      thread.waiting.delete(m.id);
      if ('error' in m) w.reject(new Error(m.error));
      else w.resolve({ svg: m.svg, png: Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength) });
      if (thread.waiting.size === 0) this.rest(thread);
    });
    const gone = (why: string) => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
      this.fail(thread, new Error(why));
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`chart thread exited ${code}`));
    return thread;
  }

  private fail(thread: Thread, e: Error): void {
    for (const w of thread.waiting.values()) w.reject(e);
    thread.waiting.clear();
  }

  /** A thread with nothing to draw no longer holds the process; when none has, all end after IDLE_MS. */
  private rest(thread: Thread): void {
    thread.worker.unref();
    if (this.threads.some((t) => t.waiting.size > 0)) return;
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }
}

let shared: ChartPool | null | undefined;

/** The process's pool, or null on a machine of two cores or fewer. */
export function chartPool(): ChartPool | null {
  if (shared === undefined) {
    const size = Math.min(MAX_THREADS, availableParallelism() - 2);
    shared = size > 0 ? new ChartPool(size) : null;
  }
  return shared;
}
