// The `form` layout: a statistical form (统计报表, DOMAIN.md) — the title beside the block of 表号,
// 制表机关, 批准（备案）机关, 文号 and 有效期至 at the top right; 填报单位（盖章）, 报告期 and 计量单位
// above the table; the 甲乙丙/1 2 3 column-number row; the signature block below.

import type { ColumnMeta, SheetMap } from './workbook-meta.ts';
import type { Book } from './book.ts';
import { LINE_HEIGHT, nameText, nameWidth, proseHeight, rowHeight, styleRange, writeGrowth, writeIndicatorLabels, writeShown, writeLineRows } from './cells.ts';
import { breaksBefore } from './keep-with-next.ts';
import type { FormLine, FormSheet } from './model.ts';
import { printGeometry, sheetOptions } from './page.ts';
import { S } from './styles.ts';

const COLS = 6;
const BLOCK_ROWS = 5;
const INFO_ROW = BLOCK_ROWS + 1;
const HEADER_ROW = INFO_ROW + 1;
const NUMBER_ROW = HEADER_ROW + 1;
const FIRST_DATA_ROW = NUMBER_ROW + 1;
const QUAL_COL = COLS + 1;
const BLOCK_HEIGHT = 18;
const INFO_HEIGHT = 20;
const HEADER_HEIGHT = 30;

