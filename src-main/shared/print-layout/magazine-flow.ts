// The magazine feature's flow, from the lead to the last photo, with each part's share of the
// column's 16 pt lines: the Word export writes these parts in this order (core/reports/docx/magazine.ts)
// and the preview lays them on pages by the count in magazine-fit.ts, so both break columns and
// pages at the same places. Lines are filled as LibreOffice fills them (lineStarts: Chinese one em,
// digits and Latin at Times widths, a quarter em where they meet, the line-breaking rules), at the
// column's width.
import { chartOf, runsText, type ResolvedChart, type ResolvedDocument, type ResolvedPhoto, type Run, type TextPlace } from '../document.ts';
import { lineStarts, type Measure } from './bulletin-fit.ts';
import { captionLineCount, captionLines, photoSize, pictureBlockLines, stretchedCaptionAfter, type PictureLines } from './caption.ts';
import { BODY_LEADING, CAPTION_SPACING, COLUMN_WIDTH, FOOTNOTE_LEADING, MAGAZINE_FRAME, MAGAZINE_LOOKS, PICTURE_MAX_HEIGHT, TITLE_SPACING, magazineByline, magazineTitleLines, magazineTitleSize, titleLeading } from './magazine.ts';
import { pxFromTwips, textHeight, textWidth } from './page.ts';
import { SourceNotes, noteText } from '../source-notes.ts';

/** A photo across one column, or across both (the type area's width, a third of its height at most). */
export const MAGAZINE_PICTURE = {
  column: { width: COLUMN_WIDTH, maxHeight: PICTURE_MAX_HEIGHT },
  full: { width: textWidth(MAGAZINE_FRAME), maxHeight: Math.floor(textHeight(MAGAZINE_FRAME) / 3) },
} as const;

/** The body's lines: a picture block (picture, caption) is stretched to whole ones. */
export const MAGAZINE_PICTURE_LINES: PictureLines = { body: BODY_LEADING, caption: CAPTION_SPACING.line, captionAfter: CAPTION_SPACING.after };

/** A caption's characters to the line in a box `width` twips wide. */
export const captionEms = (width: number): number => Math.floor(width / (MAGAZINE_LOOKS.caption.size * 10));

/**
 * The body's line in a column, in ems of the body type (10.5 pt), untracked, as LibreOffice fills it
 * (measured on the demo renders, glyph by glyph): a fifth of an em where digits or Latin letters meet
 * an ideograph (2.1 pt at 10.5 pt), curly quotes after Latin text at Times' widths, and a line may
 * end up to two twips past the column's edge (two lines of 昆明's feature end 1.2 twips past it).
 */
const LINE_SLACK = 2;
export const COLUMN_MEASURE: Measure = { widthEm: (COLUMN_WIDTH + LINE_SLACK) / (MAGAZINE_LOOKS.body.size * 10), trackingEm: 0, latinEdges: true };

/**
 * A footnote reference's width in the line, ems of the body per digit: LibreOffice sets Word's
 * superscript at 58 % of the type (its default for superscript), a Times digit half an em. Fitted
 * on the demo features with 注明数据来源: 0.25 left 2 and 18 lines apart from LibreOffice's, 0.29
 * none and 7 (the 3 of 昆明 apart without sources too), 0.32 6 and 7; uncounted, 26 and 71.
 */
export const FOOTNOTE_MARK_EM = 0.29;

/** A footnote's line: across the type area in the footnote's type (the Word style's, MAGAZINE_LOOKS.footnote). */
export const FOOTNOTE_MEASURE: Measure = { widthEm: textWidth(MAGAZINE_FRAME) / (MAGAZINE_LOOKS.footnote.size * 10), trackingEm: 0, latinEdges: true };

/** A source note's footnote as the magazine prints it at the foot of the page its reference falls on. */
export interface MagazineNote {
  /** Its reference's place in the paragraph: after character at − 1. */
  at: number;
  /** As Word numbers it, on through the file. */
  number: number;
  text: string;
  /** Its lines' first characters; its own number, a superscript as in the text, opens the first. */
  starts: number[];
}

