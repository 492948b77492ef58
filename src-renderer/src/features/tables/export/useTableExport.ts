// Export as .xlsx: ask the core and tell saved (Electron, a path), downloaded (browser mode) and
// cancelled (the save dialog was dismissed) apart, like the Word export.
import { useCallback, useState } from 'react';
import type { Input } from '../../../../../src-main/shared/contract.ts';
import type { Locale } from '../../../../../src-main/shared/errors.ts';
import { errorText, isOffline } from '../../../app/errors.ts';
import { isCancelled } from '../../../bridge/jobs.ts';
import { MovedToBackground, useJob } from '../../jobs/useJob.ts';
import { startDownload } from '../../document/export/download.ts';

export type TableExportPhase =
  | { step: 'choose' }
  | { step: 'busy' }
  | { step: 'saved'; path: string; fileName: string }
  | { step: 'downloaded'; fileName: string }
  | { step: 'failed'; message: string; offline: boolean };

export function useTableExport(locale: Locale) {
  const [phase, setPhase] = useState<TableExportPhase>({ step: 'choose' });
  // Built in the core's worker thread: the grid stays usable, and the export can be cancelled.
  const job = useJob();
  const runJob = job.run;

  const run = useCallback(
    /** `first` runs once the dialog shows busy (e.g. storing the form frame); it may not fail the export. */
    async (input: Input<'tables.export'>, first?: () => Promise<void>) => {
      setPhase({ step: 'busy' });
      try {
        await first?.().catch(() => undefined);
        const r = await runJob('tables.export', input);
        if (r.status === 'cancelled') setPhase({ step: 'choose' });
        else if (r.status === 'saved') setPhase({ step: 'saved', path: r.path, fileName: r.fileName });
        else {
          startDownload(r.url, r.fileName);
          setPhase({ step: 'downloaded', fileName: r.fileName });
        }
      } catch (e) {
        if (e instanceof MovedToBackground) return; // the status line delivers it
        if (isCancelled(e)) setPhase({ step: 'choose' });
        else setPhase({ step: 'failed', message: errorText(e, locale), offline: isOffline(e) });
      }
    },
    [locale, runJob],
  );

  return { phase, run, job: job.status, cancel: job.cancel, toBackground: job.toBackground };
}
