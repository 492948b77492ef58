// The `table` layout: one park, indicators by category, one column per period and the 同比 of the
// last one. Hidden at the right: the qualifier of each period that has one, so the sheet reads back
// without parsing number formats. Which indicator each row is goes to the hidden map, not a cell.

import type { ColumnMeta, SheetMap } from './workbook-meta.ts';
import type { Book } from './book.ts';
import { displayWidth, mergedText, nameText, nameWidth, LINE_HEIGHT, proseHeight, rowHeight, writeGrowth, writeIndicatorLabels, writeShown, writeLineRows } from './cells.ts';
import { breaksBefore } from './keep-with-next.ts';
import type { ShownValue, TableLine, TableSheet } from './model.ts';
import { printGeometry, sheetOptions } from './page.ts';
import { S } from './styles.ts';

export const HEADER_ROW = 3;
const NOTHING_SHOWN: ShownValue = { number: null, text: null, qualifier: null, ownDecimals: null, note: null };
export const FIRST_DATA_ROW = HEADER_ROW + 1;
const TITLE_HEIGHT = 30;
const SUBTITLE_HEIGHT = 18;
const HEADER_HEIGHT = 30;

/** `chartRows`: the rows a chart drawn under the note takes (table-chart.ts), kept whole on one page. */
export function renderTable(book: Book, t: TableSheet, opts: { chartRows?: number } = {}): SheetMap {
  const P = t.periods.length;
  const growthCol = 4 + P;
  const lines = t.lines.filter((l): l is TableLine => l.type === 'indicator');
  // 改革前 (35→5 个工作日) only in a table that has such a pair, last as in the grid: most have none.
  const baselineCol = lines.some((l) => l.baseline) ? growthCol + 1 : null;
  const lastVisible = baselineCol ?? growthCol;
  // Qualifier columns only for periods that have a qualified figure: most have none.
  const qualified = t.periods.map((_, p) => lines.some((l) => l.cells[p]!.qualifier !== null));
  const qualCols = new Map<number, number>();
  let next = lastVisible + 1;
  qualified.forEach((q, p) => {
    if (q) qualCols.set(p, next++);
  });

  const points = lines.some((l) => l.growth?.points);
  const nameCol = nameWidth(lines.map((l) => l.ind));
  const widths = [
    { width: nameCol },
    { width: 8 },
    { width: Math.max(10, ...lines.map((l) => displayWidth(l.ind.unit) + 2)) },
    ...t.periods.map((p) => ({ width: Math.max(12, displayWidth(p.label) + 3) })),
    { width: points ? 15 : 12 },
    ...(baselineCol ? [{ width: 8 }] : []),
    ...[...qualCols.keys()].map(() => ({ width: 8, hidden: true })),
  ];
  const printedWidths = widths.filter((c) => !('hidden' in c)).map((c) => c.width);
  const printed = printedWidths.reduce((w, c) => w + c, 0);
  const print = { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, widthChars: printed };
  const ws = book.addSheet(t.name, sheetOptions({ ...print, frozenRows: HEADER_ROW, frozenColumns: 1, outline: true }));
  ws.columns = widths;

  const kindWord = t.kind === 'target' ? '目标数' : '实际数';
  const span = P > 1 ? `${t.periods[0]!.label}—${t.periods[P - 1]!.label}` : t.periods[0]!.label;
  mergedText(ws, ws.getRow(1), lastVisible, `${t.park.name}主要指标`, S.title, TITLE_HEIGHT);
  mergedText(ws, ws.getRow(2), lastVisible, `${span}\u3000${kindWord}`, S.subtitle, SUBTITLE_HEIGHT);
  const header = ws.getRow(HEADER_ROW);
  header.height = HEADER_HEIGHT;
  ['指标名称', '代码', '计量单位', ...t.periods.map((p) => p.label), '同比增长(%)', ...(baselineCol ? ['改革前'] : [])].forEach((text, i) => {
    const c = header.getCell(i + 1);
    c.value = text;
    c.style = S.header;
  });
  for (const [p, col] of qualCols) header.getCell(col).value = `qualifier_${t.periods[p]!.key}`;
  for (const r of [1, 2, HEADER_ROW]) book.commitRow(ws.getRow(r));

  const note =
    `注：1. 同比增长为${t.growthLabel}比上年同期；斜体为按上年同期数计算，其余为填报数。` +
    `2. 比重、贡献率等百分比指标的同比为增减的百分点。3. 带“近”“余”“以上”等字样的为约数。` +
    (baselineCol ? `4. 改革前为审批时限等压缩前的数值，与${t.growthLabel}数对照。` : '');
  const noteHeight = proseHeight(note, printed);
  const chartRows = opts.chartRows ?? 0;

  // Every row gets its height written, so that the pages laid out here are the printed ones. Under
  // the data a blank row, the note and, with a chart, a blank row and the chart as one block: a
  // chart that does not fit under the note starts the next page rather than being cut.
  const heights = t.lines.map((l) => (l.type === 'category' ? LINE_HEIGHT : rowHeight([[nameText(l.ind), nameCol - 2 * (l.ind.depth + 1)]])));
  const below = [LINE_HEIGHT, noteHeight, ...(chartRows > 0 ? [LINE_HEIGHT, chartRows * LINE_HEIGHT] : [])];
  const breakBefore = breaksBefore(
    { ...printGeometry(print), columnWidths: printedWidths, firstPageRows: [TITLE_HEIGHT, SUBTITLE_HEIGHT], repeatedRows: [HEADER_HEIGHT] },
    [...t.lines, ...below.map(() => ({ type: 'below' }))],
    [...heights, ...below],
  );

  const { ids, nextRow: r } = writeLineRows(book, ws, { lines: t.lines, firstRow: FIRST_DATA_ROW, heights, breakBefore, categoryTo: lastVisible }, (row, line) => {
    writeIndicatorLabels(row, line.ind, nameCol);
    line.cells.forEach((v, p) => writeShown(row.getCell(4 + p), v, line.ind.decimals));
    writeGrowth(row.getCell(growthCol), line.growth);
    if (baselineCol) writeShown(row.getCell(baselineCol), line.baseline ?? NOTHING_SHOWN, line.ind.decimals);
    for (const [p, col] of qualCols) if (line.cells[p]!.qualifier) row.getCell(col).value = line.cells[p]!.qualifier;
  });
  const lastDataRow = Math.max(FIRST_DATA_ROW, r - 1);

  // The rows below the data: line n of `below` is the sheet's row r + n, its break on the row above.
  below.forEach((height, n) => {
    if (n > 0 && breakBefore.has(t.lines.length + n)) ws.getRow(r + n - 1).addPageBreak();
  });
  const blank = ws.getRow(r);
  blank.height = LINE_HEIGHT;
  book.commitRow(blank);
  const noteRow = ws.getRow(r + 1);
  mergedText(ws, noteRow, lastVisible, note, S.prose, noteHeight);
  book.commitRow(noteRow);
  // The chart's rows (a blank one, then those it is drawn over) at the height it was laid out with.
  for (let k = 0; k <= chartRows && chartRows > 0; k++) {
    const row = ws.getRow(r + 2 + k);
    row.height = LINE_HEIGHT;
    book.commitRow(row);
  }
  book.commitSheet(ws);

  const columns: ColumnMeta[] = t.periods.map((p, i) => ({ column: 4 + i, field: 'value', periodId: p.id, periodKey: p.key }));
  for (const [p, col] of qualCols) columns.push({ column: col, field: 'qualifier', periodId: t.periods[p]!.id, periodKey: t.periods[p]!.key });
  return {
    sheet: ws.name,
    parkId: t.park.id,
    parkName: t.park.name,
    kind: t.kind,
    codeColumn: 2,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    columns,
    ids,
  };
}
