import { describe, expect, it } from 'vitest';
import type { ChartFigure, RankData } from '../../../../src-main/shared/chart/model.ts';
import { overviewRows } from './overview-rows.ts';

const fig = (value: string, unit: string, qualifier: string | null = null): ChartFigure => ({ value, unit, qualifier, growth: null });
const parks = ['甲园', '乙园', '丙园', '丁园'].map((name) => ({ id: name, name }));
const period = { id: '2022', key: '2022', label: '2022年' };

describe('the overview table of one indicator', () => {
  it('lists parks by place, each figure in the indicator unit, 同比 computed once, another currency shown as reported and unranked', () => {
    const data: RankData = {
      kind: 'rank',
      period,
      indicator: { id: 'g', name: '地区生产总值', unit: '亿元', decimals: 2, kind: 'amount' },
      parks,
      figures: [fig('300', '亿元'), fig('28.6', '亿美元'), fig('3500000', '万元'), null],
      previous: [fig('250', '亿元'), null, fig('300', '亿元'), null],
      rounding: 'half-up',
    };
    expect(overviewRows(data).map((r) => [r.rank, r.park, r.figure, r.growth, r.excluded])).toEqual([
      [1, '丙园', '350亿元', '16.7%', false],
      [2, '甲园', '300亿元', '20%', false],
      [null, '乙园', '28.6亿美元', null, true],
      [null, '丁园', null, null, false],
    ]);
  });

  it('words an approximate figure as copy does and a rate change in 个百分点', () => {
    const data: RankData = {
      kind: 'rank',
      period,
      indicator: { id: 's', name: '特色产业收入占比', unit: '%', decimals: 1, kind: 'percent' },
      parks: parks.slice(0, 2),
      figures: [fig('80', '%', '近'), fig('75.5', '%')],
      previous: [fig('70', '%'), fig('73', '%')],
      rounding: 'half-up',
    };
    expect(overviewRows(data).map((r) => [r.park, r.figure, r.growth])).toEqual([
      ['甲园', '近80%', null],
      ['乙园', '75.5%', '2.5个百分点'],
    ]);
  });
});
