// Exports sent to the background: the dialog closed, the job still running in the core's worker.
// One list for the whole page (the status line shows it, whichever view or dialog is open); each
// export is followed to its end and its file delivered as its dialog would have — browser mode's
// download link, or the Electron save dialog the core has already shown — with a notice.
import type { ExportResult } from '../../../../src-main/shared/contract.ts';
import type { JobStatus } from '../../../../src-main/shared/jobs.ts';
import { isCancelled } from '../../bridge/jobs.ts';
import { startDownload } from '../document/export/download.ts';

export type BackgroundOutcome =
  | { kind: 'saved'; path: string; fileName: string }
  | { kind: 'downloaded'; fileName: string }
  /** The save dialog was dismissed: nothing was written. */
  | { kind: 'notSaved' }
  /** Worded when shown, in the language the page has then. */
  | { kind: 'failed'; error: unknown };

export interface BackgroundJob {
  key: number;
  /** The latest status (name, stage, count); null until the first arrives. */
  status: JobStatus | null;
  /** Set when the job has ended; the notice stays until dismissed. */
  outcome: BackgroundOutcome | null;
  cancel(): void;
}

let jobs: readonly BackgroundJob[] = [];
let nextKey = 1;
const listeners = new Set<() => void>();

function set(next: readonly BackgroundJob[]): void {
  jobs = next;
  for (const l of listeners) l();
}

function patch(key: number, change: Partial<BackgroundJob>): void {
  set(jobs.map((j) => (j.key === key ? { ...j, ...change } : j)));
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function backgroundJobs(): readonly BackgroundJob[] {
  return jobs;
}

export function dismiss(key: number): void {
  set(jobs.filter((j) => j.key !== key));
}

export interface Handover {
  /** The job's status when it was handed over. */
  status: JobStatus | null;
  /** The method's own answer, or its refusal. */
  result: Promise<ExportResult>;
  cancel(): void;
}

/**
 * Takes over a running export. Returns where its statuses go from now on. A job cancelled from the
 * status line leaves no notice: the user asked for it.
 */
export function adoptExport(h: Handover): (s: JobStatus) => void {
  const key = nextKey++;
  set([...jobs, { key, status: h.status, outcome: null, cancel: h.cancel }]);
  h.result.then(
    (r) => {
      if (r.status === 'cancelled') patch(key, { outcome: { kind: 'notSaved' } });
      else if (r.status === 'saved') patch(key, { outcome: { kind: 'saved', path: r.path, fileName: r.fileName } });
      else {
        startDownload(r.url, r.fileName);
        patch(key, { outcome: { kind: 'downloaded', fileName: r.fileName } });
      }
    },
    (e: unknown) => {
      if (isCancelled(e)) dismiss(key);
      else patch(key, { outcome: { kind: 'failed', error: e } });
    },
  );
  return (s) => {
    if (jobs.some((j) => j.key === key && !j.outcome)) patch(key, { status: s });
  };
}
