// Exact decimal arithmetic on canonical decimal strings, with BigInt: a figure is N / 10^scale.
// Nothing here goes through a binary float, so "1.005" rounds as the digits say, not as the double
// nearest to it does (Number.prototype.toFixed gives "1.00").

import { parseDecimal, type RoundingMode } from '../../shared/decimal.ts';

/** |value| = digits / 10^scale. */
export interface Exact {
  neg: boolean;
  digits: bigint;
  scale: number;
}

/** Reads a stored decimal string; a value that is not a plain decimal is a programming error. */
export function readExact(value: string): Exact {
  const s = parseDecimal(value);
  if (s === null) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [ip = '0', fp = ''] = body.split('.');
  return { neg, digits: BigInt(ip + fp), scale: fp.length };
}

/** Decimal text of ±digits / 10^scale with exactly `scale` places; zero is never written "-0". */
export function writeExact(x: Exact): string {
  let s = x.digits.toString();
  if (x.scale > 0) {
    s = s.padStart(x.scale + 1, '0');
    s = `${s.slice(0, -x.scale)}.${s.slice(-x.scale)}`;
  }
  return x.neg && x.digits !== 0n ? `-${s}` : s;
}

export function isZero(x: Exact): boolean {
  return x.digits === 0n;
}

/** Places as reported ("192.50" has 2). */
export function placesOf(x: Exact): number {
  return x.scale;
}

/** Sign-aware comparison of two exact decimals: -1, 0 or 1. */
export function compareExact(a: Exact, b: Exact): number {
  const sa = a.digits === 0n ? 0 : a.neg ? -1 : 1;
  const sb = b.digits === 0n ? 0 : b.neg ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const scale = Math.max(a.scale, b.scale);
  const ma = a.digits * 10n ** BigInt(scale - a.scale);
  const mb = b.digits * 10n ** BigInt(scale - b.scale);
  if (ma === mb) return 0;
  const magnitude = ma < mb ? -1 : 1;
  return sa < 0 ? -magnitude : magnitude;
}

/** A positive rational factor num/den. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export const ONE: Ratio = { num: 1n, den: 1n };

/**
 * x × ratio rounded to `places` decimals (trailing zeros kept). Ties are broken by `mode`: half-up
 * rounds away from zero (四舍五入: -3.25 → -3.3), half-even to the even last digit (GB/T 8170).
 */
export function scaleAndRound(x: Exact, ratio: Ratio, places: number, mode: RoundingMode): Exact {
  checkPlaces(places);
  const a = x.digits * ratio.num * 10n ** BigInt(places);
  const b = ratio.den * 10n ** BigInt(x.scale);
  let q = a / b;
  const twice = (a % b) * 2n;
  if (twice > b || (twice === b && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  return { neg: x.neg && q !== 0n, digits: q, scale: places };
}

/** x rounded to `places` only when it has more places than that; otherwise x as reported. */
export function roundAtMost(x: Exact, places: number, mode: RoundingMode): Exact {
  checkPlaces(places);
  return x.scale > places ? scaleAndRound(x, ONE, places, mode) : x;
}

/** Drops trailing zeros after the point ("2.0" → "2", "1.50" → "1.5"). */
export function trimZeros(x: Exact): Exact {
  let { digits, scale } = x;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { neg: x.neg && digits !== 0n, digits, scale };
}

export function abs(x: Exact): Exact {
  return { ...x, neg: false };
}

function checkPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > 30) throw new RangeError(`decimal places out of range: ${places}`);
}

/**
 * The float factor of units.ts as an exact ratio: a power of ten (万元→亿元 is 1/10^4) or a small
 * fraction (亩→平方公里 is 1/1500, 亩→公顷 1/15). Null for a factor that is neither, which the
 * unit table does not hold.
 */
export function ratioOf(factor: number): Ratio | null {
  if (!(factor > 0) || !Number.isFinite(factor)) return null;
  const close = (v: number) => Math.abs(v - factor) <= factor * 1e-12;
  const k = Math.round(Math.log10(factor));
  if (close(10 ** k)) return k >= 0 ? { num: 10n ** BigInt(k), den: 1n } : { num: 1n, den: 10n ** BigInt(-k) };
  // Continued fraction convergents, denominators up to 10^7.
  let [h0, h1, k0, k1] = [0, 1, 1, 0];
  let rest = factor;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(rest);
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > 1e7) return null;
    if (close(h1 / k1)) return { num: BigInt(h1), den: BigInt(k1) };
    const frac = rest - a;
    if (frac === 0) return null;
    rest = 1 / frac;
  }
  return null;
}
