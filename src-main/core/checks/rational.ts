// Exact rationals over BigInt for the check rules. Figures are decimal text, but a rule converts them
// (亩 → 平方公里 is 1/1500) and a growth rate divides one by another, so decimals alone would have to
// round; a breach is decided on the exact value and only its wording is rounded.

import { readExact, ratioOf } from '../format/exact.ts';

export interface Rational {
  /** Sign lives in the numerator; den > 0 and the pair is not necessarily reduced. */
  num: bigint;
  den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function fromDecimal(text: string): Rational {
  const x = readExact(text);
  return { num: x.neg ? -x.digits : x.digits, den: 10n ** BigInt(x.scale) };
}

/** The factor between two units of one dimension as an exact ratio (null when there is none). */
export function fromFactor(factor: number): Rational | null {
  const r = ratioOf(factor);
  return r ? { num: r.num, den: r.den } : null;
}

export function add(a: Rational, b: Rational): Rational {
  return a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

export function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b; b must not be zero (callers check the base of a growth rate first). */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  const s = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * s, den: a.den * b.num * s };
}

export function cmp(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l === r ? 0 : l < r ? -1 : 1;
}

export function sign(a: Rational): number {
  return a.num === 0n ? 0 : a.num < 0n ? -1 : 1;
}

/**
 * Decimal text with at most `places` decimals, rounded half away from zero (四舍五入) and without
 * trailing zeros beyond what the value needs ("326.24", "25", "0.5").
 */
export function toDecimalText(a: Rational, places: number): string {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const scale = 10n ** BigInt(places);
  let q = (n * scale) / a.den;
  const rest = (n * scale) % a.den;
  if (rest * 2n >= a.den) q += 1n;
  let s = q.toString().padStart(places + 1, '0');
  if (places > 0) s = `${s.slice(0, -places)}.${s.slice(-places)}`.replace(/\.?0+$/, '');
  return negative && q !== 0n ? `-${s}` : s;
}
