// A backup or salvage running in the core's worker: its progress (pages or rows copied) read from
// store.status while the call that started it waits, and 取消 (backups.cancel), which leaves no file.
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../../src-main/shared/jobs.ts';
import { call } from '../../bridge/index.ts';

const POLL_MS = 250;

export function useStoreTask(active: boolean): { shown: { progress: JobProgress; elapsedMs: number } | null; cancel(): void } {
  const [shown, setShown] = useState<{ progress: JobProgress; elapsedMs: number } | null>(null);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    let live = true;
    const poll = async () => {
      while (live) {
        try {
          const s = await call('store.status', {});
          if (live && s.running) setShown({ progress: s.running.progress, elapsedMs: Date.now() - started });
        } catch {
          // The call that started the task reports what went wrong.
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    void poll();
    return () => {
      live = false;
      setShown(null);
    };
  }, [active]);
  return { shown: active ? (shown ?? { progress: { stage: 'starting', count: 0 }, elapsedMs: 0 }) : null, cancel: () => void call('backups.cancel', {}).catch(() => undefined) };
}
