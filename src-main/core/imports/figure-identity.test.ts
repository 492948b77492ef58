// An import changes only what the file changes: a figure a spreadsheet cannot hold to the last digit
// comes back as itself, and a blank beside a growth rate does not strip the stored figure's qualifier.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportXlsx } from '../tables/export-xlsx.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
import { editXlsx } from '../../../test/support/import-files.ts';
import { readFigure } from './cell-text.ts';
import { clearPending } from './pending.ts';
import { previewImport } from './preview.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
  clearPending();
});
afterEach(() => s.dispose());

function store(name: string, fields: Record<string, string>): void {
  const ids = s.ids('楚雄高新区', '2022');
  const indicatorId = s.indicatorId(name);
  editValues(s.ctx, { ...ids, kind: 'actual', edits: Object.entries(fields).map(([field, text]) => ({ indicatorId, field: field as 'value', text })) });
}

describe('figures with more digits than a spreadsheet number holds', () => {
  for (const template of ['fill', 'table', 'compare', 'form'] as const) {
    it(`an unchanged ${template} export reads back unchanged`, async () => {
      store('园区总收入', { value: '1234567890.1234567' });
      store('规上工业总产值', { value: '0.5', growth: '12.3456789012345678' });
      const x = await exportXlsx(s.ctx, { template, ...s.ids('楚雄高新区', '2022') });
      const p = previewImport(s.ctx, { fileName: 'x.xlsx', bytes: x.bytes });
      expect(p.errors).toEqual([]);
      expect(p.items.filter((i) => i.status !== 'unchanged')).toEqual([]);
    });
  }

  it('a number typed as text keeps every digit', () => {
    expect(readFigure({ t: 's', v: '1234567890.1234567' })).toEqual({ ok: true, value: { number: '1234567890.1234567' } });
  });
});

describe('qualifier column', () => {
  const csv = (text: string) => ({ fileName: 'g.csv', bytes: new TextEncoder().encode(text), ...s.ids('楚雄高新区', '2022') });

  it('a row giving only a growth leaves the stored figure its qualifier', () => {
    store('地方一般公共预算收入', { value: '80', qualifier: '近' });
    const p = previewImport(s.ctx, csv('指标名称,本期,限定词,同比增长\n地方一般公共预算收入,,,5.5\n'));
    expect(p.items.find((i) => i.indicator === '地方一般公共预算收入')?.after).toMatchObject({ value: '80', qualifier: '近', growth: '5.5' });
  });

  it('a blank qualifier beside a value still means an exact figure', () => {
    store('地方一般公共预算收入', { value: '80', qualifier: '近' });
    const p = previewImport(s.ctx, csv('指标名称,本期,限定词\n地方一般公共预算收入,81,\n'));
    expect(p.items.find((i) => i.indicator === '地方一般公共预算收入')?.after).toMatchObject({ value: '81', qualifier: null });
  });
});

describe('a code and a name that name two indicators', () => {
  // Custom indicators are numbered per store (U001 …): a colleague's U001 may be another indicator.
  it('in a plain table: an error on the row, not the figure given to the code’s indicator', () => {
    const csv = '指标名称,代码,本期\n创新创业大赛参赛企业和团队数,U001,12\n';
    const p = previewImport(s.ctx, { fileName: 'g.csv', bytes: new TextEncoder().encode(csv), ...s.ids('楚雄高新区', '2022') });
    expect(p.canApply).toBe(false);
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_CODE_NAME_MISMATCH', place: { row: 2 } });
    expect(p.errors[0]!.message).toBe('工作表「g.csv」第2行 A列：代码「U001」是指标「科技型企业“创指贷”发放额」，这一行的名称却是「创新创业大赛参赛企业和团队数」：请核对代码和名称');
  });

  it('in a template whose ids no longer match', async () => {
    const fill = (await exportXlsx(s.ctx, { template: 'fill', ...s.ids('楚雄高新区', '2022') })).bytes;
    const bytes = await editXlsx(fill, (wb) => {
      const ws = wb.getWorksheet('楚雄高新区')!;
      const meta = wb.getWorksheet('_parkbrief')!;
      const { firstDataRow } = JSON.parse(meta.getCell(2, 1).value as string) as { firstDataRow: number };
      ws.eachRow((row) => {
        if (row.getCell(2).value === 'U002') {
          row.getCell(2).value = 'U001';
          row.getCell(5).value = 12;
          // The hidden map's id of this row: column B of the sheet's map row is its first data row.
          meta.getCell(2, 2 + row.number - firstDataRow).value = '00000000-0000-4000-8000-000000000000';
        }
      });
    });
    const p = previewImport(s.ctx, { fileName: 'x.xlsx', bytes });
    expect(p.canApply).toBe(false);
    expect(p.errors.map((e) => e.code)).toEqual(['IMPORT_CODE_NAME_MISMATCH']);
  });
});
