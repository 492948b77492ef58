import type ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/tables.ts';
import { findIndicator } from '../catalog/catalog.ts';
import { historyState, undo } from '../history/undo.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { exportXlsx } from '../tables/export-xlsx.ts';
import { convertWithLibreOffice, SKIP_LIBREOFFICE } from '../../../test/support/libreoffice.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
import { readGrid } from '../values/grid.ts';
import { applyImport, clearPending, MAX_PENDING, PENDING_TTL_MS } from './pending.ts';
import { previewImport, type PreviewInput } from './preview.ts';
import { editXlsx, encodeGbk, plainXlsx } from '../../../test/support/import-files.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
  clearPending();
});
afterEach(() => s.dispose());

/** Every table but the change log, which an undo itself appends to. */
function contents(): Record<string, unknown[]> {
  const { batches: _b, changes: _c, ...rest } = dumpStore(s.ctx);
  return rest;
}

function figure(park: string, period: string, name: string, kind: 'actual' | 'target' = 'actual') {
  const { parkId, periodId } = s.ids(park, period);
  const c = readGrid(s.ctx.db, parkId, periodId, kind).rows.find((r) => r.indicator.name === name)!.current;
  return c && { value: c.value, unit: c.unit, qualifier: c.qualifier, growth: c.growth, source: c.source };
}

const code = (name: string) => findIndicator(s.ctx.db, name).code;

/** A fill template's column by its heading in row 3 (core/reports/xlsx/fill.ts; 改革前 only in some). */
function fillColumn(ws: ExcelJS.Worksheet, heading: string): number {
  let col = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (String(c.value).startsWith(heading)) col = n;
  });
  if (!col) throw new Error(`no column ${heading}`);
  return col;
}

function fillRow(
  ws: ExcelJS.Worksheet,
  indicatorCode: string,
  cells: { unit?: string; qualifier?: string | null; value?: number | string | null; growth?: number | null; source?: string; baseline?: number | null },
) {
  let row: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(2).value === indicatorCode) row = r;
  });
  if (!row) throw new Error(`no row for ${indicatorCode}`);
  if (cells.unit !== undefined) row.getCell(fillColumn(ws, '计量单位')).value = cells.unit;
  if (cells.qualifier !== undefined) row.getCell(fillColumn(ws, '限定词')).value = cells.qualifier;
  if (cells.value !== undefined) row.getCell(fillColumn(ws, '本期数值')).value = cells.value;
  if (cells.growth !== undefined) row.getCell(fillColumn(ws, '同比增长')).value = cells.growth;
  if (cells.source !== undefined) row.getCell(fillColumn(ws, '备注')).value = cells.source;
  if (cells.baseline !== undefined) row.getCell(fillColumn(ws, '改革前')).value = cells.baseline;
  return row.number;
}

function preview(input: Partial<PreviewInput> & { bytes: Uint8Array }): ImportPreview {
  return previewImport(s.ctx, { fileName: 'test.xlsx', ...input });
}

