// The bulletin's flow, from the masthead to the last paragraph, with each part's share of the
// 22-line grid. The Word export counts these to set the end block at the foot of the last even page
// and the preview lays its pages by them (bulletin-fit.ts), so both break pages at the same places.
import { chartOf, runsText, type FigureNote, type ResolvedChart, type ResolvedDocument, type ResolvedPhoto, type Run, type TextPlace } from '../document.ts';
import { headingNumberer } from '../heading-number.ts';
import { SourceNotes, noteText } from '../source-notes.ts';
import { BULLETIN_FRAME, CAPTION_EMS, EDITOR_NOTE_LABEL, LINE_PITCH, MAST_GAP_LINES, TITLE_EMS, TITLE_LINE, bulletinByline, bulletinSubtitle, editorNoteParagraphs, mastNameTwips } from './bulletin.ts';
import { fitPlaces, gridTwips, textLines, type FitItem, type FitPiece } from './bulletin-fit.ts';
import { PICTURE_SPACING, captionLines, photoSize } from './caption.ts';
import { pxFromTwips, textHeight, textWidth } from './page.ts';
import { titleLines } from './title-lines.ts';

/** A third of the page at most: a taller picture leaves half a page empty whenever it misses the page it follows. */
export const BULLETIN_PICTURE = { width: textWidth(BULLETIN_FRAME), maxHeight: Math.floor(textHeight(BULLETIN_FRAME) / 3) } as const;

export type BulletinPart =
  | { kind: 'masthead'; part: 'internal' | 'name' | 'number' | 'issuer' }
  /** A paragraph of the 编者按; the first opens with its label. */
  | { kind: 'note'; label: string; body: string }
  /** Blank grid lines: after the 编者按, before the title. */
  | { kind: 'space' }
  | { kind: 'title'; lines: Run[][] }
  | { kind: 'subtitle'; runs: Run[] }
  | { kind: 'byline'; text: string }
  | { kind: 'text'; runs: Run[]; place: TextPlace }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; number: string; runs: Run[]; place: TextPlace }
  /** size: pixels at 96 dpi, as the export places it. */
  | { kind: 'photo'; photo: ResolvedPhoto; index: number; size: { width: number; height: number } }
  | { kind: 'chart'; chart: ResolvedChart; runs: Run[]; place: TextPlace; size: { width: number; height: number } }
  /** A picture's caption (a photo's caption and credit, a chart's source line), as printed line by line. */
  | { kind: 'caption'; lines: string[]; runs?: Run[]; credit?: string };

export type BulletinItem = BulletinPart & {
  fit: FitItem;
  /** Which of the issue's documents the part is of (0: the issue's own); none for the masthead, 编者按 and source list, which are the issue's. */
  article?: number;
  /** The characters the count sets, for a part of running text. */
  text?: string;
  indent?: number;
  /** Set flush left, not justified: a list whose lines break early (before a date, a 《) would be spread letter by letter. */
  flushLeft?: boolean;
};

/** A caption of 4号 (14 pt) on the grid, half a line after it. */
const captionTwips = (text: string) => gridTwips(textLines(text, 0, CAPTION_EMS) * LINE_PITCH + Math.round(LINE_PITCH / 2));

type ChartSize = (chart: ResolvedChart) => { width: number; height: number };

export interface FlowOptions {
  /** 注明数据来源: the figures' notes listed after the last article (bulletinSourceList). */
  sources?: boolean;
}

/** The flow of one bulletin; `chartSize` is a chart's drawn size in pixels (the export's drawing, the preview's description). */
export function bulletinFlow(doc: ResolvedDocument, chartSize: ChartSize, options: FlowOptions = {}): BulletinItem[] {
  return bulletinIssueFlow([doc], chartSize, options);
}

/**
 * One issue of several articles: the masthead, 编者按 and end block of the first document (the
 * issue's own), then each document's article — title, subtitle, by-line, lead, sections, pictures,
 * its headings numbered from 一、 — a blank grid line between two articles.
 */
export function bulletinIssueFlow(docs: readonly ResolvedDocument[], chartSize: ChartSize, options: FlowOptions = {}): BulletinItem[] {
  const out: BulletinItem[] = [];
  const running = (part: BulletinPart, text: string, indent: number, keepNext = false) => out.push({ ...part, text, indent, fit: { lines: textLines(text, indent), ...(keepNext ? { keepNext } : {}) } });
  const b = docs[0]!.bulletin;
  // The masthead: the name off the grid, 第X期, the issuer's line with its red rule and the blank lines under it.
  if (b.internal) out.push({ kind: 'masthead', part: 'internal', fit: { lines: 1 } });
  out.push({ kind: 'masthead', part: 'name', fit: { twips: mastNameTwips(b.name) } });
  out.push({ kind: 'masthead', part: 'number', fit: { lines: 1 } });
  out.push({ kind: 'masthead', part: 'issuer', fit: { twips: (1 + MAST_GAP_LINES) * LINE_PITCH } });

  // The 编者按, then a blank line: it introduces the issue and is set apart from the first title.
  const note = editorNoteParagraphs(b);
  note.forEach((p, i) => {
    const label = i === 0 ? EDITOR_NOTE_LABEL : '';
    running({ kind: 'note', label, body: p }, label + p, 2);
  });
  if (note.length) out.push({ kind: 'space', fit: { lines: 1 } });

  docs.forEach((doc, i) => {
    if (i > 0) out.push({ kind: 'space', fit: { lines: 1 } });
    const from = out.length;
    articleFlow(doc, chartSize, out, running);
    for (let k = from; k < out.length; k++) out[k]!.article = i;
  });
  if (options.sources) out.push(...bulletinSourceList(docs));
  return out;
}

