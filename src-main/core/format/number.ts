// Figures in copy (DOMAIN.md "Writing figures", GB/T 15835-2011): half-width Arabic digits, no
// thousands separators, the number then the unit, a qualifier where the word stands in copy.

import type { RoundingMode } from '../../shared/figure/exact.ts';
import { figureText, QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { conversionRatio, unitText } from '../../shared/figure/units.ts';
import { readExact, roundAtMost, scaleAndRound, writeExact } from '../../shared/figure/exact.ts';

export interface FormatOptions {
  rounding: RoundingMode;
}

/**
 * A stored decimal string in `fromUnit` written in `toUnit`. Same unit: the figure keeps the places
 * it was reported with ("192.5" stays "192.5"), but is rounded to `decimals` when it has more places.
 * Converted: exact conversion (a decimal shift for 万元→亿元, an exact fraction for 亩→平方公里),
 * then rounded to `decimals` places with trailing zeros kept ("6950" 万元 → "0.70" 亿元 at 2).
 * Null when the units do not convert (different dimensions or currencies, or a unit not in the
 * table). A value that is not a decimal number throws RangeError.
 */
export function formatNumber(value: string, fromUnit: string, toUnit: string, decimals: number, opts: FormatOptions): string | null {
  const x = readExact(value);
  if (fromUnit === toUnit) return writeExact(roundAtMost(x, decimals, opts.rounding));
  const ratio = conversionRatio(fromUnit, toUnit);
  if (ratio === null) return null;
  return writeExact(scaleAndRound(x, ratio, decimals, opts.rounding));
}

/** The stored qualifier, checked: an unknown word would otherwise vanish from the copy unseen. */
export function checkQualifier(qualifier: string | null | undefined): string | null {
  if (qualifier === null || qualifier === undefined || qualifier === '') return null;
  if (!QUALIFIERS.some((q) => q.code === qualifier)) throw new RangeError(`unknown qualifier: ${JSON.stringify(qualifier)}`);
  return qualifier;
}

/**
 * A figure as copy writes it: "333.52亿元", "突破2000亿元", "569余人", "近80%", "35个工作日",
 * "10%左右". `toUnit` converts; `bare` leaves out the unit and the qualifier. Null when the units
 * don't convert.
 */
export function formatFigure(
  fig: { value: string; unit: string; qualifier: string | null },
  ind: { decimals: number },
  opts: FormatOptions & { toUnit?: string | null; bare?: boolean },
): string | null {
  const qualifier = checkQualifier(fig.qualifier);
  const unit = opts.toUnit ?? fig.unit;
  const n = formatNumber(fig.value, fig.unit, unit, ind.decimals, opts);
  if (n === null) return null;
  if (opts.bare) return n;
  return figureText(n, unitText(unit), qualifier);
}
