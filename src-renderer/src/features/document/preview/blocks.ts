// What a preview page is made of: text blocks (a paragraph, a heading, a title) as styled segments,
// and photo blocks. Both templates build their flow from the resolved document here, so pagination
// and rendering see the same text.
import { captionLines } from '../../../../../src-main/shared/print-layout/caption.ts';
import { chartOf, runsText, type ResolvedChart, type ResolvedDocument, type ResolvedPhoto, type Run, type TextPlace } from '../../../../../src-main/shared/document.ts';

export interface Segment {
  text: string;
  /** fig: a figure from the store · mk: an unresolved marker · runin: a run-in heading · num: a heading number */
  cls?: 'fig' | 'mk' | 'runin' | 'num';
  /** The placeholder as written, for figures and markers. */
  source?: string;
}

export interface TextBlock {
  kind: 'text';
  key: string;
  /** CSS class of the paragraph (pv-p, pv-h1 …). */
  cls: string;
  segments: Segment[];
  place?: TextPlace;
  /** A heading: never the last line of a page. */
  keepWithNext?: boolean;
}

export interface PhotoBlock {
  kind: 'photo';
  key: string;
  index: number;
  photo: ResolvedPhoto;
}

export interface ChartBlock {
  kind: 'chart';
  key: string;
  chart: ResolvedChart;
  place: TextPlace;
}

export type Block = TextBlock | PhotoBlock | ChartBlock;

/** A lead or body paragraph: its chart, if it is a chart block, else its text. */
function paragraphBlock(runs: readonly Run[], key: string, place: TextPlace): Block {
  const chart = chartOf(runs);
  return chart ? { kind: 'chart', key, chart, place } : { kind: 'text', key, cls: 'pv-p', segments: runSegments(runs), place };
}

export function runSegments(runs: readonly Run[]): Segment[] {
  return runs.map((r) => (r.kind === 'text' ? { text: r.text } : { text: r.text, cls: r.kind === 'marker' ? 'mk' : 'fig', source: r.source }));
}

export function segmentsLength(segs: readonly Segment[]): number {
  return segs.reduce((n, s) => n + s.text.length, 0);
}

/** The segments covering characters [from, to). */
export function sliceSegments(segs: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segs) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + s.text.length);
    if (a < b) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  return out;
}

const isBlank = (runs: readonly Run[]) => runs.every((r) => !r.text.trim());
export const hasText = (runs: readonly Run[]) => !isBlank(runs);

function photosAfter(doc: ResolvedDocument, section: number): PhotoBlock[] {
  const last = doc.sections.length - 1;
  return doc.photos.flatMap((photo, index) => {
    // A photo anchored past the last section (sections removed since) goes to the end.
    const at = Math.min(photo.afterSection, last);
    return at === section ? [{ kind: 'photo' as const, key: `photo-${index}`, index, photo }] : [];
  });
}

/**
 * The magazine's body: each section's heading bold in 黑体 on a line of its own, kept with what follows,
 * then its paragraphs — as the export sets it (a Word heading cannot run in where LibreOffice reads it:
 * core/reports/docx/magazine.ts).
 */
export function magazineBlocks(doc: ResolvedDocument): Block[] {
  const out: Block[] = [];
  doc.lead.forEach((runs, p) => {
    if (!isBlank(runs)) out.push(paragraphBlock(runs, `lead-${p}`, { field: 'lead', paragraph: p }));
  });
  out.push(...photosAfter(doc, -1));
  doc.sections.forEach((section, s) => {
    const heading: Segment[] = isBlank(section.heading) ? [] : runSegments(section.heading).map((x) => ({ ...x, cls: x.cls ?? 'runin' }));
    if (heading.length) out.push({ kind: 'text', key: `h-${s}`, cls: 'pv-p', segments: heading, place: { field: 'heading', section: s }, keepWithNext: true });
    section.paragraphs.forEach((runs, p) => {
      if (!isBlank(runs)) out.push(paragraphBlock(runs, `s-${s}-${p}`, { field: 'paragraph', section: s, paragraph: p }));
    });
    out.push(...photosAfter(doc, s));
  });
  return out;
}

/** A picture's caption as printed (shared/print-layout/caption.ts): the caption, then the credit after it or on a line of its own. */
export function captionSegments(caption: readonly Run[], credit: string, charsPerLine: number): Segment[] {
  const text = runsText(caption).trimEnd();
  const lines = captionLines(text, credit, charsPerLine).join('\n');
  return [...sliceSegments(runSegments(caption), 0, text.length), ...(lines.length > text.length ? [{ text: lines.slice(text.length) }] : [])];
}
