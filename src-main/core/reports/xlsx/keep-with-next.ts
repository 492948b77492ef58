// Excel has no "keep with next": a category row (经济总量, 营商环境 …) can land on the last line of a
// printed page with its indicators on the next. So the sheet's pages are laid out here — A4, the
// margins, shrunk to the page width, the title rows on the first page, the repeated header on every
// page — and every page ends with a manual row break, a category that would not have its first rows
// under it starting the next page instead.
//
// Every page, not only those that would strand a category: how far a program shrinks the sheet to
// the page width depends on how it measures columns (LibreOffice with Carlito, Calibri's metric twin,
// shrinks about 6 % further than Excel; with a wider face in Calibri's place, 30 %). A break only
// where a category falls would leave the pages between to each program's own breaks, and one of
// those could strand a category again. Pages laid out for the least shrinking (Excel's own column
// measure, which the other programs only exceed) hold in every program, so no program adds a break
// of its own, and where the pages end is decided here.

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
  /** Pages across the sheet is fitted to (the comparison of many parks); 1 when absent. */
  pagesWide?: number;
  /** Widths of the columns repeated at the left of every page across (指标名称 | 代码 | 计量单位). */
  repeatedColumns?: readonly number[];
}

/** Calibri 11's widest digit at 96 dpi, in pixels: Excel's unit of column width. */
const DIGIT_PIXELS = 7;

/**
 * A column's printed width in points, as Excel converts the width stored in the file (ECMA-376
 * §18.3.1.13): whole pixels of the digit, the stored width already counting the cell's padding, so 8
 * is 56 pixels. LibreOffice takes Carlito's digit unrounded (5.55 pt where Excel has 5.25) and
 * shrinks the sheet about 6 % further, so its pages hold more than these.
 */
function columnPoints(width: number): number {
  return (Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PIXELS)) / 256) * DIGIT_PIXELS) * 3) / 4;
}

/**
 * The scale a fit-to-width print uses: the columns shrunk to the width between the margins, never
 * enlarged. Over several pages across, each page also repeats the title columns, and the columns
 * cannot be cut to fill every page exactly: a program shrinks at least to the scale at which the
 * columns would fill them exactly, so that scale is the least shrinking and the one laid out for.
 */
export function fitScale(layout: PageLayout): number {
  const w = layout.orientation === 'portrait' ? A4_POINTS.width : A4_POINTS.height;
  const printable = w - (layout.margins.left + layout.margins.right) * 72;
  const across = layout.pagesWide ?? 1;
  const points = (widths: readonly number[]) => widths.reduce((a, c) => a + columnPoints(c), 0);
  return Math.min(1, (across * printable) / (points(layout.columnWidths) + (across - 1) * points(layout.repeatedColumns ?? [])));
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

/**
 * The same breaks as the rows of a sheet mark them: the set of 0-based data lines that start a page,
 * for a writer that adds the break on the line above (OOXML breaks after a row).
 */
export function breaksBefore(layout: PageLayout, lines: readonly { type: string }[], heights: readonly number[]): Set<number> {
  return new Set(pageBreaks(layout, lines.map((l, i) => ({ height: heights[i]!, category: l.type === 'category' }))));
}
