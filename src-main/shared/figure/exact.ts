// The one exact arithmetic of the project, over BigInt. Figures are kept as the decimal text that
// was reported ("1512" stays 1512, "9194.35" keeps its two places); conversions (亩 → 平方公里 is
// 1/1500), 同比 (a quotient) and check rules need more than decimals, so they work on rationals and
// round only when a result is written. Nothing here goes through a binary float: "1.005" rounds as
// its digits say, not as the double nearest to it does (Number.prototype.toFixed gives "1.00").

export type RoundingMode = 'half-up' | 'half-even';

const FULL_WIDTH = /[０-９．，－＋％]/g;
const FW_MAP: Record<string, string> = { '．': '.', '，': ',', '－': '-', '＋': '+', '％': '%' };

/** Half-width digits, no thousands separators, no surrounding blanks (an IME may type ３３３．５２). */
export function normalizeNumberText(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => FW_MAP[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
}

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Parses what a user typed into a canonical decimal string ("0333.50" → "333.50" keeps the places the
 * user wrote). Returns null when the text is not a plain decimal number.
 */
export function parseDecimal(raw: string): string | null {
  let s = normalizeNumberText(raw);
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^-?\d+(\.\d+)?$/.test(s) || s.length > 40) return null;
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  s = s.replace(/^0+(?=\d)/, '');
  if (/^0(\.0+)?$/.test(s)) return s; // no "-0"
  return (neg ? '-' : '') + s;
}

export function isCanonicalDecimal(s: string): boolean {
  return CANONICAL.test(s) && s.length <= 40;
}

/**
 * No figure a park reports reaches 10^15 in any unit (10^15 元 is a thousand times China's GDP), and
 * a spreadsheet number keeps only 15 significant digits: a larger magnitude is refused as out of range.
 */
export const FIGURE_LIMIT_DIGITS = 15;

/** |d| ≥ 10^15 for a canonical decimal d. */
export function beyondFigureRange(d: string): boolean {
  const int = d.replace(/^-/, '').split('.')[0]!;
  return int.length > FIGURE_LIMIT_DIGITS;
}

// ── Decimals: |value| = digits / 10^scale, the places as reported ───────────────────────────────

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

/** Sign-aware comparison of two exact decimals: -1, 0 or 1. */
export function compareExact(a: Exact, b: Exact): number {
  return cmp(fromExact(a), fromExact(b));
}

/** Two decimal texts that are the same number (80 and 80.0). */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return cmp(fromDecimal(a), fromDecimal(b)) === 0;
}

/**
 * x × ratio rounded to `places` decimals (trailing zeros kept). Ties are broken by `mode`: half-up
 * rounds away from zero (四舍五入: -3.25 → -3.3), half-even to the even last digit (GB/T 8170).
 */
export function scaleAndRound(x: Exact, ratio: Rational, places: number, mode: RoundingMode): Exact {
  return roundRational(mul(fromExact(x), ratio), places, mode);
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

// ── Rationals: num / den, den > 0, the sign in num, not necessarily reduced ─────────────────────

export interface Rational {
  num: bigint;
  den: bigint;
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };
export const HUNDRED: Rational = { num: 100n, den: 1n };

export function fromDecimal(text: string): Rational {
  return fromExact(readExact(text));
}

export function fromExact(x: Exact): Rational {
  return { num: x.neg ? -x.digits : x.digits, den: 10n ** BigInt(x.scale) };
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

/** a rounded to exactly `places` decimals, ties broken by `mode` (see scaleAndRound). */
export function roundRational(a: Rational, places: number, mode: RoundingMode): Exact {
  checkPlaces(places);
  const negative = a.num < 0n;
  const n = (negative ? -a.num : a.num) * 10n ** BigInt(places);
  let q = n / a.den;
  const twice = (n % a.den) * 2n;
  if (twice > a.den || (twice === a.den && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  return { neg: negative && q !== 0n, digits: q, scale: places };
}

/**
 * Decimal text with at most `places` decimals and without trailing zeros beyond what the value needs
 * ("326.24", "25", "0.5"), rounded by `mode` (四舍五入 unless said otherwise).
 */
export function toDecimalText(a: Rational, places: number, mode: RoundingMode = 'half-up'): string {
  return writeExact(trimZeros(roundRational(a, places, mode)));
}

/** Decimal places of 1/den when it terminates (den = 2^a·5^b needs max(a, b)), else null. */
export function terminatingPlaces(den: bigint): number | null {
  let d = den < 0n ? -den : den;
  let twos = 0;
  let fives = 0;
  for (; d % 2n === 0n; twos++) d /= 2n;
  for (; d % 5n === 0n; fives++) d /= 5n;
  return d === 1n ? Math.max(twos, fives) : null;
}
