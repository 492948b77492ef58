// An import changes only what the file changes: a figure a spreadsheet cannot hold to the last digit
// comes back as itself, and a blank beside a growth rate does not strip the stored figure's qualifier.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportXlsx } from '../tables/export-xlsx.ts';
import { tempStore, type TempStore } from '../testing/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
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
