// Every template read back with exceljs and compared with the store: each figure by indicator and
// period or park (through the hidden map the importer uses), number formats, frozen panes, print
// setup, the form's frame, the fill template's protection and validation.

import { PORTRAIT_MAX_CHARS } from '../reports/xlsx/page.ts';
import { convertExact } from './shown.ts';
import type { Cell, Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingFile } from '../host.ts';
import { AppError } from '../../shared/errors.ts';
import { conversionRatio } from '../../shared/figure/units.ts';
import { listIndicators, insertIndicator } from '../catalog/catalog.ts';
import { writeBatch } from '../history/change-log.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { updateSettings } from '../settings/settings.ts';
import type { TempStore } from '../../../test/support/temp-store.ts';
import { writeValuesBulk } from '../values/bulk-write.ts';
import { exportXlsx, type XlsxRequest } from './export-xlsx.ts';
import type { DecodedSheet } from '../reports/xlsx/workbook-meta.ts';
import { CX, KM, xlsxStore } from '../../../test/support/xlsx-fixture.ts';
import { keyedRows, readBack, storeFigures, type StoreFigure } from '../../../test/support/xlsx-readback.ts';

let s: TempStore;
beforeAll(() => {
  s = xlsxStore();
});
afterAll(() => s.dispose());

const ids = (park: string, period: string) => s.ids(park, period);
const periodId = (key: string) => ids(CX, key).periodId;
const parkId = (name: string) => ids(name, '2022').parkId;
const ind = (name: string) => s.indicatorId(name);

async function exported(req: Omit<XlsxRequest, 'parkId' | 'periodId'> & { park?: string; period: string }) {
  const { park = CX, period, ...rest } = req;
  const file = await exportXlsx(s.ctx, { ...ids(park, period), ...rest } as XlsxRequest);
  const back = await readBack(file.bytes);
  const ws = back.wb.getWorksheet(back.sheets[0]!.sheet)!;
  return { file, ...back, ws, m: back.sheets[0]! };
}

/** The row of an indicator, found through the hidden key column. */
function rowOf(ws: Worksheet, m: DecodedSheet, indicatorId: string): number {
  for (const [r, id] of keyedRows(ws, m)) if (id === indicatorId) return r;
  throw new Error(`no row for ${indicatorId}`);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * No cell of a data sheet, hidden column or not, holds an id: copying a block of rows or Excel's
 * search would pick it up. Which row is which indicator is in the veryHidden map only.
 */
function expectNoIdsInCells(ws: Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => expect(String(c.value), c.address).not.toMatch(UUID)));
}

function findFigure(figs: StoreFigure[], park: string, period: string, indicatorId: string): StoreFigure | undefined {
  return figs.find((f) => f.parkId === park && f.periodId === period && f.indicatorId === indicatorId);
}

/** A cell against the store's figure, converted into the row's unit independently of the exporter. */
function expectFigure(cell: Cell, fig: StoreFigure | undefined): void {
  if (!fig || fig.value === null) {
    expect(cell.value ?? null, cell.address).toBeNull();
    return;
  }
  const ratio = conversionRatio(fig.unit, fig.indicatorUnit);
  if (ratio === null) {
    expect(cell.value, cell.address).toEqual(expect.stringContaining(fig.value));
    expect(cell.value, cell.address).toEqual(expect.stringContaining(fig.unit));
    return;
  }
  expect(typeof cell.value, cell.address).toBe('number');
  expect(cell.value as number, cell.address).toBeCloseTo((Number(fig.value) * Number(ratio.num)) / Number(ratio.den), 9);
  if (fig.qualifier) expect(cell.numFmt, cell.address).toContain(`"${fig.qualifier}"`);
  // An approximate figure shows the decimals it was given in the row's unit, an exact one the row's.
  const exact = convertExact(fig.value, fig.unit, fig.indicatorUnit)!;
  const decimals = fig.qualifier ? (exact.includes('.') ? exact.length - exact.indexOf('.') - 1 : 0) : fig.decimals;
  const places = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  expect(cell.numFmt.replace(/"[^"]*"/g, ''), cell.address).toBe(`${places}_ `);
}

/** Upright for a table narrow enough (PORTRAIT_MAX_CHARS of printed columns), landscape otherwise. */
function expectPrintSetup(ws: Worksheet, titleRows: string, orientation: 'portrait' | 'landscape') {
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation, fitToPage: true, fitToHeight: 0, printTitlesRow: titleRows });
  const printed = (ws.columns ?? []).filter((c) => !c.hidden).reduce((w, c) => w + (c.width ?? 10), 0);
  if (orientation === 'portrait') expect(printed).toBeLessThanOrEqual(PORTRAIT_MAX_CHARS);
  expect(ws.pageSetup.fitToWidth).toBeGreaterThanOrEqual(1);
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
}

