// What a reported figure says about the true value, as an interval. "20户" is 20; "近80%" is below 80;
// "569余人" above 569; "不少于20户" at least 20; "10%左右" anything nearby; a missing figure anything
// (≥ 0 for an indicator that cannot be negative). A rule warns only when every value these intervals
// allow breaches it, so a qualifier never produces a warning that its direction does not make certain.

import { QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { add, cmp, fromDecimal, mul, neg, ZERO, type Rational } from '../../shared/figure/exact.ts';

export interface Bound {
  v: Rational;
  /** The value itself is excluded (近80: strictly below 80). */
  open: boolean;
}

/** null bounds are unbounded. */
export interface Interval {
  lo: Bound | null;
  hi: Bound | null;
}

const MEANING = new Map<string, string>(QUALIFIERS.map((q) => [q.code, q.meaning]));

/**
 * The interval a figure stands for, in another unit by `factor` (exact). `halfUnit`: widen an
 * unqualified figure by half a unit of its last written place, for rates computed from rounded figures.
 */
export function figureInterval(
  value: string | null,
  qualifier: string | null,
  factor: Rational,
  nonNegative: boolean,
  opts: { halfUnit?: boolean } = {},
): Interval {
  const floor: Bound | null = nonNegative ? { v: ZERO, open: false } : null;
  if (value === null) return { lo: floor, hi: null };
  const x = mul(fromDecimal(value), factor);
  const at = (open: boolean): Bound => ({ v: x, open });
  if (qualifier) {
    switch (MEANING.get(qualifier)) {
      case 'below':
        return { lo: floor, hi: at(true) };
      case 'above':
        return { lo: at(true), hi: null };
      case 'atLeast':
        return { lo: at(false), hi: null };
      default:
        return { lo: floor, hi: null };
    }
  }
  if (opts.halfUnit) {
    const places = value.split('.')[1]?.length ?? 0;
    const h = mul({ num: 5n, den: 10n ** BigInt(places + 1) }, factor);
    return { lo: { v: add(x, neg(h)), open: false }, hi: { v: add(x, h), open: false } };
  }
  return { lo: at(false), hi: at(false) };
}

export function point(v: Rational): Interval {
  return { lo: { v, open: false }, hi: { v, open: false } };
}

function addBound(a: Bound | null, b: Bound | null): Bound | null {
  return a && b ? { v: add(a.v, b.v), open: a.open || b.open } : null;
}

export function addInterval(a: Interval, b: Interval): Interval {
  return { lo: addBound(a.lo, b.lo), hi: addBound(a.hi, b.hi) };
}

export function negInterval(a: Interval): Interval {
  const flip = (b: Bound | null): Bound | null => (b ? { v: neg(b.v), open: b.open } : null);
  return { lo: flip(a.hi), hi: flip(a.lo) };
}

/** Every value of a is below every value of b. */
export function certainlyLess(a: Interval, b: Interval): boolean {
  if (!a.hi || !b.lo) return false;
  const c = cmp(a.hi.v, b.lo.v);
  return c < 0 || (c === 0 && (a.hi.open || b.lo.open));
}

/** Every value of a is at most every value of b. */
export function certainlyAtMost(a: Interval, b: Interval): boolean {
  return !!a.hi && !!b.lo && cmp(a.hi.v, b.lo.v) <= 0;
}
