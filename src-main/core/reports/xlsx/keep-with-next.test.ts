import { describe, expect, it } from 'vitest';
import { fitScale, KEEP_ROWS, pageBreaks, type PageLayout, type PagedRow } from './keep-with-next.ts';
import { MARGINS } from './page.ts';

const portrait: PageLayout = { orientation: 'portrait', margins: MARGINS, columnWidths: [30, 8, 10, 12, 12], firstPageRows: [30, 18], repeatedRows: [30] };
const row = (category = false, height = 15): PagedRow => ({ height, category });

/** Rows per page as the breaks cut them. */
function pages(rows: readonly PagedRow[], breaks: readonly number[]): PagedRow[][] {
  const out: PagedRow[][] = [];
  let from = 0;
  for (const b of [...breaks, rows.length]) {
    out.push(rows.slice(from, b));
    from = b;
  }
  return out;
}

describe('page breaks of a table', () => {
  it('fills an upright A4 page with as many 15 pt rows as fit between the margins, the header repeated', () => {
    expect(fitScale(portrait)).toBe(1);
    const rows = Array.from({ length: 200 }, () => row());
    const cut = pages(rows, pageBreaks(portrait, rows));
    // 841.89 pt − 93.6 of margins − 15 of slack = 733.29: less title and header (78) 43 rows on the
    // first page, less the header (30) 46 on the others.
    expect(cut.map((p) => p.length)).toEqual([43, 46, 46, 46, 19]);
  });

  it('shrinks with the sheet when the columns are wider than the page, and fits more rows', () => {
    const wide = { ...portrait, columnWidths: [60, 8, 10, 12, 12, 12, 12] };
    expect(fitScale(wide)).toBeLessThan(1);
    const rows = Array.from({ length: 200 }, () => row());
    expect(pageBreaks(wide, rows)[0]).toBeGreaterThan(pageBreaks(portrait, rows)[0]!);
  });

  it('measures the columns as Excel does: a stored width of 8 is 56 pixels, the padding counted in it', () => {
    // 100 width units are 700 pixels, 525 pt, against 523.28 between the margins.
    expect(fitScale({ ...portrait, columnWidths: [40, 20, 20, 20] })).toBeCloseTo(523.28 / 525, 6);
    // 8.43, Excel's default width stored as 9.140625, is its 64 pixels.
    expect(fitScale({ ...portrait, columnWidths: Array.from({ length: 11 }, () => 9.140625) })).toBeCloseTo(523.28 / (11 * 48), 6);
  });

  it('over pages across, shrinks as if the columns filled each page, the label columns repeated on every one', () => {
    const parks = Array.from({ length: 12 }, () => [12, 6]).flat();
    const wide: PageLayout = { ...portrait, orientation: 'landscape', columnWidths: [30, 8, 10, 14, ...parks], pagesWide: 2, repeatedColumns: [30, 8, 10] };
    // 278 width units on two pages with 48 repeated: 326 × 5.25 pt against twice 769.89.
    expect(fitScale(wide)).toBeCloseTo((2 * 769.89) / (326 * 5.25), 4);
    expect(fitScale({ ...wide, pagesWide: 1 })).toBeCloseTo(769.89 / (278 * 5.25), 4);
  });

  it('never leaves a category row without its first rows at the foot of a page', () => {
    // Categories every 1 to 9 rows, so that one falls at every height of a page.
    const rows: PagedRow[] = [];
    for (let n = 0; rows.length < 400; n++) {
      rows.push(row(true));
      for (let i = 0; i < 1 + (n % 9); i++) rows.push(row());
    }
    const cut = pages(rows, pageBreaks(portrait, rows));
    expect(cut.length).toBeGreaterThan(5);
    for (const p of cut.slice(0, -1)) {
      const lastCategory = p.map((r) => r.category).lastIndexOf(true);
      const after = p.length - 1 - lastCategory;
      // Its rows up to KEEP_ROWS, or all of them when the next category comes sooner.
      if (lastCategory >= 0) expect(after >= KEEP_ROWS || p.length - 1 === lastCategory + after).toBe(true);
      expect(p[p.length - 1]!.category).toBe(false);
    }
    // Nothing is lost or repeated.
    expect(cut.flat()).toHaveLength(rows.length);
  });

  it('lets a category with fewer rows than it keeps go with all of them', () => {
    const rows = [...Array.from({ length: 41 }, () => row()), row(true), row(), row(true), row(), row()];
    const cut = pages(rows, pageBreaks(portrait, rows));
    // 41 + the category and its one row fill the 43 lines; the next category starts the next page.
    expect(cut.map((p) => p.length)).toEqual([43, 3]);
  });
});
