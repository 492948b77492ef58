// Where the bulletin's body ends: the page and the grid line, worked out from the 22 × 28 grid the
// way Word and LibreOffice fill it. GB/T 9704 puts the distribution block (版记) at the foot of the
// last even page; neither office suite can place a block "at the foot of the last even page" by
// itself, so the export counts the lines and adds the page break and the blank lines it needs.
// The preview pages by the same count (fitPlaces), so its page breaks are the export's.
import type { BulletinLayout } from '../document.ts';
import { BODY_SIZE, BULLETIN_FRAME, END_EMS, LINE_PITCH, TRACKING, bulletinEndLines, copiesLine } from './bulletin.ts';
import { textHeight, textWidth } from './page.ts';
import { latinEm, scriptSpans } from './script.ts';

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

/** A line's measure: its width in ems of the type, and the tracking (condensing) of every character, ems. */
export interface Measure {
  widthEm: number;
  trackingEm: number;
  /**
   * As LibreOffice sets the magazine's column (measured on its renders): curly quotes after Latin
   * text at Times' own widths, and the space after a Latin stretch carried by the stretch, so a
   * stretch that only fits without it goes down (…提升发展 / IT和金融).
   */
  latinEdges?: boolean;
  /** Marks set after a character that are no characters of the text (footnote references): ems at each offset they stand before. */
  marks?: ReadonlyMap<number, number>;
}

/** The body's line: the 156 mm type area in ems of 3号, every character condensed by TRACKING (28 to the line). */
export const BODY_MEASURE: Measure = { widthEm: textWidth(BULLETIN_FRAME) / (BODY_SIZE * 10), trackingEm: -TRACKING / (BODY_SIZE * 10) };

const measureOf = (m: number | Measure): Measure => (typeof m === 'number' ? { widthEm: m, trackingEm: 0 } : m);

/**
 * Lines a paragraph takes: `indent` characters first, then the characters as lineStarts sets them.
 * A number for `perLine` is a line of that many untracked characters (a caption, the end block).
 */
export function textLines(text: string, indent = 2, perLine: number | Measure = BODY_MEASURE): number {
  return lineStarts(text, indent, perLine).length;
}

/** A paragraph on the grid that holds a picture rounds its height up to whole lines. */
export const gridTwips = (twips: number): number => Math.max(1, Math.ceil(twips / LINE_PITCH - 1e-9)) * LINE_PITCH;

/** Where one item fell: lines [fromLine, toLine) of running text on `page`, or a whole block (fromLine = toLine = 0). */
export interface FitPiece {
  item: number;
  page: number;
  fromLine: number;
  toLine: number;
}

/**
 * The items laid on pages (from 1): where each piece of each item fell, and the page the items end
 * on with the twips used there. Lines stack from the top of the type area (LibreOffice does not
 * snap a line back onto the page's grid after an off-grid block); a paragraph breaks between lines
 * with two at least on each side; a block moves whole.
 */
export function fitPlaces(items: readonly FitItem[]): { pieces: FitPiece[]; page: number; used: number } {
  let page = 1;
  let used = 0;
  const pieces: FitPiece[] = [];
  const newPage = () => {
    page++;
    used = 0;
  };
  const linesFree = () => Math.floor((PAGE_TWIPS - used) / LINE_PITCH);
  /**
   * The room an item kept with what follows needs after it: the chain of items kept with the next
   * (a title, its by-line; a heading, the heading under it), then two lines of the paragraph they
   * open or the block — as Word and LibreOffice chain keep-with-next.
   */
  const keptRoom = (i: number): number => {
    const item = items[i]!;
    if (!item.keepNext) return 0;
    let room = 0;
    for (let j = i + 1; j < items.length; j++) {
      const n = items[j]!;
      room += n.twips ?? (n.keepNext ? (n.lines ?? 1) : Math.min(n.lines ?? 1, 2)) * LINE_PITCH;
      if (!n.keepNext) break;
    }
    // A chain no page holds is not kept together (Word drops the keep): each item goes as it fits.
    return room + (item.twips ?? LINE_PITCH) > PAGE_TWIPS ? 0 : room;
  };
  items.forEach((item, i) => {
    if (item.twips !== undefined) {
      // A picture goes over with its caption (kept with the next paragraph).
      const room = keptRoom(i);
      if (used + item.twips + room > PAGE_TWIPS && used > 0) newPage();
      pieces.push({ item: i, page, fromLine: 0, toLine: 0 });
      used += item.twips;
      return;
    }
    const total = item.lines ?? 1;
    let rest = total;
    if (rest === 1) {
      // A heading with no room for two lines of what follows goes over with it.
      const room = keptRoom(i);
      if (used + LINE_PITCH + room > PAGE_TWIPS && used > 0) newPage();
      pieces.push({ item: i, page, fromLine: 0, toLine: 1 });
      used += LINE_PITCH;
      return;
    }
    if (linesFree() < 2) newPage();
    while (rest > linesFree()) {
      let here = linesFree();
      if (rest - here < 2) here = rest - 2;
      if (here < 2) break;
      pieces.push({ item: i, page, fromLine: total - rest, toLine: total - rest + here });
      rest -= here;
      newPage();
    }
    if (rest > linesFree()) newPage();
    pieces.push({ item: i, page, fromLine: total - rest, toLine: total });
    used += rest * LINE_PITCH;
  });
  return { pieces, page, used };
}

