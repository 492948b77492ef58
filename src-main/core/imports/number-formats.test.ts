// Number formats decide what a number cell means (issue 16): a percent cell holds a hundredth of
// what it shows, a date cell a day serial. Neither may become a figure silently.

import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { plainXlsx } from '../../../test/support/import-files.ts';
import { timesHundred } from './cell-text.ts';
import { formatKind, numberKinds } from './number-formats.ts';
import { previewImport } from './preview.ts';

let s: TempStore;
beforeAll(() => {
  s = tempStore();
});
afterAll(() => s.dispose());

describe('formatKind', () => {
  it('finds percent and date codes, and ignores % and letters that are literal text or modifiers', () => {
    expect(formatKind('0.0%')).toBe('percent');
    expect(formatKind('#,##0.00%;[Red]-0.00%')).toBe('percent');
    expect(formatKind('yyyy-mm-dd')).toBe('date');
    expect(formatKind('yyyy"年"m"月"d"日"')).toBe('date');
    expect(formatKind('[$-804]aaaa')).toBeUndefined();
    expect(formatKind('0.00"%"')).toBeUndefined();
    expect(formatKind('0.0\\%')).toBeUndefined();
    expect(formatKind('"近"0.00_ ')).toBeUndefined();
    expect(formatKind('[Red]0.00')).toBeUndefined();
    expect(formatKind('General')).toBeUndefined();
    expect(formatKind('0.00E+00')).toBeUndefined();
  });

  it('reads each cell style of styles.xml, built-in ids included', () => {
    const xml =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="&quot;约&quot;0"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/></cellXfs></styleSheet>';
    expect(numberKinds(xml)).toEqual([undefined, 'percent', 'date', 'percent', undefined, 'date']);
  });
});

describe('timesHundred', () => {
  it('moves the decimal point exactly', () => {
    expect(['0.082', '0.5', '1', '-0.031', '0.00001', '12.3456', '0'].map(timesHundred)).toEqual(['8.2', '50', '100', '-3.1', '0.001', '1234.56', '0']);
  });
});

/** A plain table with one row for `name`, the value in B2 and the growth in C2, formatted as given. */
function table(name: string, value: number | null, valueFmt: string | null, growth: number | null = null, growthFmt: string | null = null) {
  return plainXlsx({ 表1: [['指标名称', '本期值', '同比增长'], [name, value, growth]] }, (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet('表1')!;
    if (valueFmt) ws.getCell('B2').numFmt = valueFmt;
    if (growthFmt) ws.getCell('C2').numFmt = growthFmt;
  });
}

async function preview(bytes: Buffer) {
  return previewImport(s.ctx, { fileName: '表.xlsx', bytes, ...s.ids('楚雄高新区', '2022'), kind: 'actual' });
}

describe('importing formatted number cells', () => {
  it('reads a growth in a percent cell (8.2% stored as 0.082) as 8.2', async () => {
    const p = await preview(await table('地区生产总值', 340.1, null, 0.082, '0.0%'));
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ indicator: '地区生产总值', after: { value: '340.1', growth: '8.2' } });
  });

  it('reads a percent cell of a % indicator as its percentage (56% → 56)', async () => {
    const p = await preview(await table('特色产业收入占园区总收入比重', 0.563, '0.0%'));
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ after: { value: '56.3', unit: '%' } });
  });

  it('refuses a percent cell in the value column of an indicator not in %, naming the cell', async () => {
    const before = dumpStore(s.ctx);
    const p = await preview(await table('地区生产总值', 0.5, '0.00%'));
    expect(p.errors.map((e) => e.code)).toEqual(['IMPORT_PERCENT_CELL']);
    expect(p.errors[0]!.message).toMatch(/^工作表「表1」第2行 B列：本期值单元格设为百分比格式（显示为 50%），但该指标的计量单位是亿元/);
    expect(p.canApply).toBe(false);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('refuses a date cell in a number column (重点项目数 170 held as a date serial), naming the cell', async () => {
    for (const fmt of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'mm-dd-yy']) {
      const p = await preview(await table('重点项目数', 44926, fmt));
      expect(p.errors.map((e) => e.code), fmt).toEqual(['IMPORT_DATE_CELL']);
      expect(p.errors[0]!.message).toMatch(/^工作表「表1」第2行 B列：本期值单元格设为日期格式，存的是日期序号 44926 而不是数字/);
    }
    const g = await preview(await table('地区生产总值', 340, null, 45000, 'yyyy-mm-dd'));
    expect(g.errors[0]!.message).toMatch(/^工作表「表1」第2行 C列：/);
  });

  it('keeps a literal "%" or a qualifier in quotes a plain number', async () => {
    const p = await preview(await table('地区生产总值', 340.1, '0.00"%"', 8.2, '0.0"%"'));
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ after: { value: '340.1', growth: '8.2' } });
  });
});
