// Export as .xlsx: ask the core and tell saved (Electron, a path), downloaded (browser mode) and
// cancelled (the save dialog was dismissed) apart, like the Word export.
import { useCallback, useState } from 'react';
import type { Input } from '../../../../../src-main/shared/contract.ts';
import type { Locale } from '../../../../../src-main/shared/errors.ts';
import { errorText, isOffline } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';
import { startDownload } from '../../document/export/download.ts';

export type TableExportPhase =
  | { step: 'choose' }
  | { step: 'busy' }
  | { step: 'saved'; path: string; fileName: string }
  | { step: 'downloaded'; fileName: string }
  | { step: 'failed'; message: string; offline: boolean };

export function useTableExport(locale: Locale) {
  const [phase, setPhase] = useState<TableExportPhase>({ step: 'choose' });

  const run = useCallback(
    /** `first` runs once the dialog shows busy (e.g. storing the form frame); it may not fail the export. */
    async (input: Input<'tables.export'>, first?: () => Promise<void>) => {
      setPhase({ step: 'busy' });
      try {
        await first?.().catch(() => undefined);
        const r = await call('tables.export', input);
        if (r.status === 'cancelled') setPhase({ step: 'choose' });
        else if (r.status === 'saved') setPhase({ step: 'saved', path: r.path, fileName: r.fileName });
        else {
          startDownload(r.url, r.fileName);
          setPhase({ step: 'downloaded', fileName: r.fileName });
        }
      } catch (e) {
        setPhase({ step: 'failed', message: errorText(e, locale), offline: isOffline(e) });
      }
    },
    [locale],
  );

  return { phase, run };
}
