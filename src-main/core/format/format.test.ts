import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../shared/figure/exact.ts';
import { formatFigure, formatGrowth, formatNumber, formatRange, formatRate, unitText } from './index.ts';

const UP = { rounding: 'half-up' } as const;
const EVEN = { rounding: 'half-even' } as const;
const mode = (m: RoundingMode) => ({ rounding: m });

describe('unitText', () => {
  it.each([
    ['工作日', '个工作日'],
    ['亿元', '亿元'],
    ['个', '个'],
    ['%', '%'],
    ['人', '人'],
  ])('%s → %s', (unit, want) => expect(unitText(unit)).toBe(want));
});

describe('formatNumber: money, every pair of 元/千元/万元/亿元', () => {
  it.each([
    ['123456', '元', '千元', 2, '123.46'],
    ['123456', '元', '万元', 2, '12.35'],
    ['333520000', '元', '亿元', 2, '3.34'],
    ['1.5', '千元', '元', 0, '1500'],
    ['6950', '千元', '万元', 2, '695.00'],
    ['6950', '千元', '亿元', 2, '0.07'],
    ['1.2345', '万元', '元', 0, '12345'],
    ['6950', '万元', '千元', 0, '69500'],
    ['6950', '万元', '亿元', 2, '0.70'],
    ['333.52', '亿元', '元', 0, '33352000000'],
    ['333.52', '亿元', '千元', 0, '33352000'],
    ['333.52', '亿元', '万元', 2, '3335200.00'],
    ['333.52', '亿元', '万元', 0, '3335200'],
    ['9194.35', '万美元', '亿美元', 2, '0.92'],
    ['15120000', '美元', '万美元', 0, '1512'],
    ['16.5', '亿美元', '万美元', 0, '165000'],
  ] as const)('%s %s → %s at %d places: %s', (v, from, to, d, want) => expect(formatNumber(v, from, to, d, UP)).toBe(want));
});

describe('formatNumber: no conversion across currencies or dimensions', () => {
  it.each([
    ['1512', '万美元', '亿元'],
    ['1512', '万美元', '万元'],
    ['5', '亿元', '亿美元'],
    ['100', '美元', '元'],
    ['5', '亿元', '人'],
    ['30', '%', '亿元'],
    ['100', '亩', '个'],
    ['35', '工作日', '个'],
    ['5', '台', '个'],
  ])('%s %s → %s is null', (v, from, to) => expect(formatNumber(v, from, to, 2, UP)).toBeNull());
});

describe('formatNumber: area (亩/公顷/平方公里)', () => {
  it.each([
    ['1500', '亩', '平方公里', 2, UP, '1.00'],
    ['3000', '亩', '平方公里', 0, UP, '2'],
    ['1', '亩', '平方公里', 4, UP, '0.0007'],
    ['2.5', '平方公里', '亩', 0, UP, '3750'],
    ['0.01', '平方公里', '亩', 0, UP, '15'],
    ['250', '公顷', '平方公里', 2, UP, '2.50'],
    ['1.234', '平方公里', '公顷', 1, UP, '123.4'],
    ['15', '亩', '公顷', 0, UP, '1'],
    ['100', '亩', '公顷', 2, UP, '6.67'],
    ['3.75', '亩', '公顷', 1, UP, '0.3'], // exactly 0.25
    ['3.75', '亩', '公顷', 1, EVEN, '0.2'],
    ['0.75', '亩', '公顷', 1, UP, '0.1'], // exactly 0.05
    ['0.75', '亩', '公顷', 1, EVEN, '0.0'],
    ['1', '公顷', '亩', 0, UP, '15'],
    ['0.1', '公顷', '亩', 1, UP, '1.5'],
  ] as const)('%s %s → %s at %d (%o): %s', (v, from, to, d, o, want) => expect(formatNumber(v, from, to, d, o)).toBe(want));
});

