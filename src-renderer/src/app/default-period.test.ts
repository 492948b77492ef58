import { describe, expect, it } from 'vitest';
import type { Period, PeriodUse } from '../../../src-main/shared/model.ts';
import { defaultPeriod, keepsPeriod, usedByPark } from './default-period.ts';

const period = (key: string, use: Partial<PeriodUse>): Period => ({
  id: key,
  key,
  kind: 'year',
  year: Number(key.slice(0, 4)),
  startMonth: 1,
  endMonth: 12,
  label: key,
  use: { actual: 0, target: 0, documents: 0, ...use, figures: (use.actual ?? 0) + (use.target ?? 0) },
});

// 昆明高新区 in the demo store, newest first: 2018 holds only targets, 2018年1—6月 two actual figures, 2017 the year's.
const kunming = [period('2018', { target: 6 }), period('2018M1-6', { actual: 2 }), period('2017', { actual: 30, documents: 1 })];

describe('the period a park opens on', () => {
  it('is the newest with figures of the kind in view, not a year of targets alone under 实际', () => {
    expect(defaultPeriod(kunming, 'actual')?.key).toBe('2018M1-6');
    expect(defaultPeriod(kunming, 'target')?.key).toBe('2018');
  });

  it('falls back to any figures, then a document, then the newest', () => {
    expect(defaultPeriod([period('2019', {}), period('2018', { target: 3 })], 'actual')?.key).toBe('2018');
    expect(defaultPeriod([period('2019', {}), period('2018', { documents: 1 }), period('2017', {})], 'actual')?.key).toBe('2018');
    expect(defaultPeriod([period('2019', {}), period('2018', {})], 'actual')?.key).toBe('2019');
  });

  it('counts a period as the park’s own when it holds figures of either kind or a document', () => {
    expect(kunming.every(usedByPark)).toBe(true);
    expect(usedByPark(period('2016', {}))).toBe(false);
  });

  it('keeps the period in view for another park only where that park has figures of the kind in view (or, without figures, a document)', () => {
    const [targetsOnly, actualSome, annual] = kunming;
    expect(keepsPeriod(targetsOnly!, 'actual')).toBe(false);
    expect(keepsPeriod(targetsOnly!, 'target')).toBe(true);
    expect(keepsPeriod(actualSome!, 'actual')).toBe(true);
    expect(keepsPeriod(annual!, 'actual')).toBe(true);
    expect(keepsPeriod(period('2023', { documents: 1 }), 'actual')).toBe(true);
    expect(keepsPeriod(period('2016', {}), 'actual')).toBe(false);
  });
});
