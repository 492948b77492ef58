// Ranges (GB/T 15835-2011): the wave dash "～" between the numbers, the unit repeated on percent
// ("15%～30%") and the magnitude repeated on money ("9亿～16亿元", "13万～17万美元"); other units
// stand once, after the second number ("20～30个", "100～200亩").

import { unitDef, unitText } from '../../shared/figure/units.ts';
import { compareExact, readExact, roundAtMost, writeExact } from '../../shared/figure/exact.ts';
import type { FormatOptions } from './number.ts';

export const RANGE_DASH = '～';

/** What the first number of a range repeats of the unit. */
function repeated(unit: string): string {
  const dim = unitDef(unit)?.dimension;
  if (dim === 'percent') return unit;
  if (dim === 'cny' || dim === 'usd') return /^[千万亿]+/.exec(unit)?.[0] ?? '';
  return '';
}

/**
 * A range as copy writes it: ("9","16","亿元") → "9亿～16亿元", ("15","30","%") → "15%～30%",
 * ("20","30","个") → "20～30个". Each bound keeps its places, rounded to `decimals` when it has more.
 * A low bound above the high one throws RangeError.
 */
export function formatRange(lo: string, hi: string, unit: string, opts: FormatOptions & { decimals?: number }): string {
  const a = readExact(lo);
  const b = readExact(hi);
  if (compareExact(a, b) > 0) throw new RangeError(`range low ${lo} is above high ${hi}`);
  const text = (x: typeof a) => writeExact(opts.decimals === undefined ? x : roundAtMost(x, opts.decimals, opts.rounding));
  return text(a) + repeated(unit) + RANGE_DASH + text(b) + unitText(unit);
}
