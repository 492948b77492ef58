// Writing one cell of a figure, a growth, an indicator name — and the data rows they stand in — the
// same way on every sheet.

import type { Cell, Row, Worksheet } from 'exceljs';
import type { Book } from './book.ts';
import type { CategoryLine, RowIndicator, ShownGrowth, ShownValue } from './model.ts';
import { figureFormat, figureStyle, growthFormat, nameStyle, numberStyle, S } from './styles.ts';

/** One line of the 10 pt body; a category row is one. */
export const LINE_HEIGHT = 15;

/** "其中：" rows: the first child says it, later siblings align under it (3 ideographic spaces). */
export function nameText(ind: Pick<RowIndicator, 'name' | 'depth' | 'lead'>): string {
  if (ind.depth === 0) return ind.name;
  return (ind.lead ? '其中：' : '\u3000\u3000\u3000') + ind.name;
}

/** The name cell; a name too long for the column wraps, and its row grows to show it whole. */
export function writeName(row: Row, col: number, ind: RowIndicator, columnWidth: number): void {
  const c = row.getCell(col);
  c.value = nameText(ind);
  c.style = nameStyle(ind.depth);
  const h = rowHeight([[c.value, columnWidth - 2 * (ind.depth + 1)]]);
  if (h > LINE_HEIGHT) row.height = h;
}

/** The three label columns every indicator row starts with: 指标名称 | 代码 | 计量单位. */
export function writeIndicatorLabels(row: Row, ind: RowIndicator, nameColumnWidth: number): void {
  row.outlineLevel = 1;
  writeName(row, 1, ind, nameColumnWidth);
  row.getCell(2).value = ind.code;
  row.getCell(2).style = S.code;
  row.getCell(3).value = ind.unit;
  row.getCell(3).style = S.code;
}

/**
 * A figure in the row's unit: a number with its format, or the text form with a note. An exact
 * figure takes the row's decimals; an approximate one (a qualifier) its own.
 */
export function writeShown(cell: Cell, v: ShownValue, decimals: number, opts: { bold?: boolean } = {}): void {
  if (v.number !== null) {
    const d = v.qualifier !== null && v.ownDecimals !== null ? v.ownDecimals : decimals;
    cell.value = v.number;
    cell.style = opts.bold ? numberStyle(figureFormat(d, v.qualifier), opts) : figureStyle(d, v.qualifier);
  } else if (v.text !== null) {
    cell.value = v.text;
    cell.style = S.textFigure;
  } else {
    cell.style = S.empty;
  }
  if (v.note) cell.note = v.note;
}

/** 同比: italic when computed from last year's figure rather than reported. */
export function writeGrowth(cell: Cell, g: ShownGrowth | null): void {
  if (!g) {
    cell.style = S.empty;
    return;
  }
  cell.value = g.number;
  cell.style = numberStyle(growthFormat(g.points, g.qualifier), { italic: g.computed });
}

/** Width in Excel's character units: a CJK character is about two digits wide. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return w;
}

/** The name column's width: the longest name with its indent, within reason. */
export function nameWidth(inds: readonly RowIndicator[], min = 18, max = 48): number {
  let w = min;
  for (const i of inds) w = Math.max(w, displayWidth(nameText(i)) + 2 * (i.depth + 1) + 1);
  return Math.min(w, max);
}

/** Fills `from`…`to` of a row with one style (category rows, blank frame cells). */
export function styleRange(row: Row, from: number, to: number, style: Cell['style']): void {
  for (let c = from; c <= to; c++) row.getCell(c).style = style;
}

/** A title spanning columns 1…`to`: the value is set before the merge (exceljs drops it otherwise). */
export function mergedText(ws: Worksheet, row: Row, to: number, text: string, style: Cell['style'], height?: number): void {
  const c = row.getCell(1);
  c.value = text;
  c.style = style;
  if (height) row.height = height;
  if (to > 1) ws.mergeCells(row.number, 1, row.number, to);
}

/**
 * Rows are not auto-fitted by every reader (a height written by us is kept as is), so text that
 * wraps gets a row tall enough for it. A line of the 10 pt body takes about 15 pt in LibreOffice
 * (13.5 pt in Excel with 宋体), and a CJK character about two width units.
 */
export function proseHeight(text: string, widthChars: number, lineHeight = LINE_HEIGHT): number {
  const perLine = Math.max(8, widthChars - 2);
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
  return lines * lineHeight + 6;
}

/** A data row's height: one line, or as many as its longest wrapped text needs. */
export function rowHeight(texts: readonly [text: string, widthChars: number][], lineHeight = LINE_HEIGHT): number {
  let lines = 1;
  for (const [text, width] of texts) if (text) lines = Math.max(lines, Math.ceil(displayWidth(text) / Math.max(8, width - 1)));
  return lines * lineHeight;
}

/**
 * The data rows of every layout, from `firstRow` on: a category row set across `categoryTo`
 * columns, each indicator line written by `indicator`, the laid-out heights and the page breaks of
 * keep-with-next.ts (a break before line i is written on the row above it: OOXML breaks after a
 * row). Returns each row's indicator id (null for a category: the workbook map's rows) and the
 * first row after the data.
 */
export function writeLineRows<L extends { type: 'indicator'; ind: RowIndicator }>(
  book: Book,
  ws: Worksheet,
  rows: {
    lines: readonly (CategoryLine | L)[];
    firstRow: number;
    heights: readonly number[];
    breakBefore: ReadonlySet<number>;
    categoryTo: number;
  },
  indicator: (row: Row, line: L) => void,
): { ids: (string | null)[]; nextRow: number } {
  let r = rows.firstRow;
  const ids: (string | null)[] = [];
  for (const [i, line] of rows.lines.entries()) {
    if (rows.breakBefore.has(i + 1)) ws.getRow(r).addPageBreak();
    const row = ws.getRow(r++);
    if (line.type === 'category') {
      ids.push(null);
      row.getCell(1).value = line.name;
      styleRange(row, 1, rows.categoryTo, S.group);
    } else {
      ids.push(line.ind.id);
      indicator(row, line);
    }
    row.height = rows.heights[i]!;
    book.commitRow(row);
  }
  return { ids, nextRow: r };
}