describe('fill template round trip', () => {
  it('imports exactly the filled values, then finds them unchanged, and one undo restores the store', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids });
    const before = contents();
    const untouched = readGrid(s.ctx.db, ids.parkId, ids.periodId, 'actual');

    const filled = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.getWorksheet('楚雄高新区')!;
      fillRow(ws, 'E01', { value: 340.1 }); // changed value
      fillRow(ws, 'E02', { value: 1000.5, qualifier: '近' }); // new, with a qualifier
      fillRow(ws, 'E03', { value: 12345, unit: '万元' }); // new, in another unit than the catalogue's
      fillRow(ws, code('重点项目数'), { value: 171 }); // changed count
      fillRow(ws, code('接待客商人数'), { qualifier: null }); // 569余人 → 569人
      fillRow(ws, code('新材料产业产值'), { growth: 43 }); // changed growth
      fillRow(ws, code('科技型企业“创指贷”发放额'), { value: 0.695, unit: '亿元' }); // 6950万元 → 0.695亿元
    });

    const p = preview({ fileName: '楚雄-填报.xlsx', bytes: filled });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('fill');
    expect(p.counts).toMatchObject({ new: 2, changed: 5, unchanged: 23, errors: 0 });
    expect(p.items.slice(0, 7).map((i) => i.status)).toEqual(['changed', 'changed', 'changed', 'changed', 'changed', 'new', 'new']);
    const gdp = p.items.find((i) => i.code === 'E01')!;
    expect(gdp).toMatchObject({ before: { value: '333.52', unit: '亿元' }, after: { value: '340.1', unit: '亿元' }, place: { sheet: '楚雄高新区', column: 'E' } });
    expect(contents()).toEqual(before); // a preview writes nothing

    const applied = applyImport(s.ctx, p.previewId);
    expect(applied).toMatchObject({ inserted: 2, updated: 5, unchanged: 23 });
    expect(applied.history.undoLabel).toBe('导入「楚雄-填报.xlsx」');

    expect(figure('楚雄高新区', '2022', '地区生产总值')).toMatchObject({ value: '340.1', unit: '亿元', qualifier: null });
    expect(figure('楚雄高新区', '2022', '园区总收入')).toMatchObject({ value: '1000.5', unit: '亿元', qualifier: '近', growth: null });
    expect(figure('楚雄高新区', '2022', '规上工业总产值')).toMatchObject({ value: '12345', unit: '万元', qualifier: null });
    expect(figure('楚雄高新区', '2022', '重点项目数')).toMatchObject({ value: '171', unit: '个' });
    expect(figure('楚雄高新区', '2022', '接待客商人数')).toMatchObject({ value: '569', qualifier: null });
    expect(figure('楚雄高新区', '2022', '新材料产业产值')).toMatchObject({ value: '248.11', growth: '43' });
    expect(figure('楚雄高新区', '2022', '科技型企业“创指贷”发放额')).toMatchObject({ value: '0.695', unit: '亿元' });
    // Every other figure is exactly as it was, notes and all.
    const edited = new Set(['E01', 'E02', 'E03', code('重点项目数'), code('接待客商人数'), code('新材料产业产值'), code('科技型企业“创指贷”发放额')]);
    const now = readGrid(s.ctx.db, ids.parkId, ids.periodId, 'actual');
    for (const r of untouched.rows.filter((x) => !edited.has(x.indicator.code))) {
      expect(now.rows.find((x) => x.indicator.id === r.indicator.id)!.current).toEqual(r.current);
    }

    const again = preview({ fileName: '楚雄-填报.xlsx', bytes: filled });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 30, errors: 0 });
    expect(again.canApply).toBe(false);

    undo(s.ctx);
    expect(contents()).toEqual(before);
    expect(historyState(s.ctx).canRedo).toBe(true);
  });

  it.skipIf(SKIP_LIBREOFFICE)('reads a filled template re-saved by LibreOffice Calc the same way', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const filled = await editXlsx((await exportXlsx(s.ctx, { template: 'fill', ...ids })).bytes, (wb) => {
      const ws = wb.getWorksheet('楚雄高新区')!;
      fillRow(ws, 'E01', { value: 340.1 });
      fillRow(ws, 'E02', { value: 1000.5, qualifier: '近' });
      fillRow(ws, code('重点项目数'), { value: 171 });
    });
    mkdirSync(join(s.dir, 'in'));
    writeFileSync(join(s.dir, 'in', 'filled.xlsx'), filled);
    const resaved = readFileSync(await convertWithLibreOffice(join(s.dir, 'in', 'filled.xlsx'), 'xlsx', s.dir));
    expect(resaved.equals(filled)).toBe(false);
    const direct = preview({ bytes: filled });
    const viaCalc = preview({ bytes: resaved });
    expect(viaCalc.errors).toEqual([]);
    expect(viaCalc.counts).toEqual(direct.counts);
    expect(viaCalc.counts).toMatchObject({ new: 1, changed: 2 });
    expect(viaCalc.items.map((i) => [i.code, i.after])).toEqual(direct.items.map((i) => [i.code, i.after]));
  }, 120_000);

  it('reads a target template into the targets', async () => {
    const ids = s.ids('昆明高新区', '2018');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids, kind: 'target' });
    const filled = await editXlsx(exported.bytes, (wb) => {
      fillRow(wb.worksheets.find((w) => w.state === 'visible')!, 'E01', { value: 900, qualifier: '以上' });
    });
    const p = preview({ bytes: filled });
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ kind: 'target', code: 'E01', after: { value: '900', qualifier: '以上' } });
    applyImport(s.ctx, p.previewId);
    expect(figure('昆明高新区', '2018', '地区生产总值', 'target')).toMatchObject({ value: '900', qualifier: '以上' });
  });

  it('keeps a stored figure whose cell was emptied, and says so', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids });
    const filled = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets[0]!;
      fillRow(ws, 'E01', { value: null });
      fillRow(ws, 'E02', { value: 5 });
    });
    const p = preview({ bytes: filled });
    expect(p.counts).toMatchObject({ new: 1, changed: 0, errors: 0 });
    expect(p.warnings.map((w) => w.code)).toEqual(['IMPORT_EMPTY_KEPT']);
    expect(p.warnings[0]!.message).toMatch(/^工作表「楚雄高新区」第\d+行 E列：地区生产总值的本期值为空，保留库中的 333\.52亿元/);
    applyImport(s.ctx, p.previewId);
    expect(figure('楚雄高新区', '2022', '地区生产总值')?.value).toBe('333.52');
  });

  it('matches by code when the ids come from another store, and says so', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids });
    const filled = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets[0]!;
      fillRow(ws, 'E01', { value: 350 });
      const meta = wb.getWorksheet('_parkbrief')!;
      meta.getRow(2).eachCell((c, col) => {
        if (col > 1) c.value = crypto.randomUUID();
      });
      const m = JSON.parse(meta.getCell(1, 1).value as string) as { storeId: string };
      meta.getCell(1, 1).value = JSON.stringify({ ...m, storeId: 'another-store' });
    });
    const p = preview({ bytes: filled });
    expect(p.errors).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toContain('IMPORT_IDS_FALLBACK');
    expect(p.counts).toMatchObject({ changed: 1 });
  });
});

