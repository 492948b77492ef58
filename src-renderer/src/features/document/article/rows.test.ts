import { describe, expect, it } from 'vitest';
import type { ReviewFigure } from '../../../../../src-main/shared/extraction.ts';
import { acceptConfident, acceptedFigures, conflicts, correct, counts, decide, initialRows } from './rows.ts';

function figure(over: Partial<ReviewFigure>): ReviewFigure {
  return {
    indicator: '地区生产总值',
    code: 'E01',
    value: '333.52',
    unit: '亿元',
    qualifier: null,
    growth: null,
    growthUnit: null,
    baseline: null,
    kind: 'actual',
    period: '2022',
    start: 10,
    end: 18,
    quote: '全区实现地区生产总值333.52亿元',
    parts: { value: { start: 10, end: 18 }, growth: null, baseline: null },
    baselineBare: false,
    proposal: { name: '地区生产总值', unit: '亿元', categoryCode: 'ECO', decimals: 2 },
    confidence: 'high',
    doubts: [],
    parenthetical: false,
    indicatorId: null,
    stored: null,
    status: 'new',
    ...over,
  };
}

describe('review rows', () => {
  const figs = [figure({}), figure({ indicator: '产能', code: null, value: '520', start: 30, end: 36, confidence: 'low', doubts: ['duplicate'] }), figure({ indicator: '产能', code: null, value: '120', start: 50, end: 56 })];

  it('accepting the confident rows leaves low-confidence and decided rows alone', () => {
    const rows = acceptConfident(decide(initialRows(figs, '2022'), 2, 'dropped'));
    expect(rows.map((r) => r.decision)).toEqual(['accepted', 'pending', 'dropped']);
    expect(counts(rows)).toEqual({ accepted: 1, pending: 1, dropped: 1 });
  });

  it('two accepted rows with one indicator and period but other figures conflict until one is corrected', () => {
    let rows = decide(decide(initialRows(figs, '2022'), 1, 'accepted'), 2, 'accepted');
    expect([...conflicts(rows)]).toEqual([2]);
    const r = correct(rows, 2, { ...rows[2]!.fields, indicator: '高端装备产能' });
    if (!('rows' in r)) throw new Error('refused');
    rows = r.rows;
    expect(conflicts(rows).size).toBe(0);
    const applied = acceptedFigures(rows, '2022');
    expect(applied.map((f) => [f.indicator, f.code, f.value])).toEqual([
      ['产能', null, '520'],
      ['高端装备产能', null, '120'],
    ]);
  });

  it('a correction that is not a number is refused, naming the field', () => {
    const rows = initialRows(figs, '2022');
    expect(correct(rows, 0, { ...rows[0]!.fields, value: '三百' })).toEqual({ invalid: 'value' });
    expect(correct(rows, 0, { ...rows[0]!.fields, period: '去年' })).toEqual({ invalid: 'period' });
  });

  it('a corrected indicator name is no longer the catalogue code; dropped rows are not applied', () => {
    const rows = decide(initialRows(figs, '2022'), 0, 'accepted');
    const r = correct(rows, 0, { ...rows[0]!.fields, indicator: '园区生产总值', value: '340' });
    if (!('rows' in r)) throw new Error('refused');
    expect(acceptedFigures(r.rows, '2022')).toMatchObject([{ indicator: '园区生产总值', code: null, value: '340', unit: '亿元' }]);
  });
});
