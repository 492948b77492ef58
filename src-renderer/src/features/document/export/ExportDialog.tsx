// 导出 Word: choose the template, export; when placeholders cannot be filled, list them and offer
// to export anyway with the gaps marked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../../src-main/shared/document.ts';
import { useLocale } from '../../../i18n/index.ts';
import { Dialog } from '../../dialogs/Dialog.tsx';
import { ExportDone } from '../../dialogs/ExportDone.tsx';
import { RadioChoices } from '../../dialogs/RadioChoices.tsx';
import { JobProgress } from '../../jobs/JobProgress.tsx';
import { IssueArticles } from './IssueArticles.tsx';
import { useExport } from './useExport.ts';

const TEMPLATES: readonly Template[] = ['magazine', 'bulletin'];

export interface ExportDialogProps {
  parkId: string;
  periodId: string;
  initial: Template;
  /** 注明数据来源: held by the workspace, whose preview shows the same choice. */
  sources: boolean;
  onSources(on: boolean): void;
  /** 本期还收录 (a bulletin issue's further articles): held by the workspace, whose preview lays the same issue. */
  articles: readonly string[];
  onArticles(ids: string[]): void;
  flush(): Promise<void>;
  onClose(): void;
}

export function ExportDialog({ parkId, periodId, initial, sources, onSources, articles, onArticles, flush, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [template, setTemplate] = useState<Template>(initial);
  const [yearbook, setYearbook] = useState(false);
  // A bulletin of several articles: other parks' documents of this period, in the order ticked.
  const issue = template === 'bulletin' && !yearbook ? articles : [];
  const { phase, run, job, cancel, toBackground } = useExport(parkId, periodId, flush, locale, onClose);
  // Closed while the export runs, the export goes on in the background (the status line shows it).
  const close = () => {
    if (phase.step === 'busy') toBackground();
    onClose();
  };
  const background = () => {
    if (toBackground()) onClose();
  };

  const choosing = phase.step === 'choose' || phase.step === 'busy' || phase.step === 'failed';
  return (
    <Dialog
      title={t('doc.export.title')}
      testId="export-dialog"
      onClose={close}
      onSubmit={choosing ? () => void run(template, false, yearbook, sources, issue) : undefined}
      submitLabel={t('doc.export.go')}
      submitDisabled={phase.step === 'busy'}
      cancelLabel={phase.step === 'busy' ? t('dialog.close') : undefined}
      error={phase.step === 'failed' ? (phase.offline ? t('errors.offline') : phase.message) : null}
    >
      {choosing ? (
        <RadioChoices
          legend={t('doc.export.template')}
          name="export-template"
          options={TEMPLATES}
          value={template}
          onChange={setTemplate}
          testId={(k) => `export-template-${k}`}
          label={(k) => (
            <>
              {t(`doc.template.${k}`)} <span className="muted">{t(`doc.export.about.${k}`)}</span>
            </>
          )}
        >
          <label className="check">
            <input type="checkbox" data-testid="export-yearbook" checked={yearbook} onChange={(e) => setYearbook(e.target.checked)} />
            {t('doc.export.yearbook')}
          </label>
          <label className="check">
            <input type="checkbox" data-testid="export-sources" checked={sources && !yearbook} disabled={yearbook} onChange={(e) => onSources(e.target.checked)} />
            {t('doc.export.sources')}
          </label>
          {template === 'bulletin' && !yearbook ? <IssueArticles parkId={parkId} periodId={periodId} chosen={articles} onChange={onArticles} disabled={phase.step === 'busy'} /> : null}
          {phase.step === 'busy' ? <JobProgress status={job} busyText={t('doc.export.busy')} onCancel={cancel} onBackground={background} /> : null}
        </RadioChoices>
      ) : null}
      {phase.step === 'refused' ? (
        <div className="export-refused" data-testid="export-refused">
          <p>{t('doc.export.refused', { count: phase.problems.length })}</p>
          <ul className="export-problems">
            {phase.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('doc.export.fixFirst')}
            </button>
            <button type="button" className="primary" data-testid="export-anyway" onClick={() => void run(template, true, yearbook, sources, issue)}>
              {t('doc.export.anyway')}
            </button>
          </div>
        </div>
      ) : null}
      {phase.step === 'saved' || phase.step === 'downloaded' ? (
        <ExportDone saved={phase.step === 'saved' ? phase : null} downloaded={phase.step === 'downloaded' ? phase : null} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}