describe('改革前 in the fill template', () => {
  const stored = (name: string) => {
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    return readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === name)!.current;
  };

  it('reads it back: a changed 改革前 is a change, a new one is added, an untouched one stays', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids });
    const untouched = preview({ bytes: exported.bytes });
    expect(untouched.counts).toMatchObject({ new: 0, changed: 0 });
    const filled = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets[0]!;
      fillRow(ws, code('一般社会投资项目审批时限'), { baseline: 30 }); // 35 → 30
      fillRow(ws, code('园区本级事前审批时间'), { value: 12, baseline: 60 }); // a new pair: 60→12
    });
    const p = preview({ bytes: filled });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ new: 1, changed: 1 });
    applyImport(s.ctx, p.previewId);
    expect(stored('一般社会投资项目审批时限')).toMatchObject({ value: '5', baseline: '30' });
    expect(stored('园区本级事前审批时间')).toMatchObject({ value: '12', baseline: '60' });
  });
});

describe('the hidden map of rows', () => {
  /** A template as the previous layout wrote it: each row's indicator id in a hidden column of the sheet. */
  function toLayout1(wb: ExcelJS.Workbook): void {
    const ws = wb.worksheets[0]!;
    const meta = wb.getWorksheet('_parkbrief')!;
    const book = JSON.parse(meta.getCell(1, 1).value as string) as Record<string, unknown>;
    const sheet = JSON.parse(meta.getCell(2, 1).value as string) as { firstDataRow: number; keyColumn?: number };
    meta.getRow(2).eachCell((c, col) => {
      if (col === 1) return;
      ws.getCell(sheet.firstDataRow + col - 2, 20).value = c.value as string;
      c.value = null;
    });
    ws.getColumn(20).hidden = true;
    meta.getCell(1, 1).value = JSON.stringify({ ...book, layout: 1 });
    meta.getCell(2, 1).value = JSON.stringify({ ...sheet, keyColumn: 20 });
  }

  it('still reads a template exported by the previous version, by the ids in its hidden column', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'fill', ...ids });
    const filled = await editXlsx(exported.bytes, (wb) => {
      toLayout1(wb);
      fillRow(wb.worksheets[0]!, 'E01', { value: 350 });
    });
    const p = preview({ bytes: filled });
    expect(p.errors).toEqual([]);
    // Read by id: no row fell back to its code.
    expect(p.warnings.map((w) => w.code)).not.toContain('IMPORT_IDS_STALE');
    expect(p.counts).toMatchObject({ changed: 1, new: 0 });
    expect(p.items[0]).toMatchObject({ indicator: '地区生产总值', after: { value: '350' } });
  });

  it('reads a table whose rows were re-sorted in Excel by each row’s own code, not by the row the map names', async () => {
    const y22 = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'table', ...y22, periodIds: [y22.periodId] });
    const swapped = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets[0]!;
      const coded: number[] = [];
      ws.eachRow((r) => {
        if (r.number > 3 && /^[A-Z]\d+$/.test(String(r.getCell(2).value))) coded.push(r.number);
      });
      // Sorting moves whole rows; the map in the hidden sheet stays as written.
      const [a, b] = [coded[0]!, coded[2]!];
      expect(ws.getCell(a, 4).value).not.toEqual(ws.getCell(b, 4).value);
      for (let c = 1; c <= 5; c++) {
        const [x, y] = [ws.getCell(a, c), ws.getCell(b, c)];
        const [vx, vy, sx, sy] = [x.value, y.value, x.style, y.style];
        x.value = vy;
        y.value = vx;
        x.style = sy;
        y.style = sx;
      }
    });
    const p = preview({ bytes: swapped });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ new: 0, changed: 0 });
    expect(p.warnings.map((w) => w.code)).toContain('IMPORT_IDS_STALE');
  });
});

