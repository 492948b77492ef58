import { describe, expect, it } from 'vitest';
import { BODY_LEADING, COLUMN_LINES, FOOTNOTE_LEADING, FOOTNOTE_RULE_TWIPS } from './magazine.ts';
import { MAGAZINE_PAGE_TWIPS, magazineFit, type Band, type ColumnItem } from './magazine-fit.ts';

const text = (lines: number, keepNext = false): ColumnItem => ({ lines, ...(keepNext ? { keepNext } : {}) });
const block = (lines: number, full = false): ColumnItem => ({ lines, block: true, ...(full ? { full } : {}) });
/** Lines used in each column of each band, page by page. */
/** The columns of band `b` of page `p`. */
function columns(pages: ReturnType<typeof magazineFit>, p = 0, b = 0) {
  const band = pages[p]!.bands[b]!;
  if (band.kind !== 'columns') throw new Error('not a band of columns');
  return band.columns;
}
const shape = (pages: ReturnType<typeof magazineFit>) => pages.map((p) => p.bands.map((b: Band) => (b.kind === 'full' ? `full ${b.lines}` : b.columns.map((c) => c.reduce((n, x) => n + x.to - x.from, 0)))));

describe('magazineFit', () => {
  it('fills the first column, then the second, then the next page, and balances the last page', () => {
    const pages = magazineFit([text(COLUMN_LINES + 10), text(COLUMN_LINES)], 0);
    // Two full columns on page 1; the 10 lines left are balanced on page 2, 5 and 5.
    expect(shape(pages)).toEqual([[[COLUMN_LINES, COLUMN_LINES]], [[5, 5]]]);
    expect(pages[1]!.bands[0]).toMatchObject({ lines: 5 });
  });

  it('gives the title block its height on the first page', () => {
    const pages = magazineFit([text(200)], 10 * BODY_LEADING + 200);
    expect(shape(pages)[0]).toEqual([[COLUMN_LINES - 11, COLUMN_LINES - 11]]);
  });

  it('keeps two lines of a paragraph at the foot of a column and two at the head of the next', () => {
    // 3 lines fit at the foot: a 4-line paragraph leaves 2 and takes 2 over (not 3 and 1).
    const widow = magazineFit([text(COLUMN_LINES - 3), text(4), text(COLUMN_LINES)], 0);
    expect(columns(widow)[0].at(-1)).toEqual({ item: 1, from: 0, to: 2 });
    // 1 line free: a paragraph does not start there.
    const orphan = magazineFit([text(COLUMN_LINES - 1), text(4), text(COLUMN_LINES)], 0);
    expect(columns(orphan)[1][0]).toEqual({ item: 1, from: 0, to: 4 });
  });

  it('balances a paragraph that cannot break by the rules as LibreOffice does: whole in the first column', () => {
    // 3 lines: 2 and 1 would leave a widow, so the columns are 3 and 0 lines high, not 2 and 1.
    expect(shape(magazineFit([text(3)], 0))).toEqual([[[3, 0]]]);
    expect(shape(magazineFit([text(5)], 0))).toEqual([[[3, 2]]]);
  });

  it('takes a heading over with the first two lines of what follows', () => {
    const pages = magazineFit([text(COLUMN_LINES - 2), text(1, true), text(5), text(COLUMN_LINES)], 0);
    expect(columns(pages)[1][0]).toEqual({ item: 1, from: 0, to: 1 });
  });

  it('moves a picture block that does not fit to the next column whole, leaving the rest empty', () => {
    const pages = magazineFit([text(COLUMN_LINES - 8), block(12), text(COLUMN_LINES)], 0);
    expect(columns(pages).map((c) => c.map((p) => p.item))).toEqual([[0], [1, 2]]);
  });

  it('sets a photo across both columns below the balanced columns above it, and the columns go on below it', () => {
    const pages = magazineFit([text(20), block(10, true), text(30)], 0);
    expect(shape(pages)).toEqual([[[10, 10], 'full 10', [15, 15]]]);
    // One that does not fit the rest of the page goes to the next.
    const over = magazineFit([text(70), block(20, true), text(4)], 0);
    expect(shape(over)).toEqual([[[35, 35]], ['full 20', [2, 2]]]);
  });

  it('opens a column with running text after a column break, on a full page and on a balanced one', () => {
    const broken: ColumnItem = { lines: 4, breakBefore: true };
    expect(shape(magazineFit([text(10), broken, text(2)], 0))).toEqual([[[10, 6]]]);
    expect(columns(magazineFit([text(2 * COLUMN_LINES), text(10), broken, text(COLUMN_LINES)], 0), 1).map((c) => c.map((p) => p.item))).toEqual([[1], [2, 3]]);
  });

  it('opens a column with a block set at the top though it fits under the text, and a page with one across both', () => {
    const head = (lines: number, full = false): ColumnItem => ({ ...block(lines, full), head: true });
    expect(columns(magazineFit([text(10), head(6), text(60)], 0)).map((c) => c.map((p) => p.item))).toEqual([[0], [1, 2]]);
    expect(shape(magazineFit([text(10), head(6, true), text(4)], 0))).toEqual([[[5, 5]], ['full 6', [2, 2]]]);
  });
});