/** The notes of the documents' running text (lead and sections, headings included), each once, in order: one article after the other. */
export function documentNotes(...docs: readonly Pick<ResolvedDocument, 'lead' | 'sections'>[]): FigureNote[] {
  const notes = new SourceNotes();
  const visit = (runs: readonly Run[]) => runs.forEach((r) => r.kind === 'figure' && r.note && notes.take(r.note));
  for (const doc of docs) {
    doc.lead.forEach(visit);
    for (const s of doc.sections) {
      visit(s.heading);
      s.paragraphs.forEach(visit);
    }
  }
  return notes.notes;
}

/** The label the source list opens with. */
export const SOURCES_LABEL = '数据来源：';

/**
 * 数据来源：and the figures' notes numbered under it, as running text of the body's face, set flush
 * left: items of the flow, so the count that places the end block counts them and the preview draws
 * the lines the export prints. One list for the issue: a figure quoted by two articles is noted once.
 */
export function bulletinSourceList(docs: readonly ResolvedDocument[]): BulletinItem[] {
  const notes = documentNotes(...docs);
  if (notes.length === 0) return [];
  const lines = [SOURCES_LABEL, ...notes.map((n, i) => `${i + 1}.${noteText(n)}`)];
  return lines.map((line, i) => ({
    kind: 'text',
    runs: [{ kind: 'text', text: line }],
    place: { field: 'paragraph' },
    fit: { lines: textLines(line), ...(i === 0 ? { keepNext: true } : {}) },
    text: line,
    indent: 2,
    flushLeft: true,
  }));
}

/** One document's article, from its title to its last picture, appended to `out`. */
function articleFlow(doc: ResolvedDocument, chartSize: ChartSize, out: BulletinItem[], running: (part: BulletinPart, text: string, indent: number, keepNext?: boolean) => void): void {
  // The title, subtitle and by-line keep with what follows, as their Word styles do (keepNext): a
  // second article's title never stands alone at a page's foot.
  const lines = titleLines(doc.title, TITLE_EMS);
  out.push({ kind: 'title', lines, fit: { twips: lines.length * TITLE_LINE + LINE_PITCH, keepNext: true } });
  if (doc.subtitle.some((r) => r.text.trim() !== '')) running({ kind: 'subtitle', runs: doc.subtitle }, bulletinSubtitle(runsText(doc.subtitle)), 0, true);
  if (doc.byline.trim()) running({ kind: 'byline', text: bulletinByline(doc.byline) }, bulletinByline(doc.byline), 0, true);

  const picture = (part: Extract<BulletinPart, { kind: 'photo' | 'chart' }>, caption: Extract<BulletinPart, { kind: 'caption' }>) => {
    out.push({ ...part, fit: { twips: gridTwips(part.size.height * 15 + PICTURE_SPACING), keepNext: true } });
    out.push({ ...caption, fit: { twips: captionTwips(caption.lines.join('')) } });
  };
  const body = (runs: Run[], place: TextPlace) => {
    const chart = chartOf(runs);
    if (!chart) return running({ kind: 'text', runs, place }, runsText(runs), 2);
    const drawn = chartSize(chart);
    const width = Math.min(pxFromTwips(BULLETIN_PICTURE.width), drawn.width);
    picture({ kind: 'chart', chart, runs, place, size: { width, height: Math.round((width * drawn.height) / drawn.width) } }, { kind: 'caption', lines: [chart.credit] });
  };
  const photosAfter = (section: number) => {
    const last = doc.sections.length - 1;
    doc.photos.forEach((photo, index) => {
      // A photo anchored past the last section (sections removed since) goes to the end.
      if (Math.min(photo.afterSection, last) !== section) return;
      picture(
        { kind: 'photo', photo, index, size: photoSize(photo, BULLETIN_PICTURE) },
        { kind: 'caption', lines: captionLines(runsText(photo.caption), photo.credit, CAPTION_EMS), runs: photo.caption, credit: photo.credit.trim() },
      );
    });
  };

  doc.lead.forEach((runs, p) => body(runs, { field: 'lead', paragraph: p }));
  photosAfter(-1);
  const number = headingNumberer();
  doc.sections.forEach((section, s) => {
    const level = Math.min(Math.max(section.level, 1), 4) as 1 | 2 | 3 | 4;
    const n = number(level);
    running({ kind: 'heading', level, number: n, runs: section.heading, place: { field: 'heading', section: s } }, `${n}${runsText(section.heading)}`, 2, true);
    section.paragraphs.forEach((runs, p) => body(runs, { field: 'paragraph', section: s, paragraph: p }));
    photosAfter(s);
  });
}

/** The flow laid on pages: where each piece of each item fell, and where the body ends. */
export function bulletinPages(flow: readonly BulletinItem[]): { pieces: FitPiece[]; page: number; used: number } {
  return fitPlaces(flow.map((i) => i.fit));
}
