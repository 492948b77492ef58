import { describe, expect, it } from 'vitest';
import { fromDecimal, normalizeNumberText, parseDecimal, readExact, roundRational, sameDecimal, terminatingPlaces, writeExact } from './exact.ts';

describe('parseDecimal', () => {
  it.each([
    ['333.52', '333.52'],
    ['  333.50 ', '333.50'],
    ['３３３．５２', '333.52'],
    ['1,234,567.8', '1234567.8'],
    ['+5', '5'],
    ['-3.20', '-3.20'],
    ['007', '7'],
    ['0', '0'],
    ['-0', '0'],
    ['0.05', '0.05'],
  ])('%j → %j', (raw, want) => expect(parseDecimal(raw)).toBe(want));

  it.each(['abc', '', '1e5', '1.2.3', '12%', 'NaN', 'Infinity', '--1', '1,23', '三百', '0x10'])('refuses %j', (raw) =>
    expect(parseDecimal(raw)).toBeNull(),
  );

  it('normalises an IME comma and space', () => expect(normalizeNumberText('１，２３４　')).toBe('1234'));
});

describe('roundRational (never toFixed, never a float)', () => {
  it.each([
    ['1.005', 2, 'half-up', '1.01'], // toFixed gives 1.00
    ['1.005', 2, 'half-even', '1.00'],
    ['2.5', 0, 'half-even', '2'],
    ['3.5', 0, 'half-even', '4'],
    ['2.5', 0, 'half-up', '3'],
    ['11.17333', 1, 'half-up', '11.2'],
    ['-3.25', 1, 'half-up', '-3.3'],
    ['-0.04', 1, 'half-up', '0.0'],
    ['0.000123', 4, 'half-up', '0.0001'],
    ['1234567.891', 2, 'half-up', '1234567.89'],
    ['42.5', 1, 'half-up', '42.5'],
    ['0.0000001', 2, 'half-up', '0.00'],
    ['1.05', 1, 'half-up', '1.1'], // 同比 of 200 → 202.1
    ['1.05', 1, 'half-even', '1.0'],
  ] as const)('%s to %d places (%s) → %s', (x, p, mode, want) => expect(writeExact(roundRational(fromDecimal(x), p, mode))).toBe(want));

  it('rounds a quotient exactly: 1/3 and 2/3 at 2 places', () => {
    expect(writeExact(roundRational({ num: 1n, den: 3n }, 2, 'half-up'))).toBe('0.33');
    expect(writeExact(roundRational({ num: -2n, den: 3n }, 2, 'half-even'))).toBe('-0.67');
  });

  it('refuses what is not a decimal', () => {
    expect(() => readExact('NaN')).toThrow(RangeError);
    expect(() => readExact('Infinity')).toThrow(RangeError);
  });
});

describe('sameDecimal and terminatingPlaces', () => {
  it('80 and 80.0 are one number; 80 and 8 are not', () => {
    expect(sameDecimal('80', '80.0')).toBe(true);
    expect(sameDecimal('-0.50', '-0.5')).toBe(true);
    expect(sameDecimal('80', '8')).toBe(false);
    expect(sameDecimal(null, null)).toBe(true);
    expect(sameDecimal('0', null)).toBe(false);
  });
  it('1/10^4 terminates after 4 places, 1/1500 never', () => {
    expect(terminatingPlaces(10000n)).toBe(4);
    expect(terminatingPlaces(8n)).toBe(3);
    expect(terminatingPlaces(1500n)).toBeNull();
  });
});