describe('table', () => {
  it('maps every figure of the park to its row and period column, in the row unit, with the store-wide map', async () => {
    const { ws, m, meta, wb, file } = await exported({ template: 'table', period: '2022' });
    expect(file.fileName).toBe('楚雄高新区-2022-指标表.xlsx');
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['楚雄高新区', 'visible'],
      ['_parkbrief', 'veryHidden'],
    ]);
    expect(meta).toMatchObject({ app: 'ParkBrief', layout: 2, template: 'table' });
    expect(meta.storeId).toBe(s.ctx.db.prepare("SELECT value FROM meta WHERE key = 'store_id'").pluck().get());
    expect(m).toMatchObject({ sheet: '楚雄高新区', parkId: parkId(CX), parkName: CX, kind: 'actual', codeColumn: 2, firstDataRow: 4 });

    // Default columns: 2022 and the earlier years 楚雄 has figures for (not 2017/2018, only 昆明's).
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(3, c).value)).toEqual(['指标名称', '代码', '计量单位', '2020年', '2021年', '2022年', '同比增长(%)']);
    const values = m.columns.filter((c) => c.field === 'value');
    expect(values.map((c) => [c.column, c.periodKey, c.periodId])).toEqual([
      [4, '2020', periodId('2020')],
      [5, '2021', periodId('2021')],
      [6, '2022', periodId('2022')],
    ]);
    // Never the reference columns.
    expect(m.columns.map((c) => c.column)).not.toContain(7);

    const figs = storeFigures(s.ctx).filter((f) => f.parkId === parkId(CX));
    const rows = keyedRows(ws, m);
    const codes = new Map(listIndicators(s.ctx.db).map((i) => [i.id, i.code]));
    for (const [r, id] of rows) {
      expect(ws.getCell(r, 2).value).toBe(codes.get(id));
      for (const c of values) expectFigure(ws.getCell(r, c.column), findFigure(figs, parkId(CX), c.periodId!, id));
    }
    // Nothing the store holds for these periods is missing from the sheet.
    const shown = new Set(rows.values());
    for (const f of figs.filter((f) => values.some((c) => c.periodId === f.periodId) && f.value !== null)) expect(shown.has(f.indicatorId), f.code).toBe(true);

    // Qualifiers also in a hidden column per period that has one, for the importer.
    const q = m.columns.filter((c) => c.field === 'qualifier');
    expect(q.map((c) => c.periodKey)).toEqual(['2022']);
    expect(ws.getColumn(q[0]!.column).hidden).toBe(true);
    for (const [r, id] of rows) expect(ws.getCell(r, q[0]!.column).value ?? null).toBe(findFigure(figs, parkId(CX), periodId('2022'), id)?.qualifier ?? null);
    expectNoIdsInCells(ws);
  });

  it('gives an approximate figure no decimals it was not given (突破2000, not 突破2000.00), an exact one the row’s', async () => {
    const { ws, m } = await exported({ template: 'table', park: '昆明高新区', period: '2017' });
    const cell = ws.getCell(rowOf(ws, m, ind('园区总收入')), m.columns.find((c) => c.field === 'value' && c.periodKey === '2017')!.column);
    expect(cell).toMatchObject({ value: 2000, numFmt: '"突破"0_ ' });
  });

  it('shows units, qualifiers, growth and the 其中 rows as a reader expects', async () => {
    const { ws, m } = await exported({ template: 'table', period: '2022' });
    const at = (name: string, col: number) => ws.getCell(rowOf(ws, m, ind(name)), col);
    expect(at('地区生产总值', 6)).toMatchObject({ value: 333.52, numFmt: '0.00_ ' });
    expect(at('接待客商人数', 6)).toMatchObject({ value: 569, numFmt: '0"余"_ ' });
    // An approximate figure keeps its own decimals: 近60, not 近60.0.
    expect(at('特色产业收入占园区总收入比重', 6)).toMatchObject({ value: 60, numFmt: '"近"0_ ' });
    expect(at('PCT国际专利申请量', 6)).toMatchObject({ value: 1, numFmt: '0"以上"_ ' });
    expect(at('技术合同成交额', 5).value).toBe(1.8); // 18000 万元, exactly
    const usd = at('进出口总额', 5);
    expect(usd.value).toBe('2.5亿美元');
    expect(String(usd.note)).toContain('人民币与美元之间不换算');

    // 同比 of 2022: computed (italic) from 2021, reported (upright), in points for a rate.
    expect(at('地区生产总值', 7)).toMatchObject({ value: 11.2, numFmt: '0.0_ ' });
    expect(at('地区生产总值', 7).font.italic).toBe(true);
    expect(at('新材料产业产值', 7).value).toBe(42.5);
    expect(at('新材料产业产值', 7).font.italic).toBeFalsy();
    expect(at('高新技术企业营业收入占园区总收入比重', 7)).toMatchObject({ value: 3.5, numFmt: '0.0"个百分点"_ ' });
    expect(at('特色产业收入占园区总收入比重', 7).value ?? null).toBeNull(); // 近60 gives no growth

    // 出口总额 stands right under 进出口总额 as its "其中：" row, indented one step further.
    const parent = rowOf(ws, m, ind('进出口总额'));
    expect(rowOf(ws, m, ind('出口总额'))).toBe(parent + 1);
    expect(ws.getCell(parent + 1, 1).value).toBe('其中：出口总额');
    expect(ws.getCell(parent + 1, 1).alignment.indent).toBe((ws.getCell(parent, 1).alignment.indent ?? 0) + 1);

    // Category rows: a bold name and no key.
    const cats = [...Array(m.lastDataRow - m.firstDataRow + 1).keys()].map((i) => i + m.firstDataRow).filter((r) => !keyedRows(ws, m).has(r));
    expect(cats.map((r) => ws.getCell(r, 1).value)).toContain('经济总量');
    for (const r of cats) expect(ws.getCell(r, 1).font.bold).toBe(true);
    expect(ws.getRow(parent).outlineLevel).toBe(1);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 1 });
    // Three years, 同比 in points and 改革前: wider than an upright page takes (two years print upright, below).
    expectPrintSetup(ws, '3:3', 'landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.getCell(1, 1).value).toBe('楚雄高新区主要指标');
    expect(ws.getCell(1, 1).isMerged).toBe(true);
  });

  it('shows 改革前 in a column of its own where a row has one, from the newest period that has it, in the row unit', async () => {
    writeValuesBulk(s.ctx, '改革前', [{ ...ids(KM, '2021'), kind: 'actual', indicatorId: ind('园区本级事前审批时间'), value: '20', baseline: '120' }]);
    const { ws, m } = await exported({ template: 'table', period: '2022' });
    const col = 8; // after 同比 (2020, 2021, 2022 in D–F, 同比 G), as the grid puts it after the figures
    expect(ws.getCell(3, col).value).toBe('改革前');
    const row = rowOf(ws, m, ind('一般社会投资项目审批时限'));
    expect([ws.getCell(row, 6).value, ws.getCell(row, col).value]).toEqual([5, 35]);
    expect(ws.getCell(row, col).numFmt).toBe('0_ ');
    expect(ws.getCell(rowOf(ws, m, ind('地区生产总值')), col).value ?? null).toBeNull();
    // Not a figure the importer takes back from a table: only the template's 改革前 is input.
    expect(m.columns.map((c) => c.column)).not.toContain(col);
    expect(String(ws.getCell(m.lastDataRow + 2, 1).value)).toContain('改革前');

    // 昆明's 2022 column has no pair, 2021's has one: it is shown, with a note saying whose it is.
    const km = await exported({ template: 'table', park: KM, period: '2022', periodIds: [periodId('2021'), periodId('2022')] });
    const kmRow = rowOf(km.ws, km.m, ind('园区本级事前审批时间'));
    const kmCol = 7;
    expect(km.ws.getCell(3, kmCol).value).toBe('改革前');
    expect(km.ws.getCell(kmRow, kmCol).value).toBe(120);
    expect(String(km.ws.getCell(kmRow, kmCol).note)).toContain('改革前为2021年所报');

    // No pair anywhere: no column.
    const none = await exported({ template: 'table', park: KM, period: '2022', periodIds: [periodId('2022')] });
    expect(none.ws.getRow(3).values).not.toContain('改革前');
  });

  it('takes the period columns asked for, and refuses a table with nothing in it', async () => {
    const { ws, m } = await exported({ template: 'table', period: '2022', periodIds: [periodId('2022'), periodId('2021')] });
    expect([4, 5].map((c) => ws.getCell(3, c).value)).toEqual(['2021年', '2022年']);
    expect(m.columns.filter((c) => c.field === 'value').map((c) => c.periodKey)).toEqual(['2021', '2022']);
    expectPrintSetup(ws, '3:3', 'portrait');
    await expect(exportXlsx(s.ctx, { template: 'table', ...ids(CX, '2022'), kind: 'target' })).rejects.toMatchObject({ code: 'TABLE_EMPTY' });
  });
});

