import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/model.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { groupLines } from './catalog-lines.ts';
import { convertExact, shownGrowth, shownValue } from './shown.ts';
import { ranksOf } from '../../shared/figure/rank.ts';
import { isAdditive, sumExact, totalOf } from './totals.ts';

const fig = (value: string | null, unit: string, qualifier: string | null = null, growth: string | null = null) => ({ value, unit, qualifier, growth, source: null });

describe('figures in the row unit', () => {
  it.each([
    ['6950', '万元', '亿元', '0.695'],
    ['333.52', '亿元', '万元', '3335200'],
    ['18000', '万元', '亿元', '1.8'],
    ['1.005', '亿元', '亿元', '1.005'],
    ['5000', '公顷', '平方公里', '50'],
    ['1500', '亩', '平方公里', '1'],
    ['15120000', '美元', '万美元', '1512'],
    ['-40', '万元', '亿元', '-0.004'],
  ])('%s %s → %s: %s, exactly', (v, from, to, want) => expect(convertExact(v, from, to)).toBe(want));

  it('carries a fraction past what a double holds, and never crosses currencies', () => {
    expect(Number(convertExact('100', '亩', '平方公里'))).toBe(100 / 1500);
    expect(convertExact('16.5', '亿美元', '亿元')).toBeNull();
    expect(convertExact('3', '人', '亿元')).toBeNull();
  });

  it('shows an unconvertible figure as copy writes it, with a note', () => {
    expect(shownValue(fig('16.5', '亿美元'), '亿元')).toEqual({ number: null, text: '16.5亿美元', qualifier: null, ownDecimals: null, note: expect.stringContaining('人民币与美元之间不换算') });
    expect(shownValue(fig('569', '人', '余'), '人')).toEqual({ number: 569, text: null, qualifier: '余', ownDecimals: 0, note: null });
    expect(shownValue(fig(null, '亿元', null, '14.2'), '亿元')).toMatchObject({ number: null, text: null });
    expect(shownValue(undefined, '亿元')).toMatchObject({ number: null, text: null });
  });

  it('takes the reported growth first, computes it otherwise, and keeps a target growth qualifier', () => {
    const gdp = { kind: 'amount' } as StoredIndicator;
    const rate = { kind: 'percent' } as StoredIndicator;
    expect(shownGrowth(gdp, fig('333.52', '亿元', null, '12'), fig('300', '亿元'), 'half-up')).toEqual({ number: 12, points: false, qualifier: null, computed: false });
    expect(shownGrowth(gdp, fig('333.52', '亿元'), fig('300', '亿元'), 'half-up')).toEqual({ number: 11.2, points: false, qualifier: null, computed: true });
    expect(shownGrowth(gdp, fig('3', '亿元'), fig('30000', '万元'), 'half-up')).toMatchObject({ number: 0 });
    expect(shownGrowth(gdp, fig('3', '亿元'), fig('3', '亿美元'), 'half-up')).toBeNull();
    expect(shownGrowth(gdp, fig(null, '亿元', '左右', '10'), undefined, 'half-up')).toEqual({ number: 10, points: false, qualifier: '左右', computed: false });
    expect(shownGrowth(rate, fig('48.5', '%'), fig('45', '%'), 'half-up')).toMatchObject({ number: 3.5, points: true });
    // 200 → 202.1 is 1.05% exactly: the rounding setting decides, as in the grid and the Word export.
    expect(shownGrowth(gdp, fig('202.1', '亿元'), fig('200', '亿元'), 'half-up')).toMatchObject({ number: 1.1, computed: true });
    expect(shownGrowth(gdp, fig('202.1', '亿元'), fig('200', '亿元'), 'half-even')).toMatchObject({ number: 1, computed: true });
    expect(shownGrowth(gdp, fig('2.021', '亿元'), fig('20000', '万元'), 'half-even')).toMatchObject({ number: 1, computed: true });
  });
});