describe('table and comparison exports', () => {
  /** The column a period's (or park's) figures are in, from the workbook's own map. */
  function mapColumn(wb: ExcelJS.Workbook, pick: (c: { periodKey?: string; parkName?: string; field: string }) => boolean): number {
    const sheet = JSON.parse(wb.getWorksheet('_parkbrief')!.getCell(2, 1).value as string) as { columns: { column: number; periodKey?: string; parkName?: string; field: string }[] };
    return sheet.columns.find((c) => c.field === 'value' && pick(c))!.column;
  }

  it('reads a table export back as unchanged, figures shown converted into the row unit included', async () => {
    const y21 = s.ids('楚雄高新区', '2021');
    const y22 = s.ids('楚雄高新区', '2022');
    editValues(s.ctx, {
      ...y21,
      kind: 'actual',
      edits: [
        { indicatorId: s.indicatorId('地区生产总值'), field: 'unit', text: '万元' },
        { indicatorId: s.indicatorId('地区生产总值'), field: 'value', text: '3000000' },
      ],
    });
    editValues(s.ctx, {
      ...y22,
      kind: 'actual',
      edits: [
        { indicatorId: s.indicatorId('协议投资额'), field: 'unit', text: '万美元' }, // cannot be shown in 亿元: written as text
        { indicatorId: s.indicatorId('协议投资额'), field: 'value', text: '9194.35' },
      ],
    });
    const exported = await exportXlsx(s.ctx, { template: 'table', ...y22, periodIds: [y21.periodId, y22.periodId] });
    const p = preview({ bytes: exported.bytes });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('table');
    expect(p.counts).toMatchObject({ new: 0, changed: 0 });
    expect(p.counts.unchanged).toBeGreaterThan(28);

    // A figure edited in the table is the number shown, in the row's unit.
    const edited = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets[0]!;
      const col = mapColumn(wb, (c) => c.periodKey === '2021');
      ws.eachRow((r) => {
        if (r.getCell(2).value === 'E01') r.getCell(col).value = 310;
      });
    });
    const q = preview({ bytes: edited });
    expect(q.counts).toMatchObject({ new: 0, changed: 1 });
    expect(q.items[0]).toMatchObject({ periodKey: '2021', before: { value: '3000000', unit: '万元' }, after: { value: '310', unit: '亿元' } });
  });

  it('reads a comparison export back as unchanged, and an edited park column into that park', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const exported = await exportXlsx(s.ctx, { template: 'compare', ...ids });
    const p = preview({ bytes: exported.bytes });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('compare');
    expect(p.counts).toMatchObject({ new: 0, changed: 0, unchanged: 28 });
    const edited = await editXlsx(exported.bytes, (wb) => {
      const ws = wb.worksheets.find((w) => w.state === 'visible')!;
      const col = mapColumn(wb, (c) => c.parkName === '昆明高新区');
      ws.eachRow((r) => {
        if (r.getCell(2).value === 'E01') r.getCell(col).value = 12.5;
      });
    });
    const q = preview({ bytes: edited });
    expect(q.counts).toMatchObject({ new: 1, changed: 0 });
    expect(q.items[0]).toMatchObject({ park: '昆明高新区', periodKey: '2022', after: { value: '12.5', unit: '亿元' } });
  });
});

