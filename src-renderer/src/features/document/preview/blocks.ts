// What a preview page is made of: text blocks (a paragraph, a heading, a title) as styled segments,
// and photo blocks. Both templates build their flow from the resolved document here, so pagination
// and rendering see the same text.
import { chartOf, type ResolvedChart, type ResolvedDocument, type ResolvedPhoto, type Run, type TextPlace } from '../../../../../src-main/shared/document.ts';
import { numberHeadings } from './numbering.ts';

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
function paragraphBlock(runs: readonly Run[], key: string, place: TextPlace, lead: Segment[] = []): Block {
  const chart = chartOf(runs);
  return chart ? { kind: 'chart', key, chart, place } : { kind: 'text', key, cls: 'pv-p', segments: [...lead, ...runSegments(runs)], place };
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

/** The magazine's body: paragraphs with each section's heading run in, bold, before its first paragraph. */
export function magazineBlocks(doc: ResolvedDocument): Block[] {
  const out: Block[] = [];
  doc.lead.forEach((runs, p) => {
    if (!isBlank(runs)) out.push(paragraphBlock(runs, `lead-${p}`, { field: 'lead', paragraph: p }));
  });
  out.push(...photosAfter(doc, -1));
  doc.sections.forEach((section, s) => {
    const heading: Segment[] = isBlank(section.heading) ? [] : runSegments(section.heading).map((x) => ({ ...x, cls: x.cls ?? 'runin' }));
    const paragraphs = section.paragraphs.filter((runs) => !isBlank(runs));
    // A section opening with a chart keeps its heading as a line of its own above it, as in Word.
    if ((!paragraphs.length || chartOf(paragraphs[0]!)) && heading.length) out.push({ kind: 'text', key: `h-${s}`, cls: 'pv-p', segments: heading, place: { field: 'heading', section: s } });
    let first = !paragraphs.length || !chartOf(paragraphs[0]!);
    section.paragraphs.forEach((runs, p) => {
      if (isBlank(runs)) return;
      const lead = first && heading.length ? [...heading, { text: '　', cls: 'runin' as const }] : [];
      first = false;
      out.push(paragraphBlock(runs, `s-${s}-${p}`, { field: 'paragraph', section: s, paragraph: p }, lead));
    });
    out.push(...photosAfter(doc, s));
  });
  return out;
}

/** The bulletin's flow: title, subtitle and by-line centred, then numbered headings and paragraphs. */
export function bulletinBlocks(doc: ResolvedDocument): Block[] {
  const out: Block[] = [];
  if (!isBlank(doc.title)) out.push({ kind: 'text', key: 'title', cls: 'pv-b-title', segments: runSegments(doc.title), keepWithNext: true, place: { field: 'title' } });
  if (!isBlank(doc.subtitle)) out.push({ kind: 'text', key: 'subtitle', cls: 'pv-b-subtitle', segments: [{ text: '——' }, ...runSegments(doc.subtitle)], keepWithNext: true, place: { field: 'subtitle' } });
  if (doc.byline.trim()) out.push({ kind: 'text', key: 'byline', cls: 'pv-b-byline', segments: [{ text: doc.byline }], keepWithNext: true, place: { field: 'byline' } });
  if (out.length) out.push({ kind: 'text', key: 'gap', cls: 'pv-b-gap', segments: [{ text: '\u00a0' }] });
  doc.lead.forEach((runs, p) => {
    if (!isBlank(runs)) out.push(paragraphBlock(runs, `lead-${p}`, { field: 'lead', paragraph: p }));
  });
  out.push(...photosAfter(doc, -1));
  const numbers = numberHeadings(doc.sections.map((s) => s.level));
  doc.sections.forEach((section, s) => {
    const level = Math.max(1, Math.min(4, section.level));
    if (!isBlank(section.heading)) {
      out.push({ kind: 'text', key: `h-${s}`, cls: `pv-b-h${level}`, segments: [{ text: numbers[s]!, cls: 'num' }, ...runSegments(section.heading)], keepWithNext: true, place: { field: 'heading', section: s } });
    }
    section.paragraphs.forEach((runs, p) => {
      if (!isBlank(runs)) out.push(paragraphBlock(runs, `s-${s}-${p}`, { field: 'paragraph', section: s, paragraph: p }));
    });
    out.push(...photosAfter(doc, s));
  });
  return out;
}

/** A photo's caption as printed: the caption, then the credit in brackets. */
export function captionSegments(photo: ResolvedPhoto): Segment[] {
  const credit = photo.credit.trim();
  return [...runSegments(photo.caption), ...(credit ? [{ text: `（${credit}）` }] : [])];
}
