// The streamed province workbook against the in-memory export of the same sheet: the same renderer
// behind both writers must give the same cells, formats, merges and print setup.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../history/change-log.ts';
import { insertPark } from '../repos/parks.ts';
import type { TempStore } from '../../../test/support/temp-store.ts';
import { writeValuesBulk } from '../values/bulk-write.ts';
import { PARKS_PER_SHEET } from './compare-sheet.ts';
import { exportXlsx } from './export-xlsx.ts';
import { writeProvinceWorkbook } from './province-workbook.ts';
import { CX, KM, xlsxStore } from '../../../test/support/xlsx-fixture.ts';
import { keyedRows, readBack } from '../../../test/support/xlsx-readback.ts';

let s: TempStore;
let dir: string;
beforeAll(() => {
  s = xlsxStore();
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-province-'));
});
afterAll(() => {
  s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const pid = (key: string) => s.ids(CX, key).periodId;

/** Every cell's value, format, note and merge state, plus the sheet's setup. */
/** Down to `lastRow`: a single 指标表 also has the rows its chart is drawn over, laid out under the note. */
function snapshot(ws: Worksheet, lastRow = Infinity) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (r > lastRow) return;
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push([r, c, cell.value ?? null, cell.numFmt ?? null, cell.note ?? null, cell.isMerged, cell.font?.italic ?? false, row.height ?? null, row.outlineLevel ?? 0]);
    }
  });
  const columns = Array.from({ length: ws.columnCount }, (_, i) => [ws.getColumn(i + 1).width, ws.getColumn(i + 1).hidden]);
  const { printTitlesRow, printTitlesColumn, paperSize, orientation, fitToWidth, fitToHeight } = ws.pageSetup;
  return { cells, columns, merges: [...ws.model.merges].sort(), views: ws.views, page: { printTitlesRow, printTitlesColumn, paperSize, orientation, fitToWidth, fitToHeight }, footer: ws.headerFooter.oddFooter };
}

describe('province workbook (streamed)', () => {
  it('writes one table sheet per park, identical to the single export of that park', async () => {
    const out = join(dir, '省级汇总.xlsx');
    writeFileSync(out, 'an older file that is replaced whole');
    const periodIds = [pid('2022'), pid('2020'), pid('2021')];
    const r = await writeProvinceWorkbook(s.ctx, { layout: 'table', kind: 'actual', periodIds }, out);
    expect(r.sheets).toBe(2);
    expect(readdirSync(dir)).toEqual(['省级汇总.xlsx']); // no temporary file left behind
    const streamed = await readBack(readFileSync(out));
    expect(streamed.wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [KM, 'visible'],
      [CX, 'visible'],
      ['_parkbrief', 'veryHidden'],
    ]);
    expect(streamed.meta.template).toBe('table');
    expect(streamed.sheets.map((m) => m.parkName)).toEqual([KM, CX]);

    const single = await readBack((await exportXlsx(s.ctx, { template: 'table', ...s.ids(CX, '2022'), periodIds })).bytes);
    expect(streamed.sheets[1]).toEqual(single.sheets[0]);
    const noteRow = single.sheets[0]!.lastDataRow + 2;
    expect(String(single.wb.getWorksheet(CX)!.getCell(noteRow, 1).value)).toMatch(/^注：/);
    expect(snapshot(streamed.wb.getWorksheet(CX)!, noteRow)).toEqual(snapshot(single.wb.getWorksheet(CX)!, noteRow));
    expect(keyedRows(streamed.wb.getWorksheet(CX)!, streamed.sheets[1]!).size).toBeGreaterThan(20);
  });

  it('writes one compare sheet per period, identical to the single export of that period', async () => {
    const out = join(dir, '对比.xlsx');
    const r = await writeProvinceWorkbook(s.ctx, { layout: 'compare', kind: 'actual', periodIds: [pid('2022'), pid('2017')], sharedStrings: false }, out);
    expect(r.sheets).toBe(2);
    const streamed = await readBack(readFileSync(out));
    expect(streamed.sheets.map((m) => m.sheet)).toEqual(['2017年对比', '2022年对比']);
    const single = await readBack((await exportXlsx(s.ctx, { template: 'compare', ...s.ids(CX, '2022') })).bytes);
    expect(streamed.sheets[1]).toEqual(single.sheets[0]);
    expect(snapshot(streamed.wb.getWorksheet('2022年对比')!)).toEqual(snapshot(single.wb.getWorksheet('2022年对比')!));
  });

  it('leaves nothing behind when it cannot write', async () => {
    const out = join(dir, 'missing-folder', 'x.xlsx');
    await expect(writeProvinceWorkbook(s.ctx, { layout: 'table', kind: 'actual', periodIds: [pid('2022')] }, out)).rejects.toMatchObject({ code: 'FILE_FOLDER_MISSING' });
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
  });

  it('splits a comparison of more parks than one sheet map holds, with ranks and totals of the whole', async () => {
    const extra = PARKS_PER_SHEET + 3;
    const parkIds: string[] = [];
    writeBatch(s.ctx, '园区', (log) => {
      for (let i = 0; i < extra; i++) parkIds.push(insertPark(s.ctx, log, { name: `测试园区${String(i).padStart(3, '0')}` }).id);
    });
    const gdp = s.indicatorId('地区生产总值');
    writeValuesBulk(s.ctx, '数', parkIds.map((parkId, i) => ({ parkId, periodId: pid('2022'), kind: 'actual' as const, indicatorId: gdp, qualifier: i % 2 ? '近' : '', value: String(i + 1) })));
    const out = join(dir, 'wide.xlsx');
    await writeProvinceWorkbook(s.ctx, { layout: 'compare', kind: 'actual', periodIds: [pid('2022')], parkIds }, out);
    const back = await readBack(readFileSync(out));
    expect(back.sheets.map((m) => [m.sheet, m.columns.filter((c) => c.field === 'value').length])).toEqual([
      ['2022年对比(1)', PARKS_PER_SHEET],
      ['2022年对比(2)', 3],
    ]);
    const second = back.wb.getWorksheet('2022年对比(2)')!;
    const row = [...keyedRows(second, back.sheets[1]!)].find(([, id]) => id === gdp)![0];
    expect([6, 8, 10].map((c) => second.getCell(row, c).value)).toEqual([3, 2, 1]); // places among all 203
    expect(String(second.getCell(2, 1).value)).toContain(`共${extra}个园区，本表为第201—203个`);
  });
});