describe('compare', () => {
  it('puts each park in its own merged value/位次 pair, with totals and ranks where the indicator allows', async () => {
    const { ws, m, meta, file } = await exported({ template: 'compare', period: '2022' });
    expect(file.fileName).toBe('2园区-2022-园区对比.xlsx');
    expect(meta.template).toBe('compare');
    expect(m).toMatchObject({ sheet: '2022年对比', periodId: periodId('2022'), periodKey: '2022', firstDataRow: 5 });
    const values = m.columns.filter((c) => c.field === 'value');
    expect(values.map((c) => [c.column, c.parkId, c.parkName])).toEqual([
      [5, parkId(KM), KM],
      [7, parkId(CX), CX],
    ]);
    for (const c of values) {
      expect(ws.getCell(3, c.column).value).toBe(c.parkName);
      expect(ws.getCell(3, c.column + 1).isMerged).toBe(true);
      expect([ws.getCell(4, c.column).value, ws.getCell(4, c.column + 1).value]).toEqual(['数值', '位次']);
    }
    expect(ws.getCell(3, 4).value).toBe('合计');
    expect(ws.getCell(4, 1).isMerged).toBe(true);

    const figs = storeFigures(s.ctx).filter((f) => f.periodId === periodId('2022'));
    const rows = keyedRows(ws, m);
    for (const [r, id] of rows) for (const c of values) expectFigure(ws.getCell(r, c.column), findFigure(figs, c.parkId!, periodId('2022'), id));
    const shown = new Set(rows.values());
    for (const f of figs.filter((f) => f.value !== null)) expect(shown.has(f.indicatorId), f.code).toBe(true);

    const row = (name: string) => rowOf(ws, m, ind(name));
    const total = (name: string) => ws.getCell(row(name), 4);
    const ranks = (name: string) => [ws.getCell(row(name), 6).value ?? null, ws.getCell(row(name), 8).value ?? null];
    expect(total('地区生产总值').value).toBe(833.52);
    expect(total('新材料产业产值').value).toBe(498.11);
    expect(total('规划面积').value).toBe(134.22); // 84.22 + 5000 公顷
    expect(total('规上企业数').value).toBe(70);
    expect(total('接待客商人数').value ?? null).toBeNull(); // 569余 is approximate
    expect(String(total('接待客商人数').note)).toContain('约数');
    expect(total('进出口总额').value ?? null).toBeNull(); // 亿美元 does not add to 亿元
    expect(String(total('进出口总额').note)).toContain('不能换算');
    expect(total('高新技术企业营业收入占园区总收入比重').value ?? null).toBeNull(); // a rate
    expect(total('一般社会投资项目审批时限').value ?? null).toBeNull(); // a duration
    expect(total('地区生产总值').note).toBeFalsy();
    expect(total('协议投资额').value).toBe('不完整'); // only 楚雄 has it: no total passing for both parks'
    expect(String(total('协议投资额').note)).toBe('1个园区（昆明高新区）无此数，数据不完整，不计合计。');

    expect(ranks('地区生产总值')).toEqual([1, 2]);
    expect(ranks('一般社会投资项目审批时限')).toEqual([1, 2]); // 3 days before 5
    expect(ranks('规上企业数')).toEqual([1, 1]);
    expect(ranks('高新技术企业营业收入占园区总收入比重')).toEqual([2, 1]);
    expect(ranks('进出口总额')).toEqual([null, null]); // one comparable figure only
    expect(ranks('协议投资额')).toEqual([null, null]);

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 3 });
    // Two parks fit A4's width upright; nine print landscape, two pages across (render.libreoffice.test.ts).
    expectPrintSetup(ws, '3:4', 'portrait');
    expect(ws.pageSetup.printTitlesColumn).toBe('A:C');
    expectNoIdsInCells(ws);
  });

  it('compares the parks asked for, in their order', async () => {
    const { m } = await exported({ template: 'compare', period: '2022', parkIds: [parkId(CX)] });
    expect(m.columns.filter((c) => c.field === 'value').map((c) => c.parkName)).toEqual([CX]);
  });
});

