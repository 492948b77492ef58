import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Overview, TrendData } from '../../shared/chart/model.ts';
import { rpcCalls } from '../../../test/support/rpc-calls.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const { call, refused } = rpcCalls(() => s.ctx);

async function edit(park: string, period: string, kind: 'actual' | 'target', indicator: string, fields: Record<string, string>) {
  const ids = s.ids(park, period);
  const edits = Object.entries(fields).map(([field, text]) => ({ indicatorId: s.indicatorId(indicator), field, text }));
  await call('values.edit', { ...ids, kind, edits });
}

describe('charts.trend and charts.overview', () => {
  it('gives a park indicator over its periods as stored, with last year and the targets, a missing year as null', async () => {
    await call('periods.create', { key: '2016' });
    await call('periods.create', { key: '2015' });
    await edit('昆明高新区', '2016', 'actual', '园区总收入', { value: '1800' });
    await edit('昆明高新区', '2015', 'actual', '规上企业数', { value: '80' });
    const ids = s.ids('昆明高新区', '2017');
    const t = await call<TrendData>('charts.trend', { ...ids, kind: 'actual', indicatorIds: [s.indicatorId('园区总收入')] });
    expect(t.periods.map((p) => p.key)).toEqual(['2015', '2016', '2017']);
    const [series] = t.series;
    expect(series!.indicator).toMatchObject({ name: '园区总收入', unit: '亿元', kind: 'amount' });
    expect(series!.figures.map((f) => f && [f.value, f.qualifier])).toEqual([null, ['1800', null], ['2000', '突破']]);
    expect(series!.previous.map((f) => f?.value ?? null)).toEqual([null, null, '1800']);
    const targets = await call<TrendData>('charts.trend', { ...s.ids('昆明高新区', '2018'), kind: 'actual', indicatorIds: [s.indicatorId('科技进步贡献率')] });
    expect(targets.series[0]!.targets.at(-1)?.value).toBe('56');
  });

  it('refuses an indicator the catalogue does not have', async () => {
    const ids = s.ids('昆明高新区', '2017');
    expect(await refused('charts.trend', { ...ids, kind: 'actual', indicatorIds: ['01890000-0000-7000-8000-000000000000'] })).toMatchObject({ code: 'INDICATOR_NOT_FOUND' });
  });

  it('ranks every park on the indicators most of them report for the period', async () => {
    await edit('楚雄高新区', '2017', 'actual', '园区总收入', { value: '120' });
    const { periodId } = s.ids('昆明高新区', '2017');
    const o = await call<Overview>('charts.overview', { periodId, kind: 'actual' });
    expect(o.parks.map((p) => p.name)).toEqual(['昆明高新区', '楚雄高新区']);
    expect(o.indicators[0]!.indicator.name).toBe('园区总收入');
    expect(o.indicators[0]!.figures.map((f) => f?.value ?? null)).toEqual(['2000', '120']);
    expect(o.indicators.length).toBeLessThanOrEqual(6);
  });

  it('gives each ranked park its target for the period, beside actual figures only', async () => {
    await edit('楚雄高新区', '2017', 'actual', '园区总收入', { value: '120' });
    await edit('楚雄高新区', '2017', 'target', '园区总收入', { value: '150' });
    const { periodId } = s.ids('昆明高新区', '2017');
    const o = await call<Overview>('charts.overview', { periodId, kind: 'actual' });
    expect(o.indicators[0]!.targets!.map((f) => f?.value ?? null)).toEqual([null, '150']);
    const plans = await call<Overview>('charts.overview', { periodId, kind: 'target' });
    expect(plans.indicators.every((r) => r.targets!.every((t) => t === null))).toBe(true);
  });
});
