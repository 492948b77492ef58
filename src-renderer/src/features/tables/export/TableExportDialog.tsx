// 导出 Excel: the layout (指标表 · 多园区对比 · 统计报表 · 填报模板), where the figures come from
// (preselected from the main view), and what each layout needs: period columns, parks, the frame.
// 指标表 for every park at once (a sheet each) is the province workbook.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../../src-main/shared/contract.ts';
import type { Park, Period } from '../../../../../src-main/shared/model.ts';
import type { FormFrame, TableTemplate } from '../../../../../src-main/shared/tables.ts';
import { useLocale } from '../../../i18n/index.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { TargetFields, type Target } from '../TargetFields.tsx';
import '../tables.css';
import { ExportDone } from '../../dialogs/ExportDone.tsx';
import { cleanFrame, loadFrame, rememberFrame } from './frame-memory.ts';
import { FrameFields } from './FrameFields.tsx';
import { ParkChoice } from './ParkChoice.tsx';
import { PeriodColumns, type ColumnChoice } from './PeriodColumns.tsx';
import { TemplateChoice } from './TemplateChoice.tsx';
import { useTableExport } from './useTableExport.ts';

export interface TableExportDialogProps {
  parks: Park[];
  periods: Period[];
  initial: Target;
  /** The rows selected in the grid: the indicators the 指标表's chart draws. */
  chartIndicatorIds?: readonly string[];
  onClose(): void;
}

export function TableExportDialog({ parks, periods, initial, chartIndicatorIds = [], onClose }: TableExportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [template, setTemplate] = useState<TableTemplate>('table');
  const [target, setTarget] = useState<Target>(initial);
  const [columns, setColumns] = useState<ColumnChoice>({ auto: true, periodIds: [initial.periodId] });
  const [parkIds, setParkIds] = useState<string[]>(() => parks.map((p) => p.id));
  const [frame, setFrame] = useState<FormFrame>({});
  const [allParks, setAllParks] = useState(false);
  const province = template === 'table' && allParks;
  const chartIds = chartIndicatorIds.slice(0, 6);
  const stored = useRef<FormFrame>({});
  const { phase, run, job, cancel, toBackground } = useTableExport(locale);
  // Closed while the export runs, the export goes on in the background (the status line shows it).
  const close = () => {
    if (phase.step === 'busy') toBackground();
    onClose();
  };
  const background = () => {
    if (toBackground()) onClose();
  };

  useEffect(() => {
    let live = true;
    loadFrame().then(
      (f) => {
        stored.current = f;
        if (live) setFrame((typed) => (Object.keys(typed).length ? typed : f)); // what was typed meanwhile wins
      },
      () => undefined, // not offered again; the export itself reports a store that cannot be reached
    );
    return () => {
      live = false;
    };
  }, []);

  const incomplete = (template === 'table' && !columns.auto && !columns.periodIds.length) || (template === 'compare' && !parkIds.length);

  const submit = () => {
    const input: Input<'tables.export'> = { template, ...target };
    if (template === 'table' && !columns.auto) input.periodIds = columns.periodIds;
    if (province) input.allParks = true;
    else if (template === 'table' && chartIds.length) input.chartIndicatorIds = chartIds;
    if (template === 'compare') input.parkIds = parkIds;
    if (template !== 'form') return void run(input);
    const given = cleanFrame(frame);
    input.frame = given;
    // Not remembered when the store refuses; the export still carries the frame.
    void run(input, async () => {
      await rememberFrame(given, stored.current);
      stored.current = given;
    });
  };

  if (phase.step === 'saved' || phase.step === 'downloaded') {
    return (
      <Dialog title={t('tables.export.title')} testId="xlsx-export-dialog" onClose={onClose}>
        <ExportDone saved={phase.step === 'saved' ? phase : null} downloaded={phase.step === 'downloaded' ? phase : null} onClose={onClose} />
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('tables.export.title')}
      testId="xlsx-export-dialog"
      onClose={close}
      onSubmit={submit}
      submitLabel={t('tables.export.go')}
      submitDisabled={phase.step === 'busy' || incomplete}
      cancelLabel={phase.step === 'busy' ? t('dialog.close') : undefined}
      error={phase.step === 'failed' ? (phase.offline ? t('errors.offline') : phase.message) : null}
    >
      <TemplateChoice value={template} onChange={setTemplate} />
      <TargetFields parks={parks} periods={periods} value={target} onChange={setTarget} hidePark={template === 'compare' || province} testPrefix="xlsx" />
      {template === 'table' ? (
        <label className="check">
          <input type="checkbox" data-testid="xlsx-all-parks" checked={allParks} onChange={(e) => setAllParks(e.target.checked)} />
          {t('tables.export.allParks')}
        </label>
      ) : null}
      {template === 'table' ? <PeriodColumns periods={periods} value={columns} onChange={setColumns} /> : null}
      {template === 'table' ? (
        <p className="muted" data-testid="xlsx-chart-note">
          {province ? t('tables.export.allParksNote') : chartIds.length ? t('tables.export.chartChosen', { count: chartIds.length }) : t('tables.export.chartDefault')}
        </p>
      ) : null}
      {template === 'compare' ? <ParkChoice parks={parks} value={parkIds} onChange={setParkIds} /> : null}
      {template === 'form' ? <FrameFields value={frame} onChange={setFrame} /> : null}
      {phase.step === 'busy' ? <JobProgress status={job} busyText={t('tables.export.busy')} onCancel={cancel} onBackground={background} /> : null}
    </Dialog>
  );
}
