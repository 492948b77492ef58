// The `fill` layout: a template a colleague fills in offline and sends back for import. Prefilled
// with what the store holds, in each figure's own unit. Structure is locked and the sheet protected
// without a password (against slips, not against a user who means to change it); the input cells
// are white, unlocked and validated: numbers (whole, non-negative where the indicator says so), a
// qualifier and a unit from dropdowns, a growth rate, a note.

import type { DataValidation } from 'exceljs';
import { FIGURE_LIMIT_DIGITS } from '../../../shared/figure/exact.ts';
import type { ColumnMeta, SheetMap } from './workbook-meta.ts';
import type { Book } from './book.ts';
import { mergedText, nameText, nameWidth, LINE_HEIGHT, proseHeight, rowHeight, writeLineRows } from './cells.ts';
import type { FillLine, FillSheet } from './model.ts';
import { printGeometry, sheetOptions } from './page.ts';
import { breaksBefore } from './keep-with-next.ts';
import { figureFormat, fillStyle, nameStyle, S } from './styles.ts';

/** The template's columns; 改革前 (before 备注, as in the grid) only in a template that has one. */
function fillColumns(baseline: boolean) {
  const b = baseline ? 1 : 0;
  return { name: 1, code: 2, unit: 3, qualifier: 4, value: 5, previous: 6, growth: 7, baseline: baseline ? 8 : null, source: 8 + b } as const;
}
const INSTRUCTIONS_ROW = 2;
const HEADER_ROW = 3;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const TITLE_HEIGHT = 30;
const HEADER_HEIGHT = 30;
/** The figure's bounds (shared/figure/exact.ts): below 10^15 in any unit; a note is at most 500 characters. */
const MAX_ABS = 10 ** FIGURE_LIMIT_DIGITS - 1;
const SOURCE_MAX = 500;

export const FILL_INSTRUCTIONS = [
  '填写说明：',
  '1. 只在白色单元格中填写：计量单位、限定词、本期数值、同比增长(%)、改革前（有此列时）、备注/来源；灰色单元格（指标名称、代码、上年同期）已锁定。',
  '2. 本期数值只填数字，不带单位和文字；单位不同时在“计量单位”下拉列表中改选（如万元、亿元），约数在“限定词”中选择（近、余、以上等）。',
  '3. 同比增长(%)只填公布的增速：增长8.5%填 8.5，下降3.2%填 -3.2，不加“%”；比重等百分比指标填增减的百分点。不填时由系统按上年同期数计算。',
  '4. 改革前只填审批时限等压缩前的数值，单位同本行“计量单位”（如由35个工作日缩短为5个工作日：本期数值填 5，改革前填 35）。已填的数是园区简报库中现有的数据，请核对后修改或补充。',
  '5. 请勿增删行列、调整行的顺序或修改工作表名称：文件中隐藏的映射表按行记录各行是哪项指标，用于导回园区简报。工作表已保护（无密码），仅为防止误改。填好后在园区简报中“导入”本文件。',
].join('\n');