describe('formatNumber: same unit keeps the places reported, rounds only extra places', () => {
  it.each([
    ['192.5', '亿元', 2, '192.5'],
    ['192.50', '亿元', 2, '192.50'],
    ['1512', '万美元', 2, '1512'],
    ['9194.35', '万美元', 2, '9194.35'],
    ['333.521', '亿元', 2, '333.52'],
    ['333.529', '亿元', 2, '333.53'],
    ['2000', '亿元', 2, '2000'],
    ['12000', '人', 0, '12000'],
    ['2.5', '项', 0, '3'],
    ['5', '台', 0, '5'], // a unit outside the table still writes in itself
  ] as const)('%s %s at %d places: %s', (v, unit, d, want) => expect(formatNumber(v, unit, unit, d, UP)).toBe(want));
});

describe('formatNumber: ties in both rounding modes (digits the binary float gets wrong)', () => {
  it.each([
    ['1.005', 2, 'half-up', '1.01'],
    ['1.005', 2, 'half-even', '1.00'],
    ['2.675', 2, 'half-up', '2.68'],
    ['2.675', 2, 'half-even', '2.68'],
    ['0.125', 2, 'half-up', '0.13'],
    ['0.125', 2, 'half-even', '0.12'],
    ['0.135', 2, 'half-even', '0.14'],
    ['8.345', 2, 'half-up', '8.35'],
    ['8.345', 2, 'half-even', '8.34'],
    ['1.015', 2, 'half-even', '1.02'],
    ['1.0051', 2, 'half-even', '1.01'],
    ['1.0049', 2, 'half-up', '1.00'],
    ['2.5', 0, 'half-up', '3'],
    ['2.5', 0, 'half-even', '2'],
    ['3.5', 0, 'half-even', '4'],
    ['42.45', 1, 'half-up', '42.5'],
    ['42.45', 1, 'half-even', '42.4'],
    ['42.55', 1, 'half-even', '42.6'],
  ] as const)('%s at %d places (%s): %s', (v, d, m, want) => expect(formatNumber(v, '亿元', '亿元', d, mode(m))).toBe(want));

  it.each([
    ['6950', '万元', '亿元', 2, 'half-up', '0.70'],
    ['6950', '万元', '亿元', 2, 'half-even', '0.70'],
    ['6850', '万元', '亿元', 2, 'half-up', '0.69'],
    ['6850', '万元', '亿元', 2, 'half-even', '0.68'],
    ['1005', '万元', '亿元', 3, 'half-up', '0.101'],
    ['1005', '万元', '亿元', 3, 'half-even', '0.100'],
    ['12345', '元', '万元', 3, 'half-up', '1.235'],
    ['12345', '元', '万元', 3, 'half-even', '1.234'],
    ['125', '千元', '亿元', 4, 'half-even', '0.0012'],
    ['125', '千元', '亿元', 4, 'half-up', '0.0013'],
  ] as const)('%s %s → %s at %d (%s): %s', (v, from, to, d, m, want) => expect(formatNumber(v, from, to, d, mode(m))).toBe(want));
});

