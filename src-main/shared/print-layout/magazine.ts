// The "园区风采" feature as the magazine prints it, described once: the Word export
// (core/reports/docx/magazine*.ts) writes it and the preview draws it. Facing pages mirror each
// other; the running head and the folio sit on the outside edge ("40  2023.08" on an even page,
// "2023.08  41" on an odd one). Lengths in twips, sizes in half-points; page.ts converts.
import type { Run } from '../document.ts';
import { textHeight, textWidth, twipsFromMm, type PageFrame, type Side } from './page.ts';
import type { TypeLook } from './look.ts';
import { ems as textEms, titleLines as typedLines } from './title-lines.ts';

export const MAGAZINE_FRAME: PageFrame = {
  margin: {
    top: twipsFromMm(24),
    bottom: twipsFromMm(22),
    // Facing pages (w:mirrorMargins): left is the inside, with 5 mm of gutter for the binding.
    left: twipsFromMm(17),
    right: twipsFromMm(17),
    gutter: twipsFromMm(5),
    header: twipsFromMm(11),
    footer: twipsFromMm(10),
  },
};
export const MIRRORED = true;

export const COLUMNS = 2;
export const COLUMN_GAP = twipsFromMm(7);
export const COLUMN_WIDTH = Math.floor((textWidth(MAGAZINE_FRAME) - COLUMN_GAP) / 2);

/** The column's colour: the running head, its rule and the folio. */
export const ACCENT = '1F5C99';

export const MAGAZINE_LOOKS = {
  /** 10.5 pt 宋体 on a 16 pt leading (BODY_LEADING). */
  body: { role: 'songti', size: 21 },
  title: { role: 'heiti', size: 48, bold: true },
  subtitle: { role: 'kaiti', size: 28 },
  byline: { role: 'kaiti', size: 24 },
  runIn: { role: 'heiti', size: 21, bold: true },
  caption: { role: 'kaiti', size: 18 },
  headZh: { role: 'heiti', size: 24, bold: true, color: ACCENT },
  headEn: { role: 'latin', size: 16, color: ACCENT },
  folioPage: { role: 'latin', size: 24, bold: true, color: ACCENT },
  folioIssue: { role: 'latin', size: 18 },
  /** A source note's footnote (注明数据来源): 7.5 pt 宋体 on a 11 pt leading (FOOTNOTE_LEADING). */
  footnote: { role: 'songti', size: 15 },
} as const satisfies Record<string, TypeLook>;

/** The body's exact leading, twips (16 pt), and the lines a full column holds. */
export const BODY_LEADING = 320;
export const COLUMN_LINES = Math.floor(textHeight(MAGAZINE_FRAME) / BODY_LEADING);
/**
 * The title block's spacing, twips: before and after the title, the subtitle's and the by-line's
 * exact leading and the space after each. Exact, not the face's own line height: the block's height
 * then decides how many body lines the first page holds whatever faces the reader has.
 */
export const TITLE_SPACING = { before: 240, after: 160, subtitleLine: 340, subtitleAfter: 120, bylineLine: 280, bylineAfter: 280 } as const;
/**
 * A footnote's exact leading, twips: exact so the room the notes take at a page's foot is the same
 * whatever faces the reader has, and the count (magazine-fit.ts) can keep it from the columns.
 */
export const FOOTNOTE_LEADING = 220;
/**
 * The room above a page's footnotes, twips: LibreOffice's own rule, which it sets whatever the file's
 * separator says — 1 mm above it, 0.5 pt, 1 mm below (measured on the renders: a full column's last
 * line stood 11.5 pt over the notes, and a line 3.2 pt more did not fit).
 */
export const FOOTNOTE_RULE = { above: 57, width: 10, below: 57 } as const;
export const FOOTNOTE_RULE_TWIPS = FOOTNOTE_RULE.above + FOOTNOTE_RULE.width + FOOTNOTE_RULE.below;
/** The caption's exact leading and the space after it, twips. */
export const CAPTION_SPACING = { line: 260, after: 160 } as const;
/** The tallest a picture is set: half the type area. */
export const PICTURE_MAX_HEIGHT = Math.floor(textHeight(MAGAZINE_FRAME) / 2);

/** Both the running head and the folio stand on the outside edge: left on even pages, right on odd ones. */
export const outsideAlign = (side: Side): 'left' | 'right' => (side === 'even' ? 'left' : 'right');
/** The running head's parts from the outside edge inwards: 园区风采  PARK STYLE on an even page, PARK STYLE  园区风采 on an odd one. */
export const runningHeadOrder = (side: Side): readonly ['zh', 'en'] | readonly ['en', 'zh'] => (side === 'even' ? ['zh', 'en'] : ['en', 'zh']);
/** The folio: "40  2023.08" on an even page, "2023.08  41" on an odd one. */
export const folioOrder = (side: Side): readonly ['page', 'issue'] | readonly ['issue', 'page'] => (side === 'even' ? ['page', 'issue'] : ['issue', 'page']);
/** What stands between the running head's parts and between the folio's. */
export const FURNITURE_GAP = '  ';

/** Width in ems: Chinese characters and full-width punctuation one, ASCII half. */
const ems = (runs: readonly Run[]) => textEms(runs.map((r) => r.text).join(''));

/** "楚雄高新区：聚焦…" prints the park on a line of its own, as the magazine sets it; the user's own line breaks win. */
export function magazineTitleLines(title: readonly Run[]): Run[][] {
  if (title.some((r) => r.text.includes('\n'))) return typedLines(title, Infinity);
  const at = title.findIndex((r) => r.kind === 'text' && r.text.includes('：'));
  const run = title[at];
  if (!run) return [[...title]];
  const cut = run.text.indexOf('：') + 1;
  const before = [...title.slice(0, at), { kind: 'text' as const, text: run.text.slice(0, cut) }];
  const after = [{ kind: 'text' as const, text: run.text.slice(cut) }, ...title.slice(at + 1)];
  // A long park name or a title ending in the colon stays one line.
  if (ems(before) > 12 || after.every((r) => r.text.trim() === '')) return [[...title]];
  return [before, after];
}

/** The title's size, half-points: the largest up to 24 pt at which the longest line fits the width; never below 18 pt (it wraps instead). */
export function magazineTitleSize(lines: readonly Run[][], widthTwips = textWidth(MAGAZINE_FRAME)): number {
  const longest = Math.max(...lines.map(ems), 1);
  return Math.max(36, Math.min(MAGAZINE_LOOKS.title.size, Math.floor((widthTwips / 10 / longest) * 0.98)));
}
/** The title's exact leading, twips, for a title of `size` half-points. */
export const titleLeading = (size: number): number => Math.round(size * 12.5);

/** The subtitle and the by-line as printed: as written, no brackets. */
export const magazineSubtitle = (text: string): string => text;
export const magazineByline = (byline: string): string => byline.trim();

/** A caption's characters to the column's line (小五 in a column: 26). */
export const CAPTION_EMS_MAGAZINE = Math.floor(COLUMN_WIDTH / (MAGAZINE_LOOKS.caption.size * 10));
