import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../history/change-log.ts';
import { getParkRow } from '../repos/parks.ts';
import { ensurePeriod, getPeriodRow } from '../repos/periods.ts';
import type { TempStore } from '../../../test/support/temp-store.ts';
import { writeValuesBulk } from '../values/bulk-write.ts';
import { tableColumns, yearColumns } from './period-columns.ts';
import { CX, KM, xlsxStore } from '../../../test/support/xlsx-fixture.ts';

let s: TempStore;
beforeAll(() => {
  s = xlsxStore();
  const keys = ['2021Q4', '2022Q1', '2022Q2', '2022Q3', '2017M1-4', '2016M1-4', '2017M1-3'];
  writeBatch(s.ctx, '期别', (log) => keys.forEach((k) => ensurePeriod(s.ctx, log, k)));
  const gdp = s.indicatorId('地区生产总值');
  writeValuesBulk(
    s.ctx,
    '季度与累计',
    [...keys.slice(0, 4).map((k) => [CX, k] as const), [KM, '2017M1-4'] as const, [KM, '2017M1-3'] as const].map(([park, period]) => ({
      ...s.ids(park, period),
      kind: 'actual' as const,
      indicatorId: gdp,
      value: '10',
    })),
  );
});
afterAll(() => s.dispose());

const keysOf = (park: string, period: string, kind: 'actual' | 'target' = 'actual') => {
  const { parkId, periodId } = s.ids(park, period);
  return tableColumns(s.ctx.db, getParkRow(s.ctx.db, parkId), getPeriodRow(s.ctx.db, periodId), kind).map((p) => p.key);
};

describe('default period columns', () => {
  it('are the period and up to four earlier ones of the same kind that the park has figures for', () => {
    expect(keysOf(CX, '2022')).toEqual(['2020', '2021', '2022']);
    expect(keysOf(CX, '2022Q3')).toEqual(['2021Q4', '2022Q1', '2022Q2', '2022Q3']);
    expect(keysOf(KM, '2018M1-4')).toEqual(['2017M1-4', '2018M1-4']); // same span only, not 2017M1-3
    expect(keysOf(KM, '2018', 'target')).toEqual(['2018']);
    expect(keysOf(CX, '2021')).toEqual(['2020', '2021']); // never a later one
  });
});

describe('--years', () => {
  const years = (t: string) => yearColumns(s.ctx.db, t).map((p) => p.key);
  it('picks the years the store has', () => {
    expect(years('2018-2022')).toEqual(['2018', '2020', '2021', '2022']);
    expect(years('2018—2022年')).toEqual(['2018', '2020', '2021', '2022']);
    expect(years('2022，2017')).toEqual(['2017', '2022']);
    expect(years('2017')).toEqual(['2017']);
  });
  it.each([['2022-2018'], ['20x2'], ['2018-'], [''], ['1800-1801']])('refuses %j as not a year range', (t) =>
    expect(() => yearColumns(s.ctx.db, t)).toThrow(expect.objectContaining({ code: 'YEARS_INVALID' })),
  );
  it('refuses a range the store has no year of', () => {
    expect(() => yearColumns(s.ctx.db, '1990-1995')).toThrow(expect.objectContaining({ code: 'YEARS_NONE', message: '库中没有「1990-1995」的年度期别' }));
  });
});
