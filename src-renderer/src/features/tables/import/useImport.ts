// The import's steps: pick a file (checked here before sending), preview (the core reads it and
// writes nothing), apply (one transaction, one undo step). A failure keeps the step it happened in,
// so the user can pick another file or try again.
import { useCallback, useState } from 'react';
import type { Locale } from '../../../../../src-main/shared/errors.ts';
import type { ImportApplied, ImportPreview } from '../../../../../src-main/shared/tables.ts';
import { errorText, isOffline } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';
import { isCancelled } from '../../../bridge/jobs.ts';
import { useJob } from '../../jobs/useJob.ts';
import type { Target } from '../TargetFields.tsx';
import { readBase64 } from '../../../bridge/file-base64.ts';
import { checkUpload, type UploadRefusal } from './upload.ts';

export type ImportPhase =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview; target: Target }
  | { step: 'applying'; preview: ImportPreview; target: Target }
  | { step: 'applied'; result: ImportApplied };

export type ImportFailure = { kind: 'refused'; refusal: UploadRefusal; fileName: string } | { kind: 'unreadable'; fileName: string } | { kind: 'rpc'; message: string; offline: boolean };

export function useImport(locale: Locale, onApplied: (r: ImportApplied) => void) {
  const [phase, setPhase] = useState<ImportPhase>({ step: 'choose' });
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  // Read and checked in the core's worker thread, with progress and a cancel.
  const job = useJob();
  const runJob = job.run;

  const rpcFailure = useCallback((e: unknown): ImportFailure => ({ kind: 'rpc', message: errorText(e, locale), offline: isOffline(e) }), [locale]);

  /** Checks a newly picked file at once, so a refusal shows before the user presses 预览. */
  const pick = useCallback((file: File | null) => {
    const refusal = file ? checkUpload(file) : null;
    setFailure(file && refusal ? { kind: 'refused', refusal, fileName: file.name } : null);
    return refusal === null;
  }, []);

  const preview = useCallback(
    /** createMissing: a plain table's missing indicators and period are planned, listed, and made on apply. */
    async (file: File, target: Target, createMissing = false) => {
      if (!pick(file)) return;
      setPhase({ step: 'reading' });
      let base64: string;
      try {
        base64 = await readBase64(file);
      } catch {
        // The browser's reason (NotReadableError …) is English and says no more than this.
        setFailure({ kind: 'unreadable', fileName: file.name });
        setPhase({ step: 'choose' });
        return;
      }
      try {
        const p = await runJob('imports.preview', { fileName: file.name, base64, ...target, ...(createMissing ? { createMissing } : {}) });
        setPhase({ step: 'preview', preview: p, target });
      } catch (e) {
        if (!isCancelled(e)) setFailure(rpcFailure(e));
        setPhase({ step: 'choose' });
      }
    },
    [pick, rpcFailure, runJob],
  );

  const apply = useCallback(async () => {
    if (phase.step !== 'preview') return;
    const { preview: p, target } = phase;
    setPhase({ step: 'applying', preview: p, target });
    setFailure(null);
    try {
      const result = await call('imports.apply', { previewId: p.previewId });
      setPhase({ step: 'applied', result });
      onApplied(result);
    } catch (e) {
      // An expired preview or a store changed since: the user previews again from the same file.
      setFailure(rpcFailure(e));
      setPhase({ step: 'preview', preview: p, target });
    }
  }, [phase, onApplied, rpcFailure]);

  const back = useCallback(() => {
    setFailure(null);
    setPhase({ step: 'choose' });
  }, []);

  return { phase, failure, pick, preview, apply, back, job: job.status, cancelJob: job.cancel };
}