describe('formatNumber: negatives, zero, huge values', () => {
  it.each([
    ['-3.25', '亿元', '亿元', 1, 'half-up', '-3.3'],
    ['-3.25', '亿元', '亿元', 1, 'half-even', '-3.2'],
    ['-12.5', '万元', '万元', 2, 'half-up', '-12.5'],
    ['-6950', '万元', '亿元', 2, 'half-up', '-0.70'],
    ['-0.004', '亿元', '亿元', 2, 'half-up', '0.00'],
    ['-40', '万元', '亿元', 2, 'half-up', '0.00'],
    ['0', '亿元', '亿元', 2, 'half-up', '0'],
    ['0.0', '亿元', '亿元', 2, 'half-up', '0.0'],
    ['0.000', '亿元', '亿元', 2, 'half-up', '0.00'],
    ['0', '万元', '亿元', 2, 'half-up', '0.00'],
    ['123456789012345.67', '亿元', '亿元', 2, 'half-up', '123456789012345.67'],
    ['123456789012345.67', '亿元', '亿元', 1, 'half-up', '123456789012345.7'],
    ['123456789012345.67', '万元', '亿元', 2, 'half-up', '12345678901.23'],
    ['123456789012345.67', '亿元', '元', 0, 'half-up', '12345678901234567000000'],
    ['123456789012345.67', '元', '亿元', 4, 'half-up', '1234567.8901'],
    ['99999999999999.995', '亿元', '亿元', 2, 'half-up', '100000000000000.00'],
    ['99999999999999.985', '亿元', '亿元', 2, 'half-even', '99999999999999.98'],
  ] as const)('%s %s → %s at %d (%s): %s', (v, from, to, d, m, want) => expect(formatNumber(v, from, to, d, mode(m))).toBe(want));

  it.each([
    ['abc', 2],
    ['1e5', 2],
    ['', 2],
    ['1.5', -1],
    ['1.5', 1.5],
  ])('refuses value %j at %d places', (v, d) => expect(() => formatNumber(v, '亿元', '亿元', d, UP)).toThrow(RangeError));
});

describe('formatFigure', () => {
  type Fig = { value: string; unit: string; qualifier: string | null };
  const fig = (value: string, unit: string, qualifier: string | null = null): Fig => ({ value, unit, qualifier });
  it.each([
    [fig('333.52', '亿元'), 2, {}, '333.52亿元'],
    [fig('2000', '亿元', '突破'), 2, {}, '突破2000亿元'],
    [fig('569', '人', '余'), 0, {}, '569余人'],
    [fig('80', '%', '近'), 1, {}, '近80%'],
    [fig('35', '工作日'), 0, {}, '35个工作日'],
    [fig('10', '%', '左右'), 1, {}, '10%左右'],
    [fig('30', '%', '以上'), 1, {}, '30%以上'],
    [fig('20', '户', '不少于'), 0, {}, '不少于20户'],
    [fig('30', '个', '多'), 0, {}, '30多个'],
    [fig('5', '亿元', '约'), 2, {}, '约5亿元'],
    [fig('1000', '亿元', '超'), 2, {}, '超1000亿元'],
    [fig('100', '亿元', '逾'), 2, {}, '逾100亿元'],
    [fig('30', '工作日', '余'), 0, {}, '30余个工作日'],
    [fig('20', '工作日', '以上'), 0, {}, '20个工作日以上'],
    [fig('12000', '人'), 0, {}, '12000人'],
    [fig('9194.35', '万美元'), 2, { toUnit: null }, '9194.35万美元'],
    [fig('-3.5', '亿元'), 2, {}, '-3.5亿元'],
    [fig('46.214', '亿元'), 2, {}, '46.21亿元'],
    [fig('0.125', '亿元'), 2, { rounding: 'half-even' }, '0.12亿元'],
    [fig('0.125', '亿元'), 2, {}, '0.13亿元'],
    [fig('6950', '万元'), 2, { toUnit: '亿元' }, '0.70亿元'],
    [fig('6950', '万元', '约'), 2, { toUnit: '亿元' }, '约0.70亿元'],
    [fig('2000', '亿元', '突破'), 0, { toUnit: '万元' }, '突破20000000万元'],
    [fig('333.52', '亿元', '突破'), 2, { bare: true }, '333.52'],
    [fig('6950', '万元', '近'), 2, { toUnit: '亿元', bare: true }, '0.70'],
    [fig('35', '工作日'), 0, { bare: true }, '35'],
    [fig('42', '个', ''), 0, {}, '42个'],
    [fig('1512', '万美元'), 2, { toUnit: '亿元' }, null],
    [fig('1512', '万美元'), 2, { toUnit: '亿元', bare: true }, null],
  ] as const)('%o at %d places %o: %s', (f, decimals, extra, want) =>
    expect(formatFigure(f, { decimals }, { rounding: 'half-up', ...extra })).toBe(want),
  );

  it('refuses an unknown qualifier rather than dropping it', () =>
    expect(() => formatFigure(fig('5', '亿元', '大约'), { decimals: 2 }, UP)).toThrow(RangeError));
});

