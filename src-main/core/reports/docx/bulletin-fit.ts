// Where the bulletin's body ends: the page and the grid line, worked out from the 22 × 28 grid the
// way Word and LibreOffice fill it. GB/T 9704 puts the distribution block (版记) at the foot of the
// last even page; neither office suite can place a block "at the foot of the last even page" by
// itself, so the export counts the lines and adds the page break and the blank lines it needs.
import { BULLETIN_FRAME, CHARS_PER_LINE, LINE_PITCH } from './bulletin-page.ts';
import { textHeight } from './page.ts';
import { ems } from './title-lines.ts';

export const LINES_PER_PAGE = 22;
/** The type area's height, twips (225 mm): 22 lines of 28.95 pt and a little over. */
export const PAGE_TWIPS = textHeight(BULLETIN_FRAME);

/** One paragraph's share of the page. */
export interface FitItem {
  /** Grid lines of running text; or, for a block off the grid (a picture, the title), its height in twips. */
  lines?: number;
  twips?: number;
  /** A heading, or a picture before its caption: never the last thing on a page. */
  keepNext?: boolean;
}

/**
 * Lines a paragraph of the body face takes: `indent` characters first, Chinese one cell a
 * character, digits and Latin half, plus a quarter em on each side of a Latin stretch (the space
 * both suites put between Chinese and Latin text).
 */
export function textLines(text: string, indent = 2, perLine = CHARS_PER_LINE): number {
  const latinGaps = (text.match(/[0-9A-Za-z][0-9A-Za-z.,%]*/g) ?? []).length * 0.5;
  const width = indent + ems(text) + latinGaps;
  return Math.max(1, Math.ceil(width / perLine - 1e-9));
}

/** A paragraph on the grid that holds a picture rounds its height up to whole lines. */
export const gridTwips = (twips: number): number => Math.max(1, Math.ceil(twips / LINE_PITCH - 1e-9)) * LINE_PITCH;

/**
 * The page (from 1) the items end on and the twips used there. Lines stack from the top of the
 * type area (LibreOffice does not snap a line back onto the page's grid after an off-grid block);
 * a paragraph breaks between lines with two at least on each side; a block moves whole.
 */
export function fitPages(items: readonly FitItem[]): { page: number; used: number } {
  let page = 1;
  let used = 0;
  const newPage = () => {
    page++;
    used = 0;
  };
  const linesFree = () => Math.floor((PAGE_TWIPS - used) / LINE_PITCH);
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (item.twips !== undefined) {
      // A picture goes over with its caption (kept with the next paragraph).
      const room = item.keepNext && next ? (next.twips ?? Math.min(next.lines ?? 1, 2) * LINE_PITCH) : 0;
      if (used + item.twips + room > PAGE_TWIPS && used > 0) newPage();
      used += item.twips;
      return;
    }
    let rest = item.lines ?? 1;
    if (rest === 1) {
      // A heading with no room for two lines of what follows goes over with it.
      const room = item.keepNext && next ? (next.twips ?? Math.min(next.lines ?? 1, 2) * LINE_PITCH) : 0;
      if (used + LINE_PITCH + room > PAGE_TWIPS && used > 0) newPage();
      used += LINE_PITCH;
      return;
    }
    if (linesFree() < 2) newPage();
    while (rest > linesFree()) {
      let here = linesFree();
      if (rest - here < 2) here = rest - 2;
      if (here < 2) break;
      rest -= here;
      newPage();
    }
    if (rest > linesFree()) newPage();
    used += rest * LINE_PITCH;
  });
  return { page, used };
}
