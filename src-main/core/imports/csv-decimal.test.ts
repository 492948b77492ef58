// A semicolon CSV's numbers in its own locale (issue 16): 84,220 there is 84.22, not 84220.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { decimalCommaText } from './csv-decimal.ts';
import { previewImport } from './preview.ts';

let s: TempStore;
beforeAll(() => {
  s = tempStore();
});
afterAll(() => s.dispose());

const preview = (text: string) => previewImport(s.ctx, { fileName: '表.csv', bytes: Buffer.from(text, 'utf8'), ...s.ids('楚雄高新区', '2022'), kind: 'actual' });

describe('decimalCommaText', () => {
  it('reads decimal commas and thousands points, and keeps unambiguous decimal points', () => {
    expect(['84,220', '1.234,5', '1.234.567', '近84,2亿元', '增长8,2%', '84.22', '340'].map((t) => decimalCommaText(t))).toEqual(
      ['84.220', '1234.5', '1234567', '近84.2亿元', '增长8.2%', '84.22', '340'].map((text) => ({ ok: true, text })),
    );
  });

  it('names a number that reads two ways', () => {
    expect(decimalCommaText('1.234')).toEqual({ ok: false, number: '1.234' });
    expect(decimalCommaText('约1,234,567元')).toEqual({ ok: false, number: '1,234,567' });
  });
});

describe('importing a semicolon CSV', () => {
  it('reads 84,220 as 84.22 and a growth of 8,2 as 8.2', () => {
    const p = preview('指标名称;计量单位;本期值;同比增长\n生物医药产业产值;亿元;84,220;8,2\n');
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ indicator: '生物医药产业产值', after: { value: expect.stringMatching(/^84\.220?$/), growth: '8.2' } });
  });

  it('refuses an ambiguous number, naming the cell, and writes nothing', () => {
    const before = dumpStore(s.ctx);
    const p = preview('指标名称;计量单位;本期值\n地区生产总值;亿元;1.234\n');
    expect(p.errors.map((e) => e.code)).toEqual(['IMPORT_CSV_DECIMAL']);
    expect(p.errors[0]!.message).toMatch(/^工作表「表\.csv」第2行 C列：本期值「1\.234」中的「1\.234」无法确定含义/);
    expect(p.canApply).toBe(false);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('leaves a comma-separated file as it was: 1,512 there is fifteen hundred and twelve', () => {
    const p = preview('指标名称,计量单位,本期值\n重点项目数,个,"1,512"\n');
    expect(p.errors).toEqual([]);
    expect(p.items[0]).toMatchObject({ after: { value: '1512' } });
  });
});