describe('formatGrowth', () => {
  it.each([
    // rise
    ['42.5', UP, '增长42.5%'],
    ['14.2', UP, '增长14.2%'],
    ['10', UP, '增长10%'],
    ['0.5', UP, '增长0.5%'],
    ['12.90', UP, '增长12.9%'],
    ['99.9', UP, '增长99.9%'],
    ['99.94', UP, '增长99.9%'],
    // fall: never 增长-3.2%, never 减少N倍
    ['-3.2', UP, '下降3.2%'],
    ['-0.5', UP, '下降0.5%'],
    ['-100', UP, '下降100%'],
    ['-150', UP, '下降150%'],
    // zero, also once rounded to one place
    ['0', UP, '持平'],
    ['0.0', UP, '持平'],
    ['-0', UP, '持平'],
    ['0.04', UP, '持平'],
    ['-0.04', UP, '持平'],
    ['0.05', UP, '增长0.1%'],
    ['0.05', EVEN, '持平'],
    // one place at most, by the rounding setting
    ['42.55', UP, '增长42.6%'],
    ['42.55', EVEN, '增长42.6%'],
    ['42.45', UP, '增长42.5%'],
    ['42.45', EVEN, '增长42.4%'],
    ['-42.45', UP, '下降42.5%'],
    ['-42.45', EVEN, '下降42.4%'],
    // 100% and more in 倍 of the increase
    ['100', UP, '增长1倍'],
    ['100.0', UP, '增长1倍'],
    ['150', UP, '增长1.5倍'],
    ['200', UP, '增长2倍'],
    ['99.96', UP, '增长1倍'],
    ['124.96', UP, '增长1.2倍'],
    ['125', UP, '增长1.3倍'],
    ['125', EVEN, '增长1.2倍'],
    ['305', UP, '增长3.1倍'],
    ['305', EVEN, '增长3倍'],
    ['1234.5', UP, '增长12.3倍'],
  ] as const)('%s (%o) → %s', (g, o, want) => expect(formatGrowth(g, o)).toBe(want));

  it.each([
    ['2.1', UP, '提高2.1个百分点'],
    ['-0.5', UP, '下降0.5个百分点'],
    ['0', UP, '持平'],
    ['0.04', UP, '持平'],
    ['150', UP, '提高150个百分点'],
    ['2.15', EVEN, '提高2.2个百分点'],
    ['2.25', EVEN, '提高2.2个百分点'],
    ['2.25', UP, '提高2.3个百分点'],
    ['-2.25', UP, '下降2.3个百分点'],
  ] as const)('points: %s (%o) → %s', (g, o, want) => expect(formatGrowth(g, { ...o, points: true })).toBe(want));

  it.each([
    ['10', '左右', false, '增长10%左右'],
    ['30', '以上', false, '增长30%以上'],
    ['10', '近', false, '增长近10%'],
    ['10', '约', false, '增长约10%'],
    ['10', '超', false, '增长超10%'],
    ['10', '逾', false, '增长逾10%'],
    ['10', '突破', false, '增长突破10%'],
    ['10', '不少于', false, '增长不少于10%'],
    ['10', '余', false, '增长10余%'],
    ['10', '多', false, '增长10多%'],
    ['10', null, false, '增长10%'],
    ['-10', '近', false, '下降近10%'],
    ['-5', '左右', false, '下降5%左右'],
    ['200', '超', false, '增长超2倍'],
    ['150', '左右', false, '增长1.5倍左右'],
    ['2', '近', true, '提高近2个百分点'],
    ['-1', '以上', true, '下降1个百分点以上'],
    ['0', '左右', false, '基本持平'],
    ['0', '约', false, '基本持平'],
    ['0', '近', true, '基本持平'],
    ['0', '超', false, '持平'],
  ] as const)('%s with %s (points %s) → %s', (g, q, points, want) =>
    expect(formatGrowth(g, { rounding: 'half-up', qualifier: q, points })).toBe(want),
  );

  it('refuses an unknown qualifier', () => expect(() => formatGrowth('10', { ...UP, qualifier: '大约' })).toThrow(RangeError));
  it('refuses a growth that is not a number', () => expect(() => formatGrowth('10%', UP)).toThrow(RangeError));
});