/** The room a footnote takes at the page's foot, twips. */
export const noteTwips = (note: Pick<MagazineNote, 'starts'>): number => note.starts.length * FOOTNOTE_LEADING;

/** A paragraph's new source notes: one after each figure whose note `notes` has not met. */
export function paragraphNotes(runs: readonly Run[], notes: SourceNotes): MagazineNote[] {
  const out: MagazineNote[] = [];
  let at = 0;
  for (const r of runs) {
    at += r.text.length;
    if (r.kind !== 'figure' || !r.note || !notes.take(r.note)) continue;
    const number = notes.lastNumber;
    const text = noteText(r.note);
    out.push({ at, number, text, starts: lineStarts(text, String(number).length * FOOTNOTE_MARK_EM, FOOTNOTE_MEASURE) });
  }
  return out;
}

/** Where a paragraph's footnote references stand in its lines: each note's place, the mark's width in ems. */
export const footnoteMarks = (notes: readonly MagazineNote[]): Map<number, number> => new Map(notes.map((n) => [n.at, String(n.number).length * FOOTNOTE_MARK_EM]));

export type MagazineItem =
  /** A paragraph of the lead or a section, or a section's heading (bold, on a line of its own, kept with what follows). */
  | {
      kind: 'text';
      runs: Run[];
      place: TextPlace;
      heading?: number;
      text: string;
      starts: number[];
      lines: number;
      keepNext?: boolean;
      /** The rest of a paragraph cut by a photo set at a column's top (magazine-place.ts): no first-line indent. */
      cont?: boolean;
      /** A paragraph's lines before such a photo: its last line is a full one, set justified. */
      runsOn?: boolean;
      /** It opens a column, after a column break: the right column of a balanced band holding a photo at a column's foot (magazine-place.ts). */
      columnBreak?: boolean;
      /** With 注明数据来源: the footnotes its figures' references call, in order. */
      notes?: MagazineNote[];
    }
  /**
   * size: pixels at 96 dpi, as the export places it; lines: the block's body lines, caption included;
   * after: the caption's space after within them, twips. head: set at the top of a column (of a
   * page, across both), after a column or page break.
   */
  | { kind: 'photo'; photo: ResolvedPhoto; index: number; span: 'column' | 'full'; size: { width: number; height: number }; caption: string[]; lines: number; after?: number; head?: boolean }
  | { kind: 'chart'; chart: ResolvedChart; runs: Run[]; place: TextPlace; size: { width: number; height: number }; lines: number; after?: number };

/** A picture block's body lines and its caption's space after within them (twips). */
function block(pictureTwips: number, captionLines: number): { lines: number; after: number } {
  return { lines: pictureBlockLines(MAGAZINE_PICTURE_LINES, pictureTwips, captionLines), after: stretchedCaptionAfter(MAGAZINE_PICTURE_LINES, pictureTwips, captionLines) };
}

/** The title block's lines as set: each typed (or park-first) line wrapped at the title's size. */
export interface MagazineHead {
  title: { lines: Run[][]; size: number; leading: number; printed: number };
  subtitle: number;
  byline: string;
  bylineLines: number;
  /** Its height on the first page, twips: the body's columns start below it. */
  twips: number;
}

const linesAt = (text: string, widthTwips: number, halfPoints: number) => (text.trim() === '' ? 0 : lineStarts(text, 0, { widthEm: widthTwips / (halfPoints * 10), trackingEm: 0 }).length);

export function magazineHead(doc: Pick<ResolvedDocument, 'title' | 'subtitle' | 'byline'>): MagazineHead {
  const width = textWidth(MAGAZINE_FRAME);
  const lines = magazineTitleLines(doc.title);
  const size = magazineTitleSize(lines);
  const printed = lines.reduce((n, l) => n + Math.max(1, linesAt(runsText(l), width, size)), 0);
  const subtitle = linesAt(runsText(doc.subtitle), width, MAGAZINE_LOOKS.subtitle.size);
  const byline = magazineByline(doc.byline);
  const bylineLines = linesAt(byline, width, MAGAZINE_LOOKS.byline.size);
  const T = TITLE_SPACING;
  const twips =
    T.before + printed * titleLeading(size) + T.after + (subtitle ? subtitle * T.subtitleLine + T.subtitleAfter : 0) + (bylineLines ? bylineLines * T.bylineLine + T.bylineAfter : 0);
  return { title: { lines, size, leading: titleLeading(size), printed }, subtitle, byline, bylineLines, twips };
}