describe('form', () => {
  const frame = {
    title: '园区主要经济指标',
    tableNo: '园统1表',
    authority: '楚雄高新区管委会',
    approvedBy: '楚雄州统计局',
    docNo: '楚统字〔2022〕12号',
    validUntil: '2024年12月',
    unitHead: '张三',
    statHead: '李四',
    preparer: '王五',
    phone: '0878-1234567',
    reportDate: '2023年1月15日',
  };

  it('draws the frame in merged cells and lists the whole catalogue with 本期, 上年同期 and 同比', async () => {
    const { ws, m, meta } = await exported({ template: 'form', period: '2022', frame });
    expect(meta.template).toBe('form');
    const merges = ws.model.merges;
    for (const r of ['A1:C5', 'D1:F1', 'D2:F2', 'D3:F3', 'D4:F4', 'D5:F5', 'B6:C6', 'D6:F6']) expect(merges).toContain(r);
    expect(ws.getCell('A1').value).toBe('园区主要经济指标');
    expect([1, 2, 3, 4, 5].map((r) => ws.getCell(r, 4).value)).toEqual([
      '表　　号：园统1表',
      '制表机关：楚雄高新区管委会',
      '批准（备案）机关：楚雄州统计局',
      '文　　号：楚统字〔2022〕12号',
      '有效期至：2024年12月',
    ]);
    expect([ws.getCell('A6').value, ws.getCell('B6').value, ws.getCell('D6').value]).toEqual(['填报单位（盖章）：楚雄高新区', '报告期：2022年', '计量单位：见各行']);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(7, c).value)).toEqual(['指标名称', '代码', '计量单位', '本期', '上年同期', '同比增长(%)']);
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(8, c).value)).toEqual(['甲', '乙', '丙', 1, 2, 3]);

    const rows = keyedRows(ws, m);
    expect(new Set(rows.values())).toEqual(new Set(listIndicators(s.ctx.db).map((i) => i.id)));
    const figs = storeFigures(s.ctx).filter((f) => f.parkId === parkId(CX));
    for (const [r, id] of rows) {
      expectFigure(ws.getCell(r, 4), findFigure(figs, parkId(CX), periodId('2022'), id));
      expectFigure(ws.getCell(r, 5), findFigure(figs, parkId(CX), periodId('2021'), id));
    }
    expect(ws.getCell(rowOf(ws, m, ind('地区生产总值')), 6).value).toBe(11.2);
    expect(m.columns).toEqual([
      { column: 4, field: 'value', periodId: periodId('2022'), periodKey: '2022' },
      { column: 7, field: 'qualifier', periodId: periodId('2022'), periodKey: '2022' },
    ]);
    expectNoIdsInCells(ws);

    const text = (r: number) => [1, 2, 4].map((c) => ws.getCell(r, c).value).join(' ');
    const signRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => String(ws.getCell(r, 1).value).startsWith('单位负责人'))!;
    expect(text(signRow)).toBe('单位负责人：张三 统计负责人：李四 填表人：王五');
    expect(text(signRow + 1)).toBe('联系电话：0878-1234567  报出日期：2023年1月15日');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
    expectPrintSetup(ws, '7:8', 'portrait');
  });

  it('uses the stored default frame when the request brings none, and the request frame over it', async () => {
    updateSettings(s.ctx, { formFrame: { tableNo: '默认表号', authority: '默认机关' } });
    const stored = await exported({ template: 'form', period: '2022' });
    expect(stored.ws.getCell('D1').value).toBe('表　　号：默认表号');
    expect(stored.ws.getCell('A1').value).toBe('楚雄高新区主要指标统计表');
    const sign = [...Array(stored.ws.rowCount).keys()].map((i) => i + 1).find((r) => String(stored.ws.getCell(r, 4).value).startsWith('报出日期'))!;
    expect(stored.ws.getCell(sign, 4).value).toBe('报出日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    const given = await exported({ template: 'form', period: '2022', frame: { tableNo: '园统2表' } });
    expect(given.ws.getCell('D1').value).toBe('表　　号：园统2表');
    // A label left blank is not printed, as the dialog says.
    expect(given.ws.getCell('D2').value ?? null).toBeNull();
    for (let r = 1; r <= given.ws.rowCount; r++) for (let c = 1; c <= 6; c++) expect(String(given.ws.getCell(r, c).value ?? '')).not.toMatch(/：$/);
    updateSettings(s.ctx, { formFrame: {} });
  });

  it('closes the filled frame labels up from the top, the blank ones left out', async () => {
    const { ws } = await exported({ template: 'form', period: '2022', frame: { authority: '楚雄高新区管委会', docNo: '楚统字〔2022〕12号', statHead: '李四' } });
    expect([1, 2, 3, 4, 5].map((r) => ws.getCell(r, 4).value ?? null)).toEqual(['制表机关：楚雄高新区管委会', '文　　号：楚统字〔2022〕12号', null, null, null]);
    // The title keeps its five rows whatever the block holds.
    expect(ws.model.merges).toContain('A1:C5');
    const all = [...Array(ws.rowCount).keys()].flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => String(ws.getCell(r + 1, c).value ?? '')));
    for (const label of ['表　　号', '批准（备案）机关', '有效期至', '单位负责人', '填表人', '联系电话']) expect(all.some((t) => t.includes(label)), label).toBe(false);
    expect(all).toContain('统计负责人：李四');
  });
});

