// The bulletin's page after GB/T 9704-2012: A4, a 156 × 225 mm text block of 22 lines × 28
// characters, and the page number "— N —" in 4号 宋体 one character in from the outside edge.
import { AlignmentType, DocumentGridType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { FontMap } from '../../../shared/settings.ts';
import { singleFont } from './fonts.ts';
import { textWidth, twipsFromMm, type PageFrame } from './page.ts';
import { runOptions, type Look } from './runs.ts';

export const BULLETIN_FRAME: PageFrame = {
  // GB/T 9704 §5.2.1: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm.
  margin: { top: 2098, left: 1587, right: 1474, bottom: 1984, header: twipsFromMm(15), footer: twipsFromMm(22) },
};

/** 3号 (16 pt) body on a 28.95 pt line: 22 lines fill the 225 mm block. */
export const BODY_SIZE = 32;
export const LINE_PITCH = 579;
export const CHARS_PER_LINE = 28;

/**
 * Character spacing, twips, that sets 28 characters to the line. 28 characters of 16 pt are 448 pt,
 * a little more than the 442 pt block. Word's answer for 公文 is a lines-and-characters grid with
 * charSpace −842 (a 15.79 pt pitch); LibreOffice (7.4) gives every 16 pt character two such cells
 * and, condensed to fit one, still spreads each justified line over 14 pairs of cells. A line grid
 * plus this slight condensing (−0.25 pt) gives 28 in both. The marks it was blamed for losing at
 * line ends were lost to hanging punctuation, now off (print-rules.ts).
 */
export const TRACKING = Math.floor(textWidth(BULLETIN_FRAME) / CHARS_PER_LINE - BODY_SIZE * 10);

/** The line grid of 22 lines; the characters per line come from TRACKING. */
export function bulletinGrid() {
  return { type: DocumentGridType.LINES, linePitch: LINE_PITCH };
}

const PAGE_NUMBER_SIZE = 28;
/** One character of the page number's own size. */
const ONE_CHAR = PAGE_NUMBER_SIZE * 10;

function pageNumber(fonts: FontMap, side: 'odd' | 'even'): Footer {
  const look: Look = { role: 'songti', size: PAGE_NUMBER_SIZE, font: singleFont(fonts, 'songti') };
  const opts = runOptions(fonts, look);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ONE_CHAR } : { left: ONE_CHAR },
        children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
      }),
    ],
  });
}

export function bulletinFooters(fonts: FontMap) {
  return { default: pageNumber(fonts, 'odd'), even: pageNumber(fonts, 'even') };
}