describe('formatRate', () => {
  it.each([
    ['14.2', UP, false, '14.2%'],
    ['-3.2', UP, false, '-3.2%'],
    ['10', UP, false, '10%'],
    ['0', UP, false, '0%'],
    ['0.0', UP, false, '0.0%'],
    ['-0.04', UP, false, '0.0%'],
    ['150', UP, false, '150%'],
    ['42.55', EVEN, false, '42.6%'],
    ['42.45', EVEN, false, '42.4%'],
    ['42.45', UP, false, '42.5%'],
    ['2.1', UP, true, '2.1个百分点'],
    ['-0.5', UP, true, '-0.5个百分点'],
    ['2.25', EVEN, true, '2.2个百分点'],
  ] as const)('%s (%o, points %s) → %s', (g, o, points, want) => expect(formatRate(g, { ...o, points })).toBe(want));

  it.each([
    ['30', '以上', false, '30%以上'],
    ['10', '左右', false, '10%左右'],
    ['10', '近', false, '近10%'],
    ['2', '超', true, '超2个百分点'],
  ] as const)('%s with %s (points %s) → %s', (g, qualifier, points, want) => expect(formatRate(g, { ...UP, points, qualifier })).toBe(want));

  it('refuses a qualifier it does not know rather than dropping it', () => {
    expect(() => formatRate('10', { ...UP, qualifier: '大约' })).toThrow(RangeError);
  });
});

describe('formatRange', () => {
  it.each([
    ['9', '16', '亿元', {}, '9亿～16亿元'],
    ['15', '30', '%', {}, '15%～30%'],
    ['20', '30', '个', {}, '20～30个'],
    ['13', '17', '万元', {}, '13万～17万元'],
    ['12500', '20000', '元', {}, '12500～20000元'],
    ['1.5', '2', '千元', {}, '1.5千～2千元'],
    ['100', '200', '万美元', {}, '100万～200万美元'],
    ['1', '2', '亿美元', {}, '1亿～2亿美元'],
    ['100', '200', '美元', {}, '100～200美元'],
    ['100', '200', '亩', {}, '100～200亩'],
    ['20', '30', '工作日', {}, '20～30个工作日'],
    ['3', '5', '台', {}, '3～5台'],
    ['2', '10', '%', {}, '2%～10%'],
    ['-36', '-8', '%', {}, '-36%～-8%'],
    ['-3', '2', '%', {}, '-3%～2%'],
    ['5', '5', '个', {}, '5～5个'],
    ['9.10', '16', '亿元', {}, '9.10亿～16亿元'],
    ['9.125', '16.5', '亿元', { decimals: 2 }, '9.13亿～16.5亿元'],
    ['9.125', '16.5', '亿元', { decimals: 2, rounding: 'half-even' }, '9.12亿～16.5亿元'],
  ] as const)('%s, %s, %s (%o) → %s', (lo, hi, unit, extra, want) =>
    expect(formatRange(lo, hi, unit, { rounding: 'half-up', ...extra })).toBe(want),
  );

  it.each([
    ['16', '9', '亿元'],
    ['1.51', '1.5', '%'],
    ['-1', '-2', '%'],
    ['10', '2', '个'],
    ['abc', '2', '%'],
  ])('refuses %s～%s %s', (lo, hi, unit) => expect(() => formatRange(lo, hi, unit, UP)).toThrow(RangeError));
});

describe('the module itself', () => {
  it('never calls Number.prototype.toFixed', () => {
    const dir = new URL('.', import.meta.url);
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(0);
    for (const f of sources) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toMatch(/\.toFixed\s*\(/);
  });
});