describe('fill', () => {
  it('prefills what the store holds, as stored, in unlocked validated cells of a protected sheet', async () => {
    const { ws, m, meta, wb } = await exported({ template: 'fill', park: KM, period: '2017' });
    expect(meta.template).toBe('fill');
    expect(m).toMatchObject({ parkId: parkId(KM), periodId: ids(KM, '2017').periodId, periodKey: '2017', kind: 'actual', codeColumn: 2 });
    expect(m.columns.map((c) => [c.column, c.field])).toEqual([
      [3, 'unit'],
      [4, 'qualifier'],
      [5, 'value'],
      [7, 'growth'],
      [9, 'source'],
      [8, 'baseline'],
    ]);
    expect(String(ws.getCell('A2').value)).toMatch(/^填写说明：/);
    // 昆明 2017 has before/after pairs (176→28 个工作日): 改革前 before 备注, as in the grid.
    expect([1, 2, 3, 4, 5, 7, 8, 9].map((c) => ws.getCell(3, c).value)).toEqual(['指标名称', '代码', '计量单位', '限定词', '本期数值', '同比增长(%)', '改革前', '备注/来源']);

    // Protected without a password: a user can lift it deliberately.
    const prot = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(prot.sheet).toBe(true);
    expect(prot.hashValue ?? prot.password ?? null).toBeNull();

    const rows = keyedRows(ws, m);
    expect(new Set(rows.values())).toEqual(new Set(listIndicators(s.ctx.db).map((i) => i.id)));
    const figs = storeFigures(s.ctx).filter((f) => f.parkId === parkId(KM) && f.periodId === ids(KM, '2017').periodId);
    const all = listIndicators(s.ctx.db);
    for (const [r, id] of rows) {
      const f = figs.find((x) => x.indicatorId === id);
      const i = all.find((x) => x.id === id)!;
      expect(ws.getCell(r, 3).value).toBe(f?.unit ?? i.unit);
      expect(ws.getCell(r, 4).value ?? null).toBe(f?.qualifier ?? null);
      expect(ws.getCell(r, 5).value ?? null).toBe(f?.value == null ? null : Number(f.value));
      expect(ws.getCell(r, 7).value ?? null).toBe(f?.growth == null ? null : Number(f.growth));
      expect(ws.getCell(r, 8).value ?? null).toBe(f?.baseline == null ? null : Number(f.baseline));
      expect(ws.getCell(r, 9).value ?? null).toBe(f?.source ?? null);
      for (const c of [3, 4, 5, 7, 8, 9]) expect(ws.getCell(r, c).protection?.locked, `${r}:${c}`).toBe(false);
      for (const c of [1, 2, 6]) expect(ws.getCell(r, c).protection?.locked, `${r}:${c}`).not.toBe(false);
      const v = ws.getCell(r, 5).dataValidation;
      expect(v.type).toBe(i.integerOnly ? 'whole' : 'decimal');
      expect(v.formulae?.[0]).toBe(i.nonNegative ? 0 : -999999999999999);
      expect(v).toMatchObject({ showErrorMessage: true, errorStyle: 'stop' });
      expect(v.error).toContain(i.name);
      expect(ws.getCell(r, 4).dataValidation).toMatchObject({ type: 'list', formulae: ['"近,约,左右,余,多,超,逾,突破,以上,不少于"'] });
      expect(ws.getCell(r, 3).dataValidation.type).toBe('list');
    }
    const at = (name: string, c: number) => ws.getCell(rowOf(ws, m, ind(name)), c);
    expect([at('进出口总额', 3).value, at('进出口总额', 5).value]).toEqual(['亿美元', 16.5]);
    expect(at('进出口总额', 3).dataValidation.formulae).toEqual(['"元,千元,万元,亿元,美元,万美元,亿美元"']);
    expect(at('规上企业数', 3).dataValidation.formulae).toEqual(['"个,户,家,项,件,次,场次,人,名,人次"']);
    expect(at('规上企业数', 5).dataValidation.error).toBe('规上企业数应填不小于0的整数，不带单位和文字；约数请在“限定词”列选择。');
    expect([at('园区总收入', 4).value, at('园区总收入', 5).value]).toEqual(['突破', 2000]);
    expect([at('规上工业增加值', 5).value ?? null, at('规上工业增加值', 7).value]).toEqual([null, 14.2]);
    expect([at('园区本级事前审批时间', 5).value, at('园区本级事前审批时间', 8).value]).toEqual([28, 176]);
    expect(at('园区本级事前审批时间', 8).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 999999999999999], errorTitle: '改革前无效' });
    expectNoIdsInCells(ws);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expectPrintSetup(ws, '3:3', 'landscape');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['昆明高新区', '_parkbrief']);
  });

  it('shows 上年同期 in the row unit for reference, and validates an indicator that may be negative', async () => {
    writeBatch(s.ctx, '自定义指标', (log) => insertIndicator(s.ctx, log, { categoryCode: 'ECO', name: '财政收支差额', unit: '亿元', decimals: 2, nonNegative: false }));
    writeValuesBulk(s.ctx, '差额', [{ ...ids(CX, '2022'), kind: 'actual', indicatorId: ind('财政收支差额'), value: '-3.5' }]);
    const { ws, m } = await exported({ template: 'fill', period: '2022' });
    const r = rowOf(ws, m, ind('地区生产总值'));
    expect([ws.getCell(r, 5).value, ws.getCell(r, 6).value, ws.getCell(r, 6).numFmt]).toEqual([333.52, 300, '0.00_ ']);
    const d = rowOf(ws, m, ind('财政收支差额'));
    expect(ws.getCell(d, 5).value).toBe(-3.5);
    expect(ws.getCell(d, 5).dataValidation.formulae).toEqual([-999999999999999, 999999999999999]);
    expect(ws.getCell(3, 6).value).toBe('上年同期\n（2021年）');
  });
});

describe('tables.export through dispatch', () => {
  it('hands the finished workbook to the Host and answers with its result', async () => {
    const delivered: OutgoingFile[] = [];
    const ctx = { ...s.ctx, host: { deliver: async (f: OutgoingFile) => (delivered.push(f), { status: 'saved' as const, path: '/x.xlsx', fileName: f.fileName }), openFile: async () => false } };
    const r = await dispatch(ctx, 'tables.export', { template: 'fill', ...ids(CX, '2022') });
    expect(r).toEqual({ ok: true, value: { status: 'saved', path: '/x.xlsx', fileName: '楚雄高新区-2022-填报模板.xlsx' } });
    expect(delivered[0]!.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await readBack(delivered[0]!.bytes)).meta.template).toBe('fill');
    const bad = await dispatch(ctx, 'tables.export', { template: 'table', parkId: crypto.randomUUID(), periodId: periodId('2022') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'PARK_NOT_FOUND' } });
    expect(delivered).toHaveLength(1);
  });

  it('names the error in Chinese', () => {
    expect(new AppError('TABLE_EMPTY', { park: CX, periods: '2022', kindZh: '目标数', kindEn: 'target' }).message).toBe('楚雄高新区在 2022 没有任何目标数，未导出');
  });
});
