// Exact decimal handling for figures as typed. Values are kept as canonical decimal strings so that
// "1512" stays 1512 and "9194.35" keeps its two places; arithmetic happens only for comparisons.

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

export type RoundingMode = 'half-up' | 'half-even';

/**
 * Rounds a finite number to `places` decimals without Number.prototype.toFixed (which rounds the
 * binary value: 1.005 → "1.00"). The number is first read at 15 significant digits, the precision
 * a double carries, and then rounded in decimal.
 */
export function roundToString(x: number, places: number, mode: RoundingMode = 'half-up'): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const neg = x < 0;
  const [mant, expPart] = Math.abs(x).toPrecision(15).split('e');
  const exp = Number(expPart ?? 0);
  const [ip = '0', fp = ''] = (mant ?? '0').split('.');
  let digits = ip + fp;
  let point = ip.length + exp; // position of the decimal point within `digits`
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (digits.length < point + places + 1) digits = digits.padEnd(point + places + 1, '0');
  const keep = digits.slice(0, point + places);
  const rest = digits.slice(point + places);
  let n = BigInt(keep === '' ? '0' : keep);
  const first = Number(rest[0] ?? '0');
  const tailNonZero = /[1-9]/.test(rest.slice(1));
  const roundUp = first > 5 || (first === 5 && (mode === 'half-up' || tailNonZero || n % 2n === 1n));
  if (roundUp) n += 1n;
  let s = n.toString().padStart(places + 1, '0');
  s = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return neg && /[1-9]/.test(s) ? `-${s}` : s;
}