export function renderForm(book: Book, t: FormSheet): SheetMap {
  const lines = t.lines.filter((l): l is FormLine => l.type === 'indicator');
  const nameCol = Math.max(34, nameWidth(lines.map((l) => l.ind)));
  const visible = [nameCol, 8, 10, 14, 14, 15];
  const widthChars = visible.reduce((a, b) => a + b, 0);
  const print = { titleRows: `${HEADER_ROW}:${NUMBER_ROW}`, widthChars };
  const ws = book.addSheet(t.name, sheetOptions({ ...print, frozenRows: NUMBER_ROW, frozenColumns: 1, outline: true }));
  ws.columns = [...visible.map((width) => ({ width })), { width: 8, hidden: true }];

  // Title in A1:C5, the approval block in D1:F1 … D5:F5.
  const f = t.frame;
  const block: [string, string][] = [
    ['表　　号', f.tableNo],
    ['制表机关', f.authority],
    ['批准（备案）机关', f.approvedBy],
    ['文　　号', f.docNo],
    ['有效期至', f.validUntil],
  ];
  // Every row above the table has its height written, as the data rows below: the pages are laid
  // out from them (keep-with-next.ts).
  for (let r = 1; r <= BLOCK_ROWS; r++) ws.getRow(r).height = BLOCK_HEIGHT;
  // A label left blank is not printed (the dialog says so): the filled ones close up from the top.
  block
    .filter(([, value]) => value.trim() !== '')
    .forEach(([label, value], i) => {
      const c = ws.getRow(i + 1).getCell(4);
      c.value = `${label}：${value}`;
      c.style = S.left;
      ws.mergeCells(i + 1, 4, i + 1, COLS);
    });
  const title = ws.getCell(1, 1);
  title.value = f.title;
  title.style = S.title;
  ws.mergeCells(1, 1, BLOCK_ROWS, 3);

  const info = ws.getRow(INFO_ROW);
  info.height = INFO_HEIGHT;
  const kindWord = t.kind === 'target' ? '（目标）' : '';
  info.getCell(1).value = `填报单位（盖章）：${t.park.name}`;
  info.getCell(2).value = `报告期：${t.period.label}${kindWord}`;
  info.getCell(4).value = '计量单位：见各行';
  styleRange(info, 1, COLS, S.left);
  ws.mergeCells(INFO_ROW, 2, INFO_ROW, 3);
  ws.mergeCells(INFO_ROW, 4, INFO_ROW, COLS);

  const header = ws.getRow(HEADER_ROW);
  header.height = HEADER_HEIGHT;
  ['指标名称', '代码', '计量单位', '本期', '上年同期', '同比增长(%)'].forEach((text, i) => {
    header.getCell(i + 1).value = text;
    header.getCell(i + 1).style = S.header;
  });
  header.getCell(QUAL_COL).value = 'qualifier';
  const numbers = ws.getRow(NUMBER_ROW);
  numbers.height = LINE_HEIGHT;
  ['甲', '乙', '丙', 1, 2, 3].forEach((text, i) => {
    numbers.getCell(i + 1).value = text;
    numbers.getCell(i + 1).style = S.header;
  });
  for (let r = 1; r <= NUMBER_ROW; r++) book.commitRow(ws.getRow(r));

  // A category or the column header is never left at a page's foot without rows under it.
  const heights = t.lines.map((l) => (l.type === 'category' ? LINE_HEIGHT : rowHeight([[nameText(l.ind), nameCol - 2 * (l.ind.depth + 1)]])));
  const breakBefore = breaksBefore(
    {
      ...printGeometry(print),
      columnWidths: visible,
      firstPageRows: [...Array.from({ length: BLOCK_ROWS }, () => BLOCK_HEIGHT), INFO_HEIGHT],
      repeatedRows: [HEADER_HEIGHT, LINE_HEIGHT],
    },
    t.lines,
    heights,
  );

  let qualified = false;
  const { ids, nextRow: r } = writeLineRows(book, ws, { lines: t.lines, firstRow: FIRST_DATA_ROW, heights, breakBefore, categoryTo: COLS }, (row, line) => {
    writeIndicatorLabels(row, line.ind, nameCol);
    writeShown(row.getCell(4), line.current, line.ind.decimals);
    writeShown(row.getCell(5), line.previous, line.ind.decimals);
    writeGrowth(row.getCell(6), line.growth);
    if (line.current.qualifier) {
      row.getCell(QUAL_COL).value = line.current.qualifier;
      qualified = true;
    }
  });
  const lastDataRow = Math.max(FIRST_DATA_ROW, r - 1);

  // The signature block right under the table, as printed forms have it, then the 说明.
  const sign1 = ws.getRow(r);
  const sign2 = ws.getRow(r + 1);
  sign1.height = sign2.height = 22;
  // Each item in its place; a blank one is left out like the labels above.
  const places: [typeof sign1, number][] = [
    [sign1, 1],
    [sign1, 2],
    [sign1, 4],
    [sign2, 1],
    [sign2, 4],
  ];
  const signs: [string, string][] = [
    ['单位负责人', f.unitHead],
    ['统计负责人', f.statHead],
    ['填表人', f.preparer],
    ['联系电话', f.phone],
    ['报出日期', f.reportDate],
  ];
  signs.forEach(([label, value], i) => {
    const [row, col] = places[i]!;
    if (value.trim() !== '') row.getCell(col).value = `${label}：${value}`;
  });
  for (const row of [sign1, sign2]) {
    styleRange(row, 1, COLS, S.left);
    ws.mergeCells(row.number, 2, row.number, 3);
    ws.mergeCells(row.number, 4, row.number, COLS);
    book.commitRow(row);
  }

  const width = nameCol + 8 + 10 + 14 + 14 + 15;
  const note = `说明：1. 上年同期为${t.previousLabel}数；同比增长斜体为按上年同期数计算，其余为填报数。2. 百分比指标的同比为增减的百分点。3. 带“近”“余”“以上”等字样的为约数。`;
  const noteRow = ws.getRow(r + 2);
  noteRow.getCell(1).value = note;
  noteRow.getCell(1).style = S.prose;
  noteRow.height = proseHeight(note, width);
  ws.mergeCells(noteRow.number, 1, noteRow.number, COLS);
  book.commitRow(noteRow);
  book.commitSheet(ws);

  const columns: ColumnMeta[] = [{ column: 4, field: 'value', periodId: t.period.id, periodKey: t.period.key }];
  if (qualified) columns.push({ column: QUAL_COL, field: 'qualifier', periodId: t.period.id, periodKey: t.period.key });
  return {
    sheet: ws.name,
    parkId: t.park.id,
    parkName: t.park.name,
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
