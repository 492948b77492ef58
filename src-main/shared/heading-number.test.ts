import { describe, expect, it } from 'vitest';
import { chineseNumeral, headingNumberer } from './heading-number.ts';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [120, '一百二十'],
    [999, '九百九十九'],
  ])('%i → %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));

  it('refuses what is not a count', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});

describe('headingNumberer', () => {
  it('numbers 一、（一）1.（1） and restarts a level under a new parent', () => {
    const n = headingNumberer();
    expect([1, 2, 2, 3, 4, 4, 3, 1, 2, 3, 1].map(n)).toEqual(['一、', '（一）', '（二）', '1.', '（1）', '（2）', '2.', '二、', '（一）', '1.', '三、']);
  });

  it('clamps levels outside 1–4 and counts past ten', () => {
    const n = headingNumberer();
    expect([0, 9].map(n)).toEqual(['一、', '（1）']);
    const m = headingNumberer();
    expect(Array.from({ length: 12 }, () => m(1)).slice(9)).toEqual(['十、', '十一、', '十二、']);
  });
});
