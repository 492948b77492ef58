// The document being edited: toolbar, problems, the editor and the print preview side by side, and
// the figure picker and export dialogs.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentBody, Problem, TextPlace } from '../../../../src-main/shared/document.ts';
import { formatProblem, placeLabel } from '../../../../src-main/shared/errors.ts';
import type { Park, Period } from '../../../../src-main/shared/model.ts';
import { periodLabel } from '../../../../src-main/shared/period-key.ts';
import type { Settings } from '../../../../src-main/shared/settings.ts';
import { useLocale } from '../../i18n/index.ts';
import { insertBlockParagraph, updateBulletin, updateMagazine } from './bodyOps.ts';
import { ChartPicker } from './chart/ChartPicker.tsx';
import { DocToolbar } from './DocToolbar.tsx';
import { EditorContext, focusField, type Caret } from './editorContext.ts';
import { EditorPane } from './EditorPane.tsx';
import { ExportDialog } from './export/ExportDialog.tsx';
import { insertIntoField } from './fields.ts';
import { FigurePicker } from './figure/FigurePicker.tsx';
import { LayoutPanel } from './preview/LayoutPanel.tsx';
import { PreviewPane } from './preview/PreviewPane.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { RemovalNotice, useRemoval } from './RemovalNotice.tsx';
import type { SaveState } from './useDocument.ts';
import { useEditorShared } from './useEditorShared.ts';
import { useIssueArticles } from './useIssueArticles.ts';
import { useResolved } from './useResolved.ts';
import { useFigureShortcut } from './useShortcut.ts';
import { usePreviewTemplate } from './usePreviewTemplate.ts';

export interface DocumentWorkspaceProps {
  park: Park;
  period: Period;
  periods: readonly Period[];
  body: DocumentBody;
  save: SaveState;
  update(f: (b: DocumentBody) => DocumentBody): void;
  flush(): Promise<void>;
  /** After a save refused as stale (another window saved): reload that version, or keep both. */
  resolveStale(choice: 'reload' | 'keep'): void;
  settings: Settings | null;
  settingsVersion: number;
}

const NO_ARTICLES: string[] = [];

export function DocumentWorkspace({ park, period, periods, body, save, update, flush, resolveStale, settings, settingsVersion }: DocumentWorkspaceProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { resolved } = useResolved(park.id, period.id, body, settingsVersion);
  const { shared, target, focusLater } = useEditorShared(resolved);
  const [template, setTemplate] = usePreviewTemplate();
  const [layoutOpen, setLayoutOpen] = useState(false);
  const [picking, setPicking] = useState<Caret | null>(null);
  const [charting, setCharting] = useState<Caret | null>(null);
  const [exporting, setExporting] = useState(false);
  // 注明数据来源 (footnotes in the magazine, a list after the body in the bulletin): one choice for the
  // preview and the export dialog, so that what the preview shows is what the export prints.
  const [sources, setSources] = useState(false);
  // 本期还收录: the articles ticked in the export dialog, kept for this park and period; the bulletin preview lays the same issue.
  const here = `${park.id}/${period.id}`;
  const [issue, setIssue] = useState<{ at: string; articles: string[] }>({ at: here, articles: [] });
  const articles = issue.at === here ? issue.articles : NO_ARTICLES;
  const setArticles = useCallback((ids: string[]) => setIssue({ at: here, articles: ids }), [here]);
  const issueArticles = useIssueArticles(park.id, period.id, template, articles, settingsVersion);
  const removal = useRemoval(body, update);

  const openPicker = useCallback(() => setPicking(target(body)), [target, body]);
  useFigureShortcut(openPicker, !picking && !charting && !exporting);

  const insert = (text: string) => {
    if (!picking) return;
    const { addr, start, end } = picking;
    update((b) => insertIntoField(b, addr, text, start, end)?.body ?? b);
    setPicking(null);
    focusLater(addr, start + text.length);
  };

  const insertChart = (block: string) => {
    if (!charting) return;
    const place = charting.addr;
    // The dialog is modal: the body it was opened on is the one the block goes into.
    const { at } = insertBlockParagraph(body, place, block);
    update((b) => insertBlockParagraph(b, place, block).body);
    setCharting(null);
    focusLater(at, block.length);
  };

  const describe = (source: string) => {
    const p = resolved?.problems.find((x) => x.source === source);
    return p ? formatProblem(p, locale) : undefined;
  };
  const pickProblem = (p: Problem) => focusField(p.place, { source: p.source });
  const pickPlace = (place: TextPlace) => focusField(place);

  return (
    <EditorContext.Provider value={shared}>
      <div className="doc-view" data-testid="doc-view">
        <DocToolbar
          title={t('doc.heading', { park: park.name, period: periodLabel(period, locale) })}
          save={save}
          retrySave={() => void flush().catch(() => undefined)}
          resolveStale={resolveStale}
          onFigure={openPicker}
          onChart={() => setCharting(target(body))}
          onExport={() => setExporting(true)}
        />
        <RemovalNotice removal={removal} />
        <div className="doc-split">
          <div className="doc-edit-col">
            <ProblemsPanel problems={resolved?.problems ?? null} onPick={pickProblem} />
            <div className="doc-edit-scroll">
              <EditorPane body={body} update={update} removeWithUndo={removal.remove} />
            </div>
          </div>
          <PreviewPane
            doc={resolved}
            template={template}
            onTemplate={setTemplate}
            fonts={settings?.fonts ?? null}
            describe={describe}
            onPick={pickPlace}
            layoutOpen={layoutOpen}
            onToggleLayout={() => setLayoutOpen(!layoutOpen)}
            sources={sources}
            onSources={setSources}
            articles={issueArticles.docs}
            articlesError={issueArticles.error}
            onArticlesClear={() => setArticles([])}
            layoutPanel={
              <LayoutPanel template={template} body={body} onMagazine={(p) => update((b) => updateMagazine(b, p))} onBulletin={(p) => update((b) => updateBulletin(b, p))} />
            }
          />
        </div>
        {picking ? (
          <FigurePicker
            parkId={park.id}
            periodId={period.id}
            periods={periods}
            body={body}
            targetLabel={placeLabel(picking.addr, locale)}
            onInsert={insert}
            onClose={() => {
              setPicking(null);
              focusLater(picking.addr, picking.start, picking.end);
            }}
          />
        ) : null}
        {charting ? (
          <ChartPicker
            parkId={park.id}
            periodId={period.id}
            body={body}
            targetLabel={placeLabel(charting.addr, locale)}
            onInsert={insertChart}
            onClose={() => {
              setCharting(null);
              focusLater(charting.addr, charting.start, charting.end);
            }}
          />
        ) : null}
        {exporting ? <ExportDialog parkId={park.id} periodId={period.id} initial={template} sources={sources} onSources={setSources} articles={articles} onArticles={setArticles} flush={flush} onClose={() => setExporting(false)} /> : null}
      </div>
    </EditorContext.Provider>
  );
}
