// Excel has no "keep with next": a category row (经济总量, 营商环境 …) can land on the last line of a
// printed page with its indicators on the next. So the sheet's pages are laid out here — A4, the
// margins, shrunk to the page width, the title rows on the first page, the repeated header on every
// page — and every page ends with a manual row break, a category that would not have its first rows
// under it starting the next page instead.
//
// Every page, not only those that would strand a category: how far a program shrinks the sheet to
// the page width depends on the fonts it has (LibreOffice without Calibri measures columns in a wider
// face and shrinks to 92 %, fitting four rows more a page than Excel). A break only where a category
// falls would leave the pages between to each program's own breaks, and one of those could strand
// a category again. Pages laid out for the least shrinking (Excel's own column measure, which
// programs with the same or a wider face only shrink further) hold in every program, so no program
// adds a break of its own, and where the pages end is decided here.

import { A4_POINTS, type PrintGeometry } from './page.ts';

/** A category row with fewer than this many of its rows under it on the page moves to the next. */
export const KEEP_ROWS = 2;
/** Left free at each page's foot for rounding (row heights to whole pixels, the scale to whole percent). */
const SLACK_POINTS = 15;

export interface PagedRow {
  /** Points, as written to the sheet. */
  height: number;
  category: boolean;
}

export interface PageLayout extends PrintGeometry {
  /** Printed column widths in Excel's character units. */
  columnWidths: readonly number[];
  /** Heights of the rows above the first data row that print on the first page only (title, subtitle). */
  firstPageRows: readonly number[];
  /** Heights of the rows repeated at the top of every page (the column header). */
  repeatedRows: readonly number[];
}

/** A column's width in points: Excel's character unit is 7 pixels of the default font, plus 5 of padding. */
function columnPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 3) / 4;
}

/** The scale a fit-to-width print uses: the columns shrunk to the width between the margins, never enlarged. */
export function fitScale(layout: PageLayout): number {
  const [w] = layout.orientation === 'portrait' ? [A4_POINTS.width] : [A4_POINTS.height];
  const printable = w - (layout.margins.left + layout.margins.right) * 72;
  const sheet = layout.columnWidths.reduce((a, c) => a + columnPoints(c), 0);
  return Math.min(1, printable / sheet);
}

/**
 * The data rows (0-based, in `rows`) before which a page break goes: each page is filled row by row,
 * a row that does not fit starts the next page, and so does a category row that would not have
 * KEEP_ROWS rows (or all its rows, when fewer) under it.
 */
export function pageBreaks(layout: PageLayout, rows: readonly PagedRow[]): number[] {
  const pageHeight = layout.orientation === 'portrait' ? A4_POINTS.height : A4_POINTS.width;
  const body = (pageHeight - (layout.margins.top + layout.margins.bottom) * 72) / fitScale(layout) - SLACK_POINTS;
  const repeated = layout.repeatedRows.reduce((a, h) => a + h, 0);
  const breaks: number[] = [];
  let used = layout.firstPageRows.reduce((a, h) => a + h, 0) + repeated;
  let onPage = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let need = row.height;
    // A category comes with the rows it keeps: up to the next category or KEEP_ROWS, whichever is first.
    if (row.category) for (let k = i + 1; k < rows.length && k <= i + KEEP_ROWS && !rows[k]!.category; k++) need += rows[k]!.height;
    if (used + need > body && onPage > 0) {
      breaks.push(i);
      used = repeated;
      onPage = 0;
    }
    used += row.height;
    onPage++;
  }
  return breaks;
}
