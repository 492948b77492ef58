// What a preview line is made of: styled segments of a paragraph's text (figures marked,
// unresolved placeholders in red), cut at the line starts the export's count sets.
import { captionLines } from '../../../../../src-main/shared/print-layout/caption.ts';
import { runsText, type Run } from '../../../../../src-main/shared/document.ts';
import { sliceText } from '../../../../../src-main/shared/text-slice.ts';

export interface Segment {
  text: string;
  /** fig: a figure from the store · mk: an unresolved marker · runin: a section's heading · num: a heading number · label: a label in a face of its own (编者按：) */
  cls?: 'fig' | 'mk' | 'runin' | 'num' | 'label';
  /** The placeholder as written, for figures and markers. */
  source?: string;
}

export function runSegments(runs: readonly Run[]): Segment[] {
  return runs.map((r) => (r.kind === 'text' ? { text: r.text } : { text: r.text, cls: r.kind === 'marker' ? 'mk' : 'fig', source: r.source }));
}

/** The segments covering characters [from, to). */
export function sliceSegments(segs: readonly Segment[], from: number, to: number): Segment[] {
  return sliceText(segs, from, to);
}

export const hasText = (runs: readonly Run[]) => runs.some((r) => r.text.trim() !== '');

/** A picture's caption as printed (shared/print-layout/caption.ts): the caption, then the credit after it or on a line of its own. */
export function captionSegments(caption: readonly Run[], credit: string, charsPerLine: number): Segment[] {
  const text = runsText(caption).trimEnd();
  const lines = captionLines(text, credit, charsPerLine).join('\n');
  return [...sliceSegments(runSegments(caption), 0, text.length), ...(lines.length > text.length ? [{ text: lines.slice(text.length) }] : [])];
}
