// The `compare` layout: one period, parks side by side. Each park has a 数值 and a 位次 column under
// its merged name, so a reader finds a park's place next to its figure; 合计 comes first, as in a
// statistical table. Pages run across with the indicator columns repeated on each.

import type { ColumnMeta, SheetMap } from './workbook-meta.ts';
import type { Book } from './book.ts';
import { displayWidth, LINE_HEIGHT, mergedText, nameText, nameWidth, proseHeight, rowHeight, writeIndicatorLabels, writeShown, writeLineRows } from './cells.ts';
import { breaksBefore } from './keep-with-next.ts';
import type { CompareLine, CompareSheet } from './model.ts';
import { printGeometry, sheetOptions } from './page.ts';
import { figureFormat, numberStyle, S } from './styles.ts';

const TOP = 3;
const SUB = 4;
const FIRST_DATA_ROW = 5;
const TOTAL_COL = 4;
const VALUE_WIDTH = 12;
const RANK_WIDTH = 6;
/** Parks per printed page across; more than this and a page would be too small to read. */
const PARKS_PER_PAGE = 6;
const TITLE_HEIGHT = 30;
const SUBTITLE_HEIGHT = 18;
const SUB_HEIGHT = 18;

export function renderCompare(book: Book, t: CompareSheet): SheetMap {
  const N = t.parks.length;
  const valueCol = (p: number) => TOTAL_COL + 1 + 2 * p;
  const lastVisible = TOTAL_COL + 2 * N;
  const lines = t.lines.filter((l): l is CompareLine => l.type === 'indicator');
  const qualCols = new Map<number, number>();
  let next = lastVisible + 1;
  t.parks.forEach((_, p) => {
    if (lines.some((l) => l.cells[p]!.qualifier !== null)) qualCols.set(p, next++);
  });

  const pagesWide = Math.max(1, Math.ceil(N / PARKS_PER_PAGE));
  // Over several pages across, where the page breaks fall is the printer's choice: the note then
  // stays within the indicator columns, which every page across repeats whole.
  const firstPage = pagesWide === 1 ? lastVisible : 3;
  const nameCol = nameWidth(lines.map((l) => l.ind));
  const labelWidths = [nameCol, 8, Math.max(10, ...lines.map((l) => displayWidth(l.ind.unit) + 2))];
  const printedWidths = [...labelWidths, 14, ...t.parks.flatMap(() => [VALUE_WIDTH, RANK_WIDTH])];
  // Upright when the parks fit A4's width, as the other tables (page.ts).
  const print = { titleRows: `${TOP}:${SUB}`, titleColumns: 'A:C', pagesWide, widthChars: printedWidths.reduce((a, b) => a + b, 0) };
  const ws = book.addSheet(t.name, sheetOptions({ ...print, frozenRows: SUB, frozenColumns: 3, outline: true }));
  ws.columns = [...printedWidths.map((width) => ({ width })), ...[...qualCols.keys()].map(() => ({ width: 8, hidden: true }))];

  const kindWord = t.kind === 'target' ? '目标数' : '实际数';
  const [title, subtitle] = pagesWide === 1 ? [S.title, S.subtitle] : [S.titleLeft, S.left];
  mergedText(ws, ws.getRow(1), pagesWide === 1 ? lastVisible : 1, `${t.period.label}各园区主要指标对比`, title, TITLE_HEIGHT);
  mergedText(ws, ws.getRow(2), pagesWide === 1 ? lastVisible : 1, `${kindWord}\u3000${t.part ?? `共${N}个园区`}`, subtitle, SUBTITLE_HEIGHT);
  const top = ws.getRow(TOP);
  const sub = ws.getRow(SUB);
  const nameLines = Math.max(1, ...t.parks.map((p) => Math.ceil(displayWidth(p.name) / (VALUE_WIDTH + RANK_WIDTH - 2))));
  top.height = Math.max(20, 14 * nameLines + 6);
  sub.height = SUB_HEIGHT;
  ['指标名称', '代码', '计量单位', '合计'].forEach((text, i) => {
    top.getCell(i + 1).value = text;
    top.getCell(i + 1).style = S.header;
    sub.getCell(i + 1).style = S.header;
    ws.mergeCells(TOP, i + 1, SUB, i + 1);
  });
  t.parks.forEach((park, p) => {
    const c = valueCol(p);
    top.getCell(c).value = park.name;
    top.getCell(c).style = S.header;
    top.getCell(c + 1).style = S.header;
    ws.mergeCells(TOP, c, TOP, c + 1);
    sub.getCell(c).value = '数值';
    sub.getCell(c).style = S.header;
    sub.getCell(c + 1).value = '位次';
    sub.getCell(c + 1).style = S.header;
  });
  for (const [p, col] of qualCols) sub.getCell(col).value = `qualifier_${p + 1}`;
  for (const r of [1, 2, TOP, SUB]) book.commitRow(ws.getRow(r));

  // A category or the column header is never left at a page's foot without rows under it; the
  // breaks hold for every page across.
  const heights = t.lines.map((l) => (l.type === 'category' ? LINE_HEIGHT : rowHeight([[nameText(l.ind), nameCol - 2 * (l.ind.depth + 1)]])));
  const breakBefore = breaksBefore(
    {
      ...printGeometry(print),
      columnWidths: printedWidths,
      pagesWide,
      repeatedColumns: labelWidths,
      firstPageRows: [TITLE_HEIGHT, SUBTITLE_HEIGHT],
      repeatedRows: [top.height, SUB_HEIGHT],
    },
    t.lines,
    heights,
  );

  const { ids, nextRow: r } = writeLineRows(book, ws, { lines: t.lines, firstRow: FIRST_DATA_ROW, heights, breakBefore, categoryTo: lastVisible }, (row, line) => {
    writeIndicatorLabels(row, line.ind, nameCol);
    const total = row.getCell(TOTAL_COL);
    total.style = line.total?.number != null ? numberStyle(figureFormat(line.ind.decimals, null), { bold: true }) : line.total?.incomplete ? S.textFigure : S.empty;
    if (line.total?.number != null) total.value = line.total.number;
    else if (line.total?.incomplete) total.value = '不完整';
    if (line.total?.note) total.note = line.total.note;
    line.cells.forEach((v, p) => {
      writeShown(row.getCell(valueCol(p)), v, line.ind.decimals);
      const rank = row.getCell(valueCol(p) + 1);
      rank.style = S.code;
      if (line.ranks[p] != null) rank.value = line.ranks[p];
    });
    for (const [p, col] of qualCols) if (line.cells[p]!.qualifier) row.getCell(col).value = line.cells[p]!.qualifier;
  });
  const lastDataRow = Math.max(FIRST_DATA_ROW, r - 1);

  const note =
    '注：1. 合计只对金额、面积和个数等可相加的指标给出；含约数或不能换算单位的数时不计合计。' +
    '2. 位次按数值从大到小排列，审批时限等用时指标从短到长；数值相同者位次相同。3. 带“近”“余”“以上”等字样的为约数。';
  const noteRow = ws.getRow(r + 1);
  const noteWidth = (ws.columns ?? []).slice(0, firstPage).reduce((w, c) => w + (c.width ?? 10), 0);
  mergedText(ws, noteRow, firstPage, note, S.prose, proseHeight(note, noteWidth));
  book.commitRow(noteRow);
  book.commitSheet(ws);

  const columns: ColumnMeta[] = t.parks.map((park, p) => ({ column: valueCol(p), field: 'value', parkId: park.id, parkName: park.name }));
  for (const [p, col] of qualCols) columns.push({ column: col, field: 'qualifier', parkId: t.parks[p]!.id, parkName: t.parks[p]!.name });
  return {
    sheet: ws.name,
    periodId: t.period.id,
    periodKey: t.period.key,
    kind: t.kind,
    codeColumn: 2,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    columns,
    ids,
  };
}