/** The page (from 1) the items end on and the twips used there (see fitPlaces). */
export function fitPages(items: readonly FitItem[]): { page: number; used: number } {
  const { page, used } = fitPlaces(items);
  return { page, used };
}

/** Marks that never open a line (the Chinese line-breaking rules; a marker's closing brace too, as LibreOffice sets it): the character before goes down with them. */
const NO_LINE_START = /[，。、；：？！）》」』”’〕】%‰…·,.;:?!)\]}]/u;
/** Marks that never end a line: they go down with the character after them. */
const NO_LINE_END = /[“‘（《「『〔【]/u;
/** Quotes take the script (and face) of what precedes them, as LibreOffice sets weak characters. */
const WEAK = /[“”‘’]/u;
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Times New Roman's curly quotes, ems. */
const TIMES_QUOTES: Record<string, number> = { '‘': 0.333, '’': 0.333, '“': 0.444, '”': 0.444 };

/**
 * The space LibreOffice sets where Latin letters or digits meet an ideograph (its Asian/Western
 * autospace), ems: a fifth of an em, measured on the renders (0.25 counted one character too many
 * on lines like …第40—41 / 页). At a line's end or start it is not set.
 */
export const AUTOSPACE_EM = 0.2;

/**
 * Where each line of a paragraph starts, character offsets (the first 0), as LibreOffice and Word
 * fill the bulletin's lines: Chinese one em, digits and Latin at Times New Roman's widths, a fifth
 * of an em between a Latin stretch and a Chinese character (the space both suites put there, not
 * set at a line's end), every character condensed by the measure's tracking but the last of each
 * stretch of one script and face (LibreOffice condenses a character towards the next one of its
 * run). A Latin stretch breaks only after a hyphen (…2018-06- / 20), closing punctuation never opens
 * a line, opening punctuation never ends one, and a Latin stretch right after closing punctuation
 * stays with it (…产业，2022 goes down whole). Checked against LibreOffice's lines of the demo
 * bulletins and their source lists (render.libreoffice.test.ts, e2e preview-print.spec.ts).
 */