describe('plain tables', () => {
  const target = () => ({ ...s.ids('楚雄高新区', '2022'), kind: 'actual' as const });

  it('reads a UTF-8 CSV with a BOM, CRLF, quoted fields, a title, group and blank rows; counts are exact', () => {
    const csv = [
      '楚雄高新区2022年主要指标,,,,,,',
      ',,,,,,',
      '指标名称,代码,计量单位,本期值,限定词,同比增长(%),备注',
      '地区生产总值,E01,亿元,340.1,,8.2,"来源：统计局, 2023年"',
      '一、产业发展,,,,,,',
      '  其中：新材料产业产值,,亿元,248.11,,42.5,',
      ',,,,,,',
      '园区总收入,,亿元,"1,000.5",近,,"两行',
      '备注"',
      '规上企业数,,户,12,,,',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
    const before = contents();
    const p = preview({ fileName: '指标.csv', bytes, ...target() });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('csv');
    expect(p.counts).toEqual({ new: 2, changed: 1, unchanged: 1, warnings: p.checks.length, errors: 0, checks: p.checks.length });
    expect(contents()).toEqual(before);
    applyImport(s.ctx, p.previewId);
    expect(figure('楚雄高新区', '2022', '地区生产总值')).toMatchObject({ value: '340.1', growth: '8.2', source: '来源：统计局, 2023年' });
    expect(figure('楚雄高新区', '2022', '园区总收入')).toMatchObject({ value: '1000.5', qualifier: '近', source: '两行\n备注' });
    expect(figure('楚雄高新区', '2022', '规上企业数')).toMatchObject({ value: '12', unit: '户' });
    expect(figure('楚雄高新区', '2022', '新材料产业产值')?.source).toContain('248.11'); // the seed's note, kept
  });

  it('reads figures and growths written as copy: a bare 亿 in the row\'s unit, a growth\'s qualifier, points only for a rate', () => {
    const csv = (rows: string[]) => Buffer.from(['指标名称,本期值,同比增长', ...rows].join('\n'));
    const p = preview({ fileName: 'g.csv', bytes: csv(['新材料产业产值,,增长10%左右']), ...target() });
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ indicator: '新材料产业产值', after: { value: '248.11', growth: '10', qualifier: '左右' } });
    const dollars = preview({ fileName: 'u.csv', bytes: Buffer.from('指标名称,计量单位,本期值\n进出口总额,亿美元,近17亿\n园区总收入,,突破340亿\n'), ...target() });
    expect(dollars.errors).toEqual([]);
    expect(dollars.items.map((i) => i.after)).toMatchObject([
      { value: '17', unit: '亿美元', qualifier: '近' },
      { value: '340', unit: '亿元', qualifier: '突破' },
    ]);
    const q = preview({ fileName: 'g.csv', bytes: csv(['地区生产总值,,提高2个百分点', '新材料产业产值,突破250亿元,增长10%左右']), ...target() });
    expect(q.errors.map((e) => e.message)).toEqual([
      '工作表「g.csv」第2行 C列：同比增长「提高2个百分点」以个百分点计，只适用于比率指标；地区生产总值以亿元计，请写作百分比（如增长8.5%）',
      '工作表「g.csv」第3行 C列：同比增长「增长10%左右」的限定词「左右」与本期值的「突破」不同：一个数值只有一个限定词',
    ]);
  });

  it('reads a plain xlsx with lenient headings, figures written as copy, and units', async () => {
    const bytes = await plainXlsx({
      数据: [
        ['2022年指标'],
        [' 指标 名称 ', 'Unit', '数值（亿元）', '同比增长（％）'],
        ['地区生产总值', '亿元', 333.52, null],
        ['园区总收入', '亿元', '突破2000', null],
        ['规上工业总产值', '万元', 1234567, 12.5],
        ['接待客商人数', null, '600余人', null],
        ['技术合同成交额', '亿元', '2.24', '增长10%'],
      ],
    });
    const p = preview({ bytes, ...target() });
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('plain');
    expect(p.counts).toMatchObject({ new: 2, changed: 2, unchanged: 1 });
    applyImport(s.ctx, p.previewId);
    expect(figure('楚雄高新区', '2022', '园区总收入')).toMatchObject({ value: '2000', qualifier: '突破', unit: '亿元' });
    expect(figure('楚雄高新区', '2022', '规上工业总产值')).toMatchObject({ value: '1234567', unit: '万元', growth: '12.5' });
    expect(figure('楚雄高新区', '2022', '接待客商人数')).toMatchObject({ value: '600', qualifier: '余', unit: '人' });
    expect(figure('楚雄高新区', '2022', '技术合同成交额')).toMatchObject({ value: '2.24', growth: '10' });
  });

  it('reads a unit merged down the rows that share it as every row\'s unit', async () => {
    const bytes = await plainXlsx({ S: [['指标名称', '计量单位', '本期值'], ['地区生产总值', '万元', 3335200], ['园区总收入', null, 5000000]] }, (wb) => wb.worksheets[0]!.mergeCells('B2:B3'));
    const p = preview({ bytes, ...target() });
    expect(p.errors).toEqual([]);
    expect(p.items.map((i) => [i.code, i.after.value, i.after.unit])).toEqual([
      ['E01', '3335200', '万元'],
      ['E02', '5000000', '万元'],
    ]);
  });

  it('decodes a GBK CSV (Excel on Chinese Windows)', () => {
    const bytes = encodeGbk('指标名称,计量单位,本期值,备注\r\n地区生产总值,亿元,350,据园区统计月报\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const p = preview({ fileName: '导出.csv', bytes, ...target() });
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ indicator: '地区生产总值', status: 'changed', after: { value: '350' } });
    applyImport(s.ctx, p.previewId);
    expect(figure('楚雄高新区', '2022', '地区生产总值')).toMatchObject({ value: '350', source: '据园区统计月报' });
  });

  it('runs the check rules on the figures as they would be after applying, and lists them', async () => {
    // 楚雄 holds 生物医药 78.13 and 新材料 248.11亿元: a 规上工业总产值 of 100亿元 breaks R01 (E03 ≥ I01 + I02 + I03).
    const bytes = await plainXlsx({ S: [['代码', '本期值'], ['E03', 100], ['I05', 120]] });
    const p = preview({ bytes, ...target() });
    expect(p.errors).toEqual([]);
    expect(p.checks.map((c) => c.rule).sort()).toEqual(['R01', 'R06']);
    expect(p.counts).toMatchObject({ checks: 2, warnings: 2 });
    expect(p.canApply).toBe(true); // a check rule warns, it never refuses
  });

  it('takes the period column as the value column when it is headed by the period', async () => {
    const bytes = await plainXlsx({ S: [['指标', '2021年', '2022年'], ['地区生产总值', 300, 335]] });
    const p = preview({ bytes, ...target() });
    expect(p.items[0]).toMatchObject({ code: 'E01', after: { value: '335' } });
  });

  it('caps the listed items but keeps the counts exact', async () => {
    const { listIndicators } = await import('../catalog/catalog.ts');
    const rows = listIndicators(s.ctx.db).map((i) => [i.code, i.integerOnly ? 7 : 7.5]);
    const bytes = await plainXlsx({ S: [['代码', '本期'], ...rows] });
    const p = preview({ bytes, ...s.ids('昆明高新区', '2017'), kind: 'actual' });
    expect(p.counts.new + p.counts.changed + p.counts.unchanged).toBe(rows.length);
    expect(p.items.length).toBe(rows.length); // under the cap here
    expect(p.itemsTruncated).toBe(false);
  });
});

