import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../../../../src-main/shared/heading-number.ts';
import { issueLine, numberHeadings } from './numbering.ts';

describe('bulletin numbering', () => {
  it('writes Chinese numerals', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
  });

  it('numbers headings by level, restarting lower levels', () => {
    expect(numberHeadings([1, 2, 2, 3, 4, 3, 1, 2, 3])).toEqual(['一、', '（一）', '（二）', '1.', '（1）', '2.', '二、', '（一）', '1.']);
  });

  it('prints an issue number', () => {
    expect(issueLine('3')).toBe('第3期');
    expect(issueLine('3', '56')).toBe('第3期（总第56期）');
    expect(issueLine('3', ' ')).toBe('第3期');
    expect(issueLine('总第12期')).toBe('总第12期');
  });
});