describe('totals and ranks', () => {
  const amount = { kind: 'amount', decimals: 2, unit: '亿元' } as const;
  it('add only what adds up', () => {
    expect(isAdditive({ kind: 'amount', decimals: 2 })).toBe(true);
    expect(isAdditive({ kind: 'area', decimals: 2 })).toBe(true);
    expect(isAdditive({ kind: 'count', decimals: 0 })).toBe(true);
    expect(isAdditive({ kind: 'count', decimals: 1 })).toBe(false); // 2.5 项 is an average
    expect(isAdditive({ kind: 'percent', decimals: 1 })).toBe(false);
    expect(isAdditive({ kind: 'duration', decimals: 0 })).toBe(false);
  });

  it('sum exactly, converting units, and say why there is no total', () => {
    expect(sumExact(['0.1', '0.2', '-0.05'])).toBe('0.25');
    expect(totalOf(amount, [fig('0.1', '亿元'), fig('2000', '万元'), fig('0.2', '亿元')])).toEqual({ number: 0.5, note: null });
    // A park without the figure leaves the column incomplete: no sum that would pass for all parks'.
    expect(totalOf(amount, [fig('1', '亿元'), undefined, fig(null, '亿元', null, '3')], ['甲', '乙', '丙'])).toEqual({
      number: null,
      incomplete: true,
      note: '2个园区（乙、丙）无此数，数据不完整，不计合计。',
    });
    expect(totalOf(amount, [fig('1', '亿元'), fig('2', '亿元', '近')])).toMatchObject({ number: null, note: expect.stringContaining('约数') });
    expect(totalOf(amount, [fig('1', '亿元'), fig('2', '亿美元')])).toMatchObject({ number: null, note: expect.stringContaining('不能换算') });
    expect(totalOf(amount, [undefined, undefined])).toBeNull();
    expect(totalOf({ kind: 'percent', decimals: 1, unit: '%' }, [fig('1', '%')])).toBeNull();
  });

  it('rank the best first, share places on ties, and rank durations shortest first', () => {
    expect(ranksOf({ kind: 'amount' }, [5, 9, null, 9, 1])).toEqual([3, 1, null, 1, 4]);
    expect(ranksOf({ kind: 'duration' }, [35, 5, 20])).toEqual([3, 1, 2]);
    expect(ranksOf({ kind: 'amount' }, [5, null])).toEqual([null, null]);
  });
});

describe('catalogue lines', () => {
  const cat = (code: string, sort: number): Category => ({ code, name: code, nameEn: null, sort });
  let n = 0;
  const ind = (code: string, category: string, parentCode: string | null = null) =>
    ({ id: code, pk: ++n, code, categoryCode: category, name: `名${code}`, parentCode, unit: '亿元', decimals: 2, kind: 'amount' }) as StoredIndicator;
  const view = {
    categories: [cat('A', 1), cat('B', 2)],
    indicators: [ind('A1', 'A'), ind('A2', 'A'), ind('A3', 'A', 'A1'), ind('A4', 'A', 'A1'), ind('A5', 'A', 'A3'), ind('B1', 'B', 'A1'), ind('C1', 'A', 'C2'), ind('C2', 'A', 'C1')],
    onlyPark: new Map<number, number>(),
  };
  const flat = (keep?: (i: StoredIndicator) => boolean) => groupLines(view, keep).map((g) => [g.category.code, g.slots.map((s) => `${s.ind.code}:${s.row.depth}${s.row.lead ? '*' : ''}`)]);

  it('put children right under their parent, the first one leading with 其中', () => {
    expect(flat()).toEqual([
      ['A', ['A1:0', 'A3:1*', 'A5:2*', 'A4:1', 'A2:0', 'C1:0', 'C2:1*']],
      ['B', ['B1:0']], // its parent is in another category
    ]);
  });

  it('keep a parent for a kept child, and drop empty categories', () => {
    expect(flat((i) => i.code === 'A5')).toEqual([['A', ['A1:0', 'A3:1*', 'A5:2*']]]);
    expect(flat((i) => i.code === 'A4')).toEqual([['A', ['A1:0', 'A4:1*']]]);
  });
});
