// A stored figure in another unit of its dimension, exactly: 万元 → 亿元 is a decimal shift, 亩 →
// 平方公里 a division by 1500, never a float product and never across currencies. Tables and charts
// both show figures in the row's (the indicator's) unit through this.

import { readExact, scaleAndRound, terminatingPlaces, trimZeros, writeExact } from './exact.ts';
import { conversionRatio } from './units.ts';

/** Places after which a conversion by a fraction such as 1/1500 stops: beyond what a double holds. */
const FRACTION_PLACES = 17;

/**
 * `value` (a stored decimal) in `to`, exact as a decimal string; null when the units do not
 * convert. A power-of-ten ratio (万元 → 亿元) gives every digit; a fraction (亩 → 平方公里) is
 * carried further than a spreadsheet number or a chart coordinate can show.
 */
export function convertExact(value: string, from: string, to: string): string | null {
  if (from === to) return value;
  const ratio = conversionRatio(from, to);
  if (ratio === null) return null;
  const x = readExact(value);
  const places = x.scale + (terminatingPlaces(ratio.den) ?? FRACTION_PLACES);
  return writeExact(trimZeros(scaleAndRound(x, ratio, places, 'half-up')));
}