describe('magazineFit with 注明数据来源: the footnotes at the page\'s foot', () => {
  /** A paragraph whose lines call footnotes: [line, the note's lines]. */
  const noted = (lines: number, notes: [number, number][]): ColumnItem => ({ lines, notes: notes.map(([line, n]) => ({ line, twips: n * FOOTNOTE_LEADING })) });
  const linesAbove = (noteLines: number) => Math.floor((MAGAZINE_PAGE_TWIPS - noteLines * FOOTNOTE_LEADING - FOOTNOTE_RULE_TWIPS) / BODY_LEADING);

  it('ends both columns above the notes their lines call, the rule once, and the next page full', () => {
    // Three notes of 1, 2 and 1 lines on page 1: both its columns end above 4 lines of notes and the rule.
    const pages = magazineFit([noted(200, [[0, 1], [3, 2], [50, 1]])], 0);
    expect(linesAbove(4)).toBe(COLUMN_LINES - 3);
    expect(shape(pages)[0]).toEqual([[linesAbove(4), linesAbove(4)]]);
    expect(pages[0]!.notes).toBe(4 * FOOTNOTE_LEADING + FOOTNOTE_RULE_TWIPS);
    expect(pages[0]!.footnotes).toEqual([0, 1, 2].map((note) => ({ item: 0, note })));
    expect(shape(pages)[1]).toEqual([[COLUMN_LINES, COLUMN_LINES]]);
    expect(pages[1]!.notes).toBe(0);
  });

  it('sends a line whose note does not fit above the foot to the next page with its note', () => {
    // The right column's last line calls a note of 2 lines: with the note the line no longer fits.
    const last = 2 * COLUMN_LINES - 1;
    const pages = magazineFit([noted(200, [[last, 2]])], 0);
    expect(shape(pages)[0]).toEqual([[COLUMN_LINES, COLUMN_LINES - 1]]);
    expect(pages[0]!.footnotes).toEqual([]);
    expect(pages[1]!.footnotes).toEqual([{ item: 0, note: 0 }]);
    expect(columns(pages, 1)[0][0]).toEqual({ item: 0, from: last, to: last + linesAbove(2) });
  });

  it('fills an earlier column again when a later one\'s notes leave it too tall', () => {
    // The left column's lines call none; the right column's first line calls 6 lines of notes, so
    // the page holds the left column's lines less the notes' room: both columns end above them.
    const pages = magazineFit([noted(200, [[COLUMN_LINES, 6]])], 0);
    expect(shape(pages)[0]).toEqual([[linesAbove(6), linesAbove(6)]]);
    expect(pages[0]!.footnotes).toEqual([{ item: 0, note: 0 }]);
  });

  it('balances the last page\'s columns above its notes', () => {
    const pages = magazineFit([noted(20, [[1, 3]])], 0);
    expect(shape(pages)).toEqual([[[10, 10]]]);
    expect(pages[0]!.notes).toBe(3 * FOOTNOTE_LEADING + FOOTNOTE_RULE_TWIPS);
  });

  it('lets a picture\'s caption end in the room under the column\'s last whole line, by its space after', () => {
    // 150 twips under the last whole line; a block of 5 lines whose caption's space after is 200
    // ends 50 twips into it after 40 lines: it stays in the column, as LibreOffice sets it.
    expect(MAGAZINE_PAGE_TWIPS - COLUMN_LINES * BODY_LEADING).toBe(150);
    const after = (lines: number, twips: number): ColumnItem => ({ ...block(lines), after: twips });
    expect(columns(magazineFit([text(COLUMN_LINES - 4), after(5, 200), text(COLUMN_LINES)], 0)).map((c) => c.map((p) => p.item))).toEqual([[0, 1], [2]]);
    // With 100 only it would end 50 twips past the foot: the next column.
    expect(columns(magazineFit([text(COLUMN_LINES - 4), after(5, 100), text(COLUMN_LINES)], 0)).map((c) => c.map((p) => p.item))).toEqual([[0], [1, 2]]);
  });
});
