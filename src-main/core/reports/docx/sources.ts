// The figures' sources (the store's 来源/备注 of each figure), printed when an export is asked for
// them: in the magazine a footnote at the figure, in the bulletin a numbered list after the body
// (part of the bulletin's flow, shared/print-layout/bulletin-flow.ts, which the preview draws too).
// A figure quoted twice is noted once, where it first appears.
import { FootnoteReferenceRun, Paragraph, type ParagraphChild } from 'docx';
import type { Run } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { runsOf, textRuns, type Look } from './runs.ts';
import { SourceNotes, noteText } from '../../../shared/source-notes.ts';

export type SourcesAs = 'footnotes' | 'list';

/**
 * Prose runs with a footnote after each figure whose note is new (`notes` given), in `noteLook`:
 * Word numbers the footnotes and sets them at the page's foot.
 */
export function runsWithFootnotes(runs: readonly Run[], fonts: FontMap, look: Look, footnotes?: { notes: SourceNotes; look: Look; style: string }): ParagraphChild[] {
  if (!footnotes) return textRuns(runs, fonts, look);
  return runs.flatMap((r) => {
    const text = textRuns([r], fonts, look);
    if (r.kind !== 'figure' || !r.note || !footnotes.notes.take(r.note)) return text;
    return [...text, new FootnoteReferenceRun({ children: [new Paragraph({ style: footnotes.style, children: runsOf(noteText(r.note), fonts, footnotes.look) })] })];
  });
}
