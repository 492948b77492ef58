import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodKey, periodLabel, previousYearKey } from './period-key.ts';
import { figureText } from './figure/qualifiers.ts';
import { compatibleUnits, conversionRatio } from './figure/units.ts';

describe('period keys', () => {
  it.each([
    ['2022', '2022', '2022年', '2021'],
    ['2022Q3', '2022Q3', '2022年第三季度', '2021Q3'],
    ['2022q1', '2022Q1', '2022年第一季度', '2021Q1'],
    ['2018M1-4', '2018M1-4', '2018年1—4月', '2017M1-4'],
    ['2018m4', '2018M4', '2018年4月', '2017M4'],
    ['2018M4-4', '2018M4', '2018年4月', '2017M4'],
  ])('%s → %s, %s, previous %s', (raw, key, label, prev) => {
    const p = parsePeriodKey(raw)!;
    expect(periodKey(p)).toBe(key);
    expect(periodLabel(p)).toBe(label);
    expect(previousYearKey(p)).toBe(prev);
  });

  it.each(['22', '2022Q5', '2022M0', '2022M13', '2022M5-3', '1800', 'abcd', '2022-01', ''])('refuses %j', (raw) =>
    expect(parsePeriodKey(raw)).toBeNull(),
  );

  it('labels in English too', () => expect(periodLabel(parsePeriodKey('2018M1-4')!, 'en')).toBe('Jan–Apr 2018'));
});

describe('figures as copy writes them', () => {
  it.each([
    ['2000', '亿元', '突破', '突破2000亿元'],
    ['569', '人', '余', '569余人'],
    ['80', '%', '近', '近80%'],
    ['10', '%', '左右', '10%左右'],
    ['20', '户', '不少于', '不少于20户'],
    ['30', '%', '以上', '30%以上'],
    ['333.52', '亿元', null, '333.52亿元'],
  ])('%s %s %s → %s', (n, u, q, want) => expect(figureText(n, u, q)).toBe(want));
});

describe('units', () => {
  it('converts within a dimension only', () => {
    const value = (r: { num: bigint; den: bigint } | null) => r && Number(r.num) / Number(r.den);
    expect(value(conversionRatio('亿元', '万元'))).toBe(10000);
    expect(value(conversionRatio('千元', '亿元'))).toBe(1e-5);
    expect(conversionRatio('亿元', '亿美元')).toBeNull();
    expect(conversionRatio('个', '亿元')).toBeNull();
  });

  it('holds factors no float holds: 3000 亩 is exactly 2 平方公里', () => {
    const r = conversionRatio('亩', '平方公里')!;
    expect(r.num * 3000n).toBe(r.den * 2n);
  });
  it('offers money indicators both currencies, counts only counts', () => {
    expect(compatibleUnits('亿元').map((u) => u.code)).toContain('万美元');
    expect(compatibleUnits('户').every((u) => u.dimension === 'count')).toBe(true);
  });
});
