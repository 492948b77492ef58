import { describe, expect, it } from 'vitest';
import type { JobChannel } from './job-channel.ts';
import type { JobPlace } from './place.ts';
import { runInWorker, WALL_DEADLINES } from './runner.ts';

/** A job that never answers, whose processor time is what `cpu` says, as a stopped or starved child's. */
function silentPlace(cpu: () => number | null): JobPlace & { killed: boolean } {
  const place = {
    killed: false,
    start: (): JobChannel => ({
      onMessage: () => {},
      onDeath: () => {},
      kill: () => void (place.killed = true),
      exited: Promise.resolve(),
      cpuMs: cpu,
    }),
  };
  return place;
}

const data = { method: 'documents.export' as const, storePath: ':memory:', input: {} };

describe('the job deadline', () => {
  it('counts the processor time where it is read, and ends a job that never ran at the clock limit, not a recheck later', async () => {
    const place = silentPlace(() => 0);
    const t0 = performance.now();
    const run = runInWorker(data, { name: '甲' }, { heapMb: 64, deadlineMs: 100 }, () => {}, place);
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_STARVED', params: { name: '甲' } });
    const took = performance.now() - t0;
    // Never at the first deadline (the job had no processor time), and at four deadlines by the clock.
    expect(took).toBeGreaterThanOrEqual(WALL_DEADLINES * 100 - 5);
    expect(took).toBeLessThan(WALL_DEADLINES * 100 + 300);
    expect(place.killed).toBe(true);
  });

  it('ends a job at its deadline by the processor time it used', async () => {
    let cpu = 0;
    const place = silentPlace(() => cpu);
    const run = runInWorker(data, { name: '乙' }, { heapMb: 64, deadlineMs: 100 }, () => {}, place);
    cpu = 150;
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_DEADLINE', params: { name: '乙' } });
  });

  it('by the clock where the processor time cannot be read', async () => {
    const t0 = performance.now();
    const run = runInWorker(data, { name: '丙' }, { heapMb: 64, deadlineMs: 100 }, () => {}, silentPlace(() => null));
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_DEADLINE' });
    expect(performance.now() - t0).toBeLessThan(100 + 300);
  });

  it('waits for the death of a process it read once and can no longer read, rather than calling it past its deadline', async () => {
    let cpu: number | null = 10;
    const place = silentPlace(() => cpu);
    const run = runInWorker(data, { name: '丁' }, { heapMb: 64, deadlineMs: 1000 }, () => {}, place);
    let settled = false;
    void run.done.catch(() => (settled = true));
    // Read at the deadline (1 s), then gone before the next look (2 s).
    await new Promise((r) => setTimeout(r, 1500));
    cpu = null;
    await new Promise((r) => setTimeout(r, 800));
    expect(settled).toBe(false);
    run.cancel();
    await expect(run.done).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });
});