export async function renderFill(book: Book, t: FillSheet): Promise<SheetMap> {
  const lines = t.lines.filter((l): l is FillLine => l.type === 'indicator');
  const C = fillColumns(t.baseline);
  const VISIBLE = C.source;
  const widths = [nameWidth(lines.map((l) => l.ind)), 8, 10, 8, 14, 14, 12, ...(C.baseline ? [10] : []), 40];
  const print = { titleRows: `${HEADER_ROW}:${HEADER_ROW}`, widthChars: widths.reduce((a, b) => a + b, 0) };
  const ws = book.addSheet(t.name, sheetOptions({ ...print, frozenRows: HEADER_ROW, frozenColumns: 1, outline: true }));
  ws.columns = widths.map((width) => ({ width }));

  const kindWord = t.kind === 'target' ? '目标数' : '实际数';
  mergedText(ws, ws.getRow(1), VISIBLE, `${t.park.name}${t.period.label}指标填报表（${kindWord}）`, S.title, TITLE_HEIGHT);
  const total = widths.reduce((a, b) => a + b, 0);
  mergedText(ws, ws.getRow(INSTRUCTIONS_ROW), VISIBLE, FILL_INSTRUCTIONS, S.prose, proseHeight(FILL_INSTRUCTIONS, total));

  const header = ws.getRow(HEADER_ROW);
  header.height = HEADER_HEIGHT;
  ['指标名称', '代码', '计量单位', '限定词', '本期数值', `上年同期\n（${t.previousLabel}）`, '同比增长(%)', ...(C.baseline ? ['改革前'] : []), '备注/来源'].forEach((text, i) => {
    header.getCell(i + 1).value = text;
    header.getCell(i + 1).style = S.header;
  });
  for (const r of [1, INSTRUCTIONS_ROW, HEADER_ROW]) book.commitRow(ws.getRow(r));

  const qualifierList = book.listFormula(t.qualifiers);
  // Every data row's height is written, and the pages laid out from them (keep-with-next.ts).
  const heights = t.lines.map((l) =>
    l.type === 'category' ? LINE_HEIGHT : rowHeight([[nameText(l.ind), widths[0]! - 2 * (l.ind.depth + 1)], [l.source ?? '', widths[C.source - 1]!]]),
  );
  const breakBefore = breaksBefore(
    { ...printGeometry(print), columnWidths: widths, firstPageRows: [TITLE_HEIGHT, proseHeight(FILL_INSTRUCTIONS, total)], repeatedRows: [HEADER_HEIGHT] },
    t.lines,
    heights,
  );
  const { ids, nextRow: r } = writeLineRows(book, ws, { lines: t.lines, firstRow: FIRST_DATA_ROW, heights, breakBefore, categoryTo: VISIBLE }, (row, line) => {
    const { ind } = line;
    row.outlineLevel = 1;
    row.getCell(C.name).value = nameText(ind);
    row.getCell(C.name).style = nameStyle(ind.depth, true);
    row.getCell(C.code).value = ind.code;
    row.getCell(C.code).style = fillStyle('lockedCenter');

    const unit = row.getCell(C.unit);
    unit.value = line.unit;
    unit.style = fillStyle('inputCenter');
    unit.dataValidation = list(book.listFormula(line.units), '计量单位', `${ind.name}的计量单位请从下拉列表中选择：${line.units.join('、')}。`);

    const qualifier = row.getCell(C.qualifier);
    if (line.qualifier) qualifier.value = line.qualifier;
    qualifier.style = fillStyle('inputCenter');
    qualifier.dataValidation = list(qualifierList, '限定词', `限定词请从下拉列表中选择（${t.qualifiers.join('、')}），精确数留空。`);

    const value = row.getCell(C.value);
    if (line.value !== null) value.value = line.value;
    value.style = fillStyle('input');
    value.dataValidation = valueRule(line);

    const prev = row.getCell(C.previous);
    if (line.previous.number !== null) {
      prev.value = line.previous.number;
      prev.style = fillStyle('locked', figureFormat(ind.decimals, line.previous.qualifier));
    } else {
      if (line.previous.text !== null) prev.value = line.previous.text;
      prev.style = fillStyle('locked');
    }
    if (line.previous.note) prev.note = line.previous.note;

    const growth = row.getCell(C.growth);
    if (line.growth !== null) growth.value = line.growth;
    growth.style = fillStyle('input');
    growth.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [-1_000_000, 1_000_000],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '同比增长无效',
      error: '同比增长请填数字：增长8.5%填 8.5，下降3.2%填 -3.2，不加“%”。',
    };

    if (C.baseline) {
      const baseline = row.getCell(C.baseline);
      if (line.baseline !== null) baseline.value = line.baseline;
      baseline.style = fillStyle('input');
      baseline.dataValidation = { ...valueRule(line), errorTitle: '改革前无效', error: `${line.ind.name}的改革前应填数字，单位同本行计量单位，不带文字。` };
    }

    const source = row.getCell(C.source);
    if (line.source) source.value = line.source;
    source.style = fillStyle('inputText');
    source.dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      allowBlank: true,
      formulae: [SOURCE_MAX],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '备注过长',
      error: `备注/来源不能超过 ${SOURCE_MAX} 个字。`,
    };
  });
  const lastDataRow = Math.max(FIRST_DATA_ROW, r - 1);

  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  book.commitSheet(ws);

  const at = { periodId: t.period.id, periodKey: t.period.key };
  const columns: ColumnMeta[] = [
    { column: C.unit, field: 'unit', ...at },
    { column: C.qualifier, field: 'qualifier', ...at },
    { column: C.value, field: 'value', ...at },
    { column: C.growth, field: 'growth', ...at },
    { column: C.source, field: 'source', ...at },
  ];
  if (C.baseline) columns.push({ column: C.baseline, field: 'baseline', ...at });
  return {
    sheet: ws.name,
    parkId: t.park.id,
    parkName: t.park.name,
    ...at,
    kind: t.kind,
    codeColumn: C.code,
    firstDataRow: FIRST_DATA_ROW,
    lastDataRow,
    columns,
    ids,
  };
}

function list(formula: string, title: string, error: string): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'stop', errorTitle: `${title}无效`, error };
}

function valueRule(line: FillLine): DataValidation {
  const lo = line.nonNegative ? 0 : -MAX_ABS;
  const what = line.integerOnly ? (line.nonNegative ? '不小于0的整数' : '整数') : line.nonNegative ? '不小于0的数字' : '数字';
  return {
    type: line.integerOnly ? 'whole' : 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [lo, MAX_ABS],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '本期数值无效',
    error: `${line.ind.name}应填${what}，不带单位和文字；约数请在“限定词”列选择。`,
  };
}