export function lineStarts(text: string, indent = 2, perLine: number | Measure = BODY_MEASURE): number[] {
  const { widthEm, trackingEm, latinEdges = false, marks } = measureOf(perLine);
  const latinWidth = (ch: string) => (latinEdges ? (TIMES_QUOTES[ch] ?? latinEm(ch)) : latinEm(ch));
  // Each unit's script: a Latin stretch (cut after its hyphens, where a line may break), an
  // ideograph or other full-width mark, and quotes, which take the script of what precedes them
  // (LibreOffice's weak characters): after Latin text they are set in the Latin face, at its width.
  // `run` numbers the runs the Word export writes (one per stretch of one script).
  const units: { at: number; width: number; latin: boolean; strong: boolean; ideograph: boolean; run: number; asian: boolean; before: number }[] = [];
  let i = 0;
  let latinBefore = false;
  scriptSpans(text).forEach(([stretch, latin], run) => {
    if (latin) {
      for (const piece of stretch.split(/(?<=-)(?=.)/u)) {
        units.push({ at: i, width: [...piece].reduce((n, ch) => n + latinEm(ch) - trackingEm, 0), latin: true, strong: true, ideograph: false, run, asian: false, before: 0 });
        i += piece.length;
      }
      latinBefore = true;
      return;
    }
    for (const ch of stretch) {
      const weak = WEAK.test(ch);
      const asLatin: boolean = weak ? latinBefore : ch.charCodeAt(0) < 0x2000;
      // LibreOffice's script: full-width marks and ideographs Asian, other marks (weak) the script before them.
      const asian = ch.charCodeAt(0) >= 0x3000 || (ch.charCodeAt(0) >= 0x2000 && !weak) || (units.at(-1)?.asian ?? true);
      units.push({ at: i++, width: (asLatin || ch.charCodeAt(0) < 0x2000 ? latinWidth(ch) : 1) - trackingEm, latin: asLatin, strong: !weak, ideograph: IDEOGRAPH.test(ch), run, asian, before: 0 });
      if (!weak) latinBefore = asLatin;
    }
  });
  const alnum = (at: number) => /[0-9A-Za-z]/.test(text[at] ?? '');
  units.forEach((u, k) => {
    const next = units[k + 1];
    if (!next) return;
    // The last character of a stretch of one script and run is not condensed.
    if (next.run !== u.run || next.asian !== u.asian) u.width += trackingEm;
    // The autospace, carried by the unit after it: dropped when that unit opens a line.
    if (u.latin && u.strong && next.ideograph && alnum(next.at - 1)) {
      if (latinEdges) u.width += AUTOSPACE_EM;
      else next.before = AUTOSPACE_EM;
    }
    else if (u.ideograph && next.latin && next.strong && alnum(next.at)) next.before = AUTOSPACE_EM;
  });
  // A mark goes with the character before it: added to the width of the unit that ends there.
  if (marks) {
    for (const [at, em] of marks) {
      const unit = units.findLast((u) => u.at < at);
      if (unit) unit.width += em;
    }
  }
  const starts = [0];
  let width = indent;
  for (let u = 0; u < units.length; u++) {
    if (width + units[u]!.before + units[u]!.width > widthEm + 1e-9 && u > 0) {
      let start = u;
      for (;;) {
        const prev = units[start - 1];
        if (!prev || prev.at <= starts.at(-1)!) break;
        const opens = units[start]!;
        // Nor between a Latin stretch and closing punctuation before it, nor before an opening mark that
        // overflows right after a Latin stretch (…2018-06- / 20《昆明); an opening mark moved down
        // because it cannot end the line goes alone (…2018-06-20 / 《昆明).
        const glued = (opens.latin && !prev.latin && NO_LINE_START.test(text[prev.at]!)) || (start === u && prev.latin && prev.strong && NO_LINE_END.test(text[opens.at]!));
        if (NO_LINE_START.test(text[opens.at]!) || NO_LINE_END.test(text[prev.at]!) || glued) start--;
        else break;
      }
      if (start === 0 || units[start]!.at <= starts.at(-1)!) start = u;
      starts.push(units[start]!.at);
      width = units.slice(start, u).reduce((n, x, k) => n + (k > 0 ? x.before : 0) + x.width, 0);
      if (start < u) width += units[u]!.before;
    } else width += units[u]!.before;
    width += units[u]!.width;
  }
  return starts;
}

/** What the end block's table rules add to its rows, and a little air so rounding never pushes the block over the page. */
const RULES_AND_AIR = 300;

/** Where the end block goes: its page, the page left blank before it (0: none) and the room above it on its page. */
export interface EndBlockPlace {
  page: number;
  /**
   * A page left blank between the body and the block (the body fills an even page). GB/T 9704
   * prints no page number on it: the Word export gives it a section of its own whose first-page
   * footer is empty, the preview draws it without its number.
   */
  blankPage: number;
  /** The blank room above the block on its page, twips, each after a page break or not, as the Word export writes them. */
  spacers: { twips: number; pageBreakBefore: boolean }[];
}

/**
 * Where the end block of `rows` lines goes (GB/T 9704 §10: at the foot of the last even page): on
 * the page where the body ends if it is even and has room for the block and a blank line, else
 * alone at the foot of the next even page, two pages on (a blank page between) when the body fills
 * an even page.
 */
export function endBlockPlace(rows: number, bodyEnd: { page: number; used: number }): EndBlockPlace {
  const block = rows * LINE_PITCH + RULES_AND_AIR;
  const free = PAGE_TWIPS - bodyEnd.used;
  if (bodyEnd.page % 2 === 0 && free >= block + LINE_PITCH) return { page: bodyEnd.page, blankPage: 0, spacers: [{ twips: free - block, pageBreakBefore: false }] };
  // An odd page, or an even one too full: the block goes to the next even page, alone at its foot.
  const even = bodyEnd.page % 2 === 0;
  return { page: bodyEnd.page + (even ? 2 : 1), blankPage: even ? bodyEnd.page + 1 : 0, spacers: [{ twips: PAGE_TWIPS - block, pageBreakBefore: true }] };
}

/** The end block's rows on the grid: 报/送/发 lines of 4号 (one character in, a wrapped line three) and the print run. */
export function endBlockRows(layout: Pick<BulletinLayout, 'reportTo' | 'copyTo' | 'sendTo' | 'copies'>): number {
  return bulletinEndLines(layout).reduce((n, line) => n + textLines(line, 2, END_EMS), 0) + (copiesLine(layout.copies) ? 1 : 0);
}
