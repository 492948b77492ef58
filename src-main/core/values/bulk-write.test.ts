import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { historyState, redo, undo } from '../history/undo.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { writeValuesBulk, type BulkValue } from './bulk-write.ts';
import { readGrid } from './grid.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

function v(park: string, period: string, name: string, fields: Partial<BulkValue>): BulkValue {
  return { ...s.ids(park, period), kind: 'actual', indicatorId: s.indicatorId(name), value: '', ...fields };
}
function current(park: string, period: string, name: string) {
  const { parkId, periodId } = s.ids(park, period);
  return readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === name)!.current;
}

describe('bulk writes', () => {
  it('inserts, updates and skips unchanged figures as one undo step, keeping notes the source lacks', () => {
    const r = writeValuesBulk(s.ctx, '导入', [
      v('楚雄高新区', '2022', '地区生产总值', { value: '340' }), // update (note kept)
      v('楚雄高新区', '2022', '生物医药产业产值', { value: '78.13' }), // unchanged
      v('楚雄高新区', '2021', '地区生产总值', { value: '300', unit: '亿元' }), // insert
      v('昆明高新区', '2017', '实际利用外资', { value: '9200', qualifier: '余' }), // update
    ]);
    expect(r).toEqual({ inserted: 1, updated: 2, unchanged: 1 });
    expect(current('楚雄高新区', '2022', '地区生产总值')).toMatchObject({ value: '340' });
    expect(current('楚雄高新区', '2022', '地区生产总值')?.source).toContain('333.52');
    expect(historyState(s.ctx).undoLabel).toBe('导入');

    const before = dumpStore(s.ctx);
    undo(s.ctx);
    expect(current('楚雄高新区', '2022', '地区生产总值')?.value).toBe('333.52');
    expect(current('楚雄高新区', '2021', '地区生产总值')).toBeNull();
    expect(current('昆明高新区', '2017', '实际利用外资')).toMatchObject({ value: '9194.35', qualifier: null });
    redo(s.ctx);
    const after = dumpStore(s.ctx);
    expect(after.indicator_values).toEqual(before.indicator_values);
  });

  it('writes sets larger than one multi-row statement exactly, and takes them back in one undo', async () => {
    const { writeBatch } = await import('../history/change-log.ts');
    const { ensurePeriod } = await import('../repos/periods.ts');
    const { listIndicators } = await import('../catalog/catalog.ts');
    const years = ['2008', '2009', '2010', '2011', '2012'];
    writeBatch(s.ctx, 'p', (log) => years.forEach((y) => ensurePeriod(s.ctx, log, y)));
    const amounts = listIndicators(s.ctx.db).filter((i) => i.unit === '亿元');
    const set: BulkValue[] = [];
    for (const y of years) amounts.forEach((ind, k) => set.push({ ...s.ids('昆明高新区', y), kind: 'actual', indicatorId: ind.id, value: `${k}.${y.slice(-1)}` }));
    expect(set.length).toBeGreaterThan(64 + 1); // at least one full statement and a remainder
    expect(writeValuesBulk(s.ctx, '导入', set).inserted).toBe(set.length);
    for (const y of years) expect(current('昆明高新区', y, amounts[3]!.name)?.value).toBe(`3.${y.slice(-1)}`);
    const n = () => (s.ctx.db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n;
    const after = n();
    undo(s.ctx);
    expect(n()).toBe(after - set.length);
  });

  it('refuses the whole set when one row is bad, naming the row', () => {
    const before = dumpStore(s.ctx);
    let err: AppError | null = null;
    try {
      writeValuesBulk(s.ctx, '导入', [
        v('楚雄高新区', '2022', '地区生产总值', { value: '1' }),
        v('楚雄高新区', '2022', '高新技术企业数', { value: '-2' }),
        { ...v('楚雄高新区', '2022', '地区生产总值', { value: '1' }), parkId: crypto.randomUUID() },
      ]);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('VALIDATION');
    expect(err?.details?.map((d) => [d.index, d.code])).toEqual([
      [1, 'NEGATIVE_NOT_ALLOWED'],
      [2, 'PARK_NOT_FOUND'],
    ]);
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('reads figure text with the same rules as a cell edit: its unit and qualifier are written, a contradicting one refused', () => {
    writeValuesBulk(s.ctx, '导入', [v('楚雄高新区', '2022', '地区生产总值', { value: '突破3.4万亿元' }), v('楚雄高新区', '2022', '新材料产业产值', { value: '248.11', growth: '增长10%左右' })]);
    expect(current('楚雄高新区', '2022', '地区生产总值')).toMatchObject({ value: '34000', unit: '亿元', qualifier: '突破' });
    expect(current('楚雄高新区', '2022', '新材料产业产值')).toMatchObject({ value: '248.11', growth: '10', qualifier: '左右' });
    let err: AppError | null = null;
    try {
      writeValuesBulk(s.ctx, '导入', [v('楚雄高新区', '2022', '地区生产总值', { value: '3000余万元', qualifier: '近' })]);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.details).toMatchObject([{ index: 0, field: 'qualifier', code: 'IMPORT_CONFLICT', message: '限定词前后不一致：数值里写的是「余」，限定词列是「近」' }]);
  });
});
