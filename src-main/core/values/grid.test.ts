import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBatch } from '../history/change-log.ts';
import { ensurePeriod } from '../repos/periods.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from './edit-values.ts';
import { readGrid } from './grid.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

function set(park: string, period: string, name: string, fields: Record<string, string>) {
  writeBatch(s.ctx, 'p', (log) => ensurePeriod(s.ctx, log, period));
  editValues(s.ctx, {
    ...s.ids(park, period),
    kind: 'actual',
    edits: Object.entries(fields).map(([field, text]) => ({ indicatorId: s.indicatorId(name), field: field as 'value', text })),
  });
}
function row(park: string, period: string, name: string) {
  const { parkId, periodId } = s.ids(park, period);
  return readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === name)!;
}

describe('the park-period grid', () => {
  it('shows 楚雄高新区 2022 with 地区生产总值 333.52 亿元, in catalogue order', () => {
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    const g = readGrid(s.ctx.db, parkId, periodId, 'actual');
    expect(g.period.label).toBe('2022年');
    expect(g.previousPeriodKey).toBe('2021');
    const gdp = g.rows.find((r) => r.indicator.name === '地区生产总值')!;
    expect(gdp.current).toMatchObject({ value: '333.52', unit: '亿元' });
    const cats = g.rows.map((r) => r.indicator.categoryCode);
    expect(cats.indexOf('ECO')).toBeLessThan(cats.indexOf('TAL'));
  });

  it('computes 同比 from the same period of the previous year, converting units', () => {
    set('楚雄高新区', '2021', '地区生产总值', { unit: '万元', value: '3000000' });
    expect(row('楚雄高新区', '2022', '地区生产总值')).toMatchObject({
      previous: { value: '3000000', unit: '万元' },
      computedGrowth: '11.2', // 333.52 / 300 − 1 = 11.17 %
    });
  });

  it('compares cumulative spans with the same span a year earlier', () => {
    set('昆明高新区', '2017M1-4', '引进内资', { value: '40' });
    expect(row('昆明高新区', '2018M1-4', '引进内资')).toMatchObject({ previous: { value: '40' }, computedGrowth: '13.8' });
  });

  it('gives a change of a share in percentage points', () => {
    set('昆明高新区', '2016', '特色产业收入占园区总收入比重', { value: '70' });
    set('昆明高新区', '2017', '特色产业收入占园区总收入比重', { value: '72.5', qualifier: '' });
    expect(row('昆明高新区', '2017', '特色产业收入占园区总收入比重').computedGrowth).toBe('2.5');
  });

  it('computes no growth from approximate figures, across currencies, or from a zero base', () => {
    set('昆明高新区', '2016', '园区总收入', { value: '1800' });
    expect(row('昆明高新区', '2017', '园区总收入').computedGrowth).toBeNull(); // 突破2000
    set('昆明高新区', '2016', '进出口总额', { value: '100' }); // 亿元 vs 16.5 亿美元
    expect(row('昆明高新区', '2017', '进出口总额').computedGrowth).toBeNull();
    set('楚雄高新区', '2021', '竣工项目数', { value: '0' });
    expect(row('楚雄高新区', '2022', '竣工项目数').computedGrowth).toBeNull();
  });
});
