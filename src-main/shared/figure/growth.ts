// 同比: the one computation of a growth on the same period of the previous year, exact. The grid, the
// placeholders of a document, the Excel tables and the check rules all take it from here, and only
// the writing rounds it (to GROWTH_PLACES, with the store's rounding setting).

import type { MeasureKind } from '../model.ts';
import { conversionRatio } from './units.ts';
import { div, fromDecimal, HUNDRED, mul, roundRational, sign, sub, writeExact, type Rational, type RoundingMode } from './exact.ts';

/** Growth is written with one decimal place at most (DOMAIN.md: rates with 1 decimal). */
export const GROWTH_PLACES = 1;

/** A figure as 同比 needs it: the number as reported, its unit and qualifier. */
export interface Amount {
  value: string | null;
  unit: string;
  qualifier: string | null;
}

/** (cur − prev) / prev in percent; prev must not be zero. */
export function growthRate(cur: Rational, prev: Rational): Rational {
  return mul(div(sub(cur, prev), prev), HUNDRED);
}

/**
 * 同比 from two figures, exact, or null when it cannot honestly be computed: a missing value, units
 * that don't convert (亿美元 vs 亿元), a zero base, or a figure that is only approximate (近, 余 …).
 * For an indicator that is itself a rate the change is in percentage points (个百分点).
 */
export function yearOnYear(kind: MeasureKind, cur: Amount | null, prev: Amount | null): Rational | null {
  if (!cur || !prev || cur.value === null || prev.value === null) return null;
  if (cur.qualifier || prev.qualifier) return null;
  const k = conversionRatio(prev.unit, cur.unit);
  if (k === null) return null;
  const a = fromDecimal(cur.value);
  const b = mul(fromDecimal(prev.value), k);
  if (kind === 'percent') return sub(a, b);
  if (sign(b) === 0) return null;
  return growthRate(a, b);
}

/** yearOnYear as the decimal text the grid and the tables show: exactly GROWTH_PLACES places ("10.0"). */
export function yearOnYearText(kind: MeasureKind, cur: Amount | null, prev: Amount | null, rounding: RoundingMode): string | null {
  const g = yearOnYear(kind, cur, prev);
  return g === null ? null : writeExact(roundRational(g, GROWTH_PLACES, rounding));
}