describe('applying', () => {
  const csv = () => Buffer.from('指标名称,本期值\n地区生产总值,341\n');
  const input = () => ({ fileName: 'a.csv', bytes: csv(), ...s.ids('楚雄高新区', '2022') });

  it('refuses after a concurrent change, writing nothing', () => {
    const p = preview(input());
    const ids = s.ids('楚雄高新区', '2022');
    editValues(s.ctx, { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId('园区总收入'), field: 'value', text: '1' }] });
    const after = contents();
    expect(() => applyImport(s.ctx, p.previewId)).toThrow(expect.objectContaining({ code: 'IMPORT_STALE' }));
    expect(contents()).toEqual(after);
    // The refused preview is spent: previewing again is the way forward.
    expect(() => applyImport(s.ctx, p.previewId)).toThrow(expect.objectContaining({ code: 'IMPORT_EXPIRED' }));
    applyImport(s.ctx, preview(input()).previewId);
    expect(figure('楚雄高新区', '2022', '地区生产总值')?.value).toBe('341');
  });

  it('refuses an expired preview and a used one', () => {
    const p = preview(input());
    expect(p.previewId).toMatch(/^[A-Za-z0-9_-]{24}$/); // 144 random bits, url-safe
    expect(() => applyImport(s.ctx, p.previewId, Date.now() + PENDING_TTL_MS + 1)).toThrow(expect.objectContaining({ code: 'IMPORT_EXPIRED' }));
    const q = preview(input());
    applyImport(s.ctx, q.previewId);
    expect(() => applyImport(s.ctx, q.previewId)).toThrow(expect.objectContaining({ code: 'IMPORT_EXPIRED' }));
  });

  it(`keeps at most ${MAX_PENDING} previews, dropping the oldest`, () => {
    const ps = Array.from({ length: MAX_PENDING + 1 }, () => preview(input()));
    expect(() => applyImport(s.ctx, ps[0]!.previewId)).toThrow(expect.objectContaining({ code: 'IMPORT_EXPIRED' }));
    applyImport(s.ctx, ps[MAX_PENDING]!.previewId);
  });

  it('works through the contract (base64 in, preview and apply out)', async () => {
    const r = await dispatch(s.ctx, 'imports.preview', { fileName: 'a.csv', base64: csv().toString('base64'), ...s.ids('楚雄高新区', '2022') });
    expect(r).toMatchObject({ ok: true, value: { counts: { changed: 1 }, canApply: true } });
    const id = (r as { value: ImportPreview }).value.previewId;
    const a = await dispatch(s.ctx, 'imports.apply', { previewId: id });
    expect(a).toMatchObject({ ok: true, value: { updated: 1, history: { undoLabel: '导入「a.csv」' } } });
    const again = await dispatch(s.ctx, 'imports.apply', { previewId: id });
    expect(again).toMatchObject({ ok: false, error: { code: 'IMPORT_EXPIRED' } });
  });
});
