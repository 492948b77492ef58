// Export as .docx: save what is pending, ask the core, and tell refused (placeholders that cannot
// be filled), saved (Electron, a path), downloaded (browser mode) and cancelled apart.
import { useCallback, useState } from 'react';
import type { Template } from '../../../../../src-main/shared/document.ts';
import { formatDetail, type Locale } from '../../../../../src-main/shared/errors.ts';
import { errorText, isOffline } from '../../../app/errors.ts';
import { RpcError } from '../../../bridge/index.ts';
import { isCancelled } from '../../../bridge/jobs.ts';
import { MovedToBackground, useJob } from '../../jobs/useJob.ts';
import { startDownload } from './download.ts';

export type ExportPhase =
  | { step: 'choose' }
  | { step: 'busy' }
  | { step: 'refused'; problems: string[] }
  | { step: 'saved'; path: string; fileName: string }
  | { step: 'downloaded'; fileName: string }
  | { step: 'failed'; message: string; offline: boolean };

export function useExport(parkId: string, periodId: string, flush: () => Promise<void>, locale: Locale, onCancelled: () => void) {
  const [phase, setPhase] = useState<ExportPhase>({ step: 'choose' });
  // Built in the core's worker thread: the editor stays usable, and the export can be cancelled.
  const job = useJob();
  const runJob = job.run;

  const run = useCallback(
    /**
     * yearbook: every park's document of this period in one file (documents.exportYearbook); sources:
     * each figure's source note printed (not in a yearbook); articles: other parks' documents after
     * this one in one bulletin issue.
     */
    async (template: Template, allowMarkers: boolean, yearbook = false, sources = false, articles: readonly string[] = []) => {
      setPhase({ step: 'busy' });
      try {
        await flush(); // the core exports the saved document
        const r = yearbook
          ? await runJob('documents.exportYearbook', { periodId, template, allowMarkers })
          : await runJob('documents.export', { parkId, periodId, template, allowMarkers, ...(sources ? { sources } : {}), ...(articles.length ? { articles: [...articles] } : {}) });
        if (r.status === 'cancelled') {
          setPhase({ step: 'choose' });
          onCancelled();
        } else if (r.status === 'saved') setPhase({ step: 'saved', path: r.path, fileName: r.fileName });
        else {
          startDownload(r.url, r.fileName);
          setPhase({ step: 'downloaded', fileName: r.fileName });
        }
      } catch (e) {
        if (e instanceof MovedToBackground) return; // the status line delivers it
        if (isCancelled(e)) setPhase({ step: 'choose' });
        else if (e instanceof RpcError && e.body.code === 'DOCUMENT_UNRESOLVED') {
          const details = e.body.details ?? [];
          setPhase({ step: 'refused', problems: details.length ? details.map((d) => formatDetail(d, locale)) : [errorText(e, locale)] });
        } else setPhase({ step: 'failed', message: errorText(e, locale), offline: isOffline(e) });
      }
    },
    [parkId, periodId, flush, locale, onCancelled, runJob],
  );

  return { phase, run, reset: () => setPhase({ step: 'choose' }), job: job.status, cancel: job.cancel, toBackground: job.toBackground };
}