/** A chart's drawn size in the column: drawn at `drawn`, shown at most the column's width. */
export function chartSizeInColumn(drawn: { width: number; height: number }): { width: number; height: number } {
  const width = Math.min(pxFromTwips(COLUMN_WIDTH), drawn.width);
  return { width, height: Math.round((width * drawn.height) / drawn.width) };
}

/** The photos placed after section `section` (-1: after the lead); one placed after a section that no longer exists goes to the end rather than vanish. */
export function photosAt(doc: Pick<ResolvedDocument, 'photos' | 'sections'>, section: number): { photo: ResolvedPhoto; index: number }[] {
  const last = doc.sections.length - 1;
  return doc.photos.flatMap((photo, index) => (Math.min(photo.afterSection, last) === section ? [{ photo, index }] : []));
}

/** 注明数据来源: the footnotes' numbers go on from `notesBefore`, the notes of the features before in the file. */
export interface FlowOptions {
  sources?: boolean;
  notesBefore?: number;
}

/**
 * The flow of one feature; `chartSize` is a chart's drawn size in pixels (the export's drawing, the
 * preview's description). With `sources` (the export's 注明数据来源) the body's lines are set with the
 * footnote references the export writes after the figures (headings carry none), and each paragraph
 * carries its footnotes.
 */
export function magazineFlow(
  doc: ResolvedDocument,
  chartSize: (chart: ResolvedChart) => { width: number; height: number },
  options: FlowOptions = {},
): MagazineItem[] {
  const out: MagazineItem[] = [];
  const notes = options.sources ? new SourceNotes(options.notesBefore) : undefined;
  const text = (runs: Run[], place: TextPlace, heading?: number) => {
    const t = runsText(runs);
    const notesHere = notes && !heading ? paragraphNotes(runs, notes) : [];
    const starts = lineStarts(t, 2, notesHere.length ? { ...COLUMN_MEASURE, marks: footnoteMarks(notesHere) } : COLUMN_MEASURE);
    out.push({ kind: 'text', runs, place, text: t, starts, lines: starts.length, ...(heading ? { heading, keepNext: true } : {}), ...(notesHere.length ? { notes: notesHere } : {}) });
  };
  const paragraph = (runs: Run[], place: TextPlace) => {
    const chart = chartOf(runs);
    if (!chart) return text(runs, place);
    const size = chartSizeInColumn(chartSize(chart));
    out.push({ kind: 'chart', chart, runs, place, size, ...block(size.height * 15, captionLineCount(chart.credit, '', captionEms(COLUMN_WIDTH))) });
  };
  const photos = (section: number) => {
    for (const { photo, index } of photosAt(doc, section)) {
      const span = photo.span === 'full' ? 'full' : 'column';
      const box = MAGAZINE_PICTURE[span];
      const size = photoSize(photo, box);
      const caption = runsText(photo.caption).trimEnd();
      const perLine = captionEms(box.width);
      // A photo across both columns first in the body still has two columns above it: an empty paragraph carries them.
      // One set at the top goes under the title block instead (magazine-place.ts).
      if (span === 'full' && photo.place !== 'top' && out.length === 0) text([], { field: 'lead', paragraph: 0 });
      out.push({
        kind: 'photo',
        photo,
        index,
        span,
        size,
        caption: captionLines(caption, photo.credit, perLine),
        ...block(size.height * 15, captionLineCount(caption, photo.credit.trim(), perLine)),
      });
    }
  };
  doc.lead.forEach((runs, p) => paragraph(runs, { field: 'lead', paragraph: p }));
  photos(-1);
  doc.sections.forEach((section, s) => {
    text(section.heading, { field: 'heading', section: s }, Math.min(Math.max(section.level, 1), 4));
    section.paragraphs.forEach((runs, p) => paragraph(runs, { field: 'paragraph', section: s, paragraph: p }));
    photos(s);
  });
  return out;
}
