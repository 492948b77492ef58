import { describe, expect, it } from 'vitest';
import { normalizeNumberText, parseDecimal, roundToString } from './decimal.ts';

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

describe('roundToString (never toFixed)', () => {
  it.each([
    [1.005, 2, 'half-up', '1.01'], // toFixed gives 1.00
    [1.005, 2, 'half-even', '1.00'],
    [2.5, 0, 'half-even', '2'],
    [3.5, 0, 'half-even', '4'],
    [2.5, 0, 'half-up', '3'],
    [11.17333, 1, 'half-up', '11.2'],
    [-3.25, 1, 'half-up', '-3.3'],
    [-0.04, 1, 'half-up', '0.0'],
    [0.000123, 4, 'half-up', '0.0001'],
    [1234567.891, 2, 'half-up', '1234567.89'],
    [42.5, 1, 'half-up', '42.5'],
    [1e-7, 2, 'half-up', '0.00'],
  ] as const)('%d to %d places (%s) → %s', (x, p, mode, want) => expect(roundToString(x, p, mode)).toBe(want));

  it('refuses NaN and Infinity', () => {
    expect(() => roundToString(Number.NaN, 1)).toThrow(RangeError);
    expect(() => roundToString(Infinity, 1)).toThrow(RangeError);
  });
});
