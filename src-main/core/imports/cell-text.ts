// What a cell of the user's file says, as the text our field rules (parse-field.ts) take. Numbers
// arrive as Excel wrote them (binary doubles: 0.1+0.2 is written 0.30000000000000004), text as
// typed — with 近/余/突破, a unit, thousands separators, full-width digits or a dash for "no data".

import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import { normalizeNumberText, parseDecimal } from '../../shared/figure/exact.ts';
import { QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { UNITS } from '../../shared/figure/units.ts';
import type { Cell } from './xlsx-read.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params: ErrorParams } | null;

/** Beyond what parse-field accepts (10^15); caught here so 1e308 says "out of range", not "not a number". */
const MAX_ABS = 1e15;

const CANONICAL_SHORT = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** Cells that mean "no figure" in Chinese statistical tables. */
const NO_DATA = new Set(['-', '—', '——', '－', '–', '/', '／', '…', '……', '×']);

/** The text a cell shows, for unit, qualifier and note columns. */
export function cellString(cell: Cell | undefined): Read<string> {
  if (!cell) return null;
  switch (cell.t) {
    case 'e':
      return { ok: false, code: 'IMPORT_CELL_ERROR', params: { text: cell.v } };
    case 'f':
      return { ok: false, code: 'IMPORT_FORMULA_NO_VALUE', params: { formula: cell.v } };
    case 'b':
      return { ok: true, value: cell.v ? 'TRUE' : 'FALSE' };
    case 'n':
      return { ok: true, value: numberText(cell.v) ?? cell.v };
    case 's': {
      const v = cell.v.trim();
      return v === '' ? null : { ok: true, value: v };
    }
  }
}

/**
 * A number as Excel wrote it, back to the decimal a person typed: at most 15 significant digits,
 * Excel's own display precision, so 0.30000000000000004 reads 0.3. Null when out of range.
 */
export function numberText(v: string): string | null {
  // The common case, a short canonical decimal, is returned as it is (checked by length first).
  if (v.length <= 15 && CANONICAL_SHORT.test(v)) return Math.abs(Number(v)) >= MAX_ABS ? null : v;
  const plain = /^-?\d+(\.\d+)?$/.test(v) && v.replace(/^-?0*|\./g, '').length <= 15;
  if (plain) return Math.abs(Number(v)) >= MAX_ABS ? null : parseDecimal(v);
  const x = Number(v);
  if (!Number.isFinite(x) || Math.abs(x) >= MAX_ABS) return null;
  return plainDecimal(x);
}

/** A finite number at 15 significant digits, written without an exponent, trailing zeros dropped. */
export function plainDecimal(x: number): string {
  if (x === 0) return '0';
  const [mant, expText] = x.toExponential(14).split('e') as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  let s: string;
  if (exp >= 0) s = digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits.padEnd(exp + 1, '0');
  else s = `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return (neg ? '-' : '') + s;
}

export interface FigureText {
  number: string;
  qualifier?: string;
  unit?: string;
}

// Longest first, so 不少于 is not read as 不 + 少于, and 亿美元 not as 亿 + 美元.
const QUALIFIER_WORDS = [...QUALIFIERS].sort((a, b) => b.code.length - a.code.length);
const UNIT_WORDS = [...UNITS].map((u) => u.code).sort((a, b) => b.length - a.length);

/**
 * A value cell: a number, or a figure as copy writes it (突破2000亿元, 569余人, 近80%, 10%左右,
 * 1,512). Null for an empty cell or a "no data" dash.
 */
export function readFigure(cell: Cell | undefined): Read<FigureText> {
  if (!cell) return null;
  if (cell.t === 'n') {
    const n = numberText(cell.v);
    return n === null ? { ok: false, code: 'OUT_OF_RANGE', params: { field: 'value', text: cell.v } } : { ok: true, value: { number: n } };
  }
  if (cell.t !== 's') {
    const s = cellString(cell);
    return s && !s.ok ? s : { ok: false, code: 'NOT_A_NUMBER', params: { field: 'value', text: s?.value ?? '' } };
  }
  const raw = cell.v.trim();
  if (raw === '' || NO_DATA.has(raw)) return null;
  let s = normalizeNumberText(raw);
  const out: FigureText = { number: '' };
  for (const q of QUALIFIER_WORDS) {
    if (q.at === 'before' && s.startsWith(q.code)) {
      out.qualifier = q.code;
      s = s.slice(q.code.length);
      break;
    }
    if (q.at === 'after' && s.endsWith(q.code)) {
      out.qualifier = q.code;
      s = s.slice(0, -q.code.length);
      break;
    }
  }
  for (const u of UNIT_WORDS) {
    if (s.endsWith(u) && s.length > u.length) {
      out.unit = u;
      s = s.slice(0, -u.length);
      break;
    }
  }
  if (!out.qualifier) {
    const infix = QUALIFIER_WORDS.find((q) => q.at === 'infix' && s.endsWith(q.code) && s.length > q.code.length);
    if (infix) {
      out.qualifier = infix.code;
      s = s.slice(0, -infix.code.length);
    }
  }
  const n = numberFromText(s);
  if (n === 'range') return { ok: false, code: 'OUT_OF_RANGE', params: { field: 'value', text: raw } };
  if (n === null) return { ok: false, code: 'NOT_A_NUMBER', params: { field: 'value', text: raw } };
  out.number = n;
  return { ok: true, value: out };
}

/** A growth cell: 42.5, 42.5%, 增长42.5%, 下降3.1%. */
export function readGrowth(cell: Cell | undefined): Read<string> {
  if (!cell) return null;
  if (cell.t === 'n') {
    const n = numberText(cell.v);
    return n === null ? { ok: false, code: 'OUT_OF_RANGE', params: { field: 'growth', text: cell.v } } : { ok: true, value: n };
  }
  if (cell.t !== 's') {
    const s = cellString(cell);
    return s && !s.ok ? s : { ok: false, code: 'NOT_A_NUMBER', params: { field: 'growth', text: s?.value ?? '' } };
  }
  const raw = cell.v.trim();
  if (raw === '' || NO_DATA.has(raw)) return null;
  let s = normalizeNumberText(raw).replace(/%$/, '');
  let sign = '';
  if (s.startsWith('增长')) s = s.slice(2);
  else if (s.startsWith('下降')) {
    s = s.slice(2);
    sign = '-';
  }
  const n = numberFromText(s);
  if (n === 'range') return { ok: false, code: 'OUT_OF_RANGE', params: { field: 'growth', text: raw } };
  if (n === null || (sign && n.startsWith('-'))) return { ok: false, code: 'NOT_A_NUMBER', params: { field: 'growth', text: raw } };
  return { ok: true, value: n === '0' ? n : sign + n };
}

/** Plain or exponent notation; 'range' for what no figure can be (1e308, Infinity, ∞). */
function numberFromText(s: string): string | 'range' | null {
  const t = s.startsWith('+') ? s.slice(1) : s;
  if (/^-?(infinity|inf|∞)$/i.test(t)) return 'range';
  // Typed digits are exact: only a number cell is a double worth reading back at 15 digits.
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const d = parseDecimal(t);
    return d === null ? null : Math.abs(Number(d)) >= MAX_ABS ? 'range' : d;
  }
  if (/^-?\d+(\.\d+)?e[-+]?\d+$/i.test(t)) return numberText(t) ?? 'range';
  return null;
}

/** Two decimals that are the same number (80 and 80.0): the stored text is kept for an equal figure. */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const strip = (x: string) => (x.includes('.') ? x.replace(/0+$/, '').replace(/\.$/, '') : x);
  return strip(a) === strip(b);
}

/**
 * A number read from a number cell that is the stored decimal as a cell holds it: a double, read
 * back at 15 significant digits, so a stored 1234567890.1234567 exported and read back unchanged
 * (1234567890.12346) is that figure, not a new one.
 */
export function sameHeld(read: string, stored: string | null, fromNumberCell: boolean): boolean {
  if (sameDecimal(read, stored)) return true;
  if (!fromNumberCell || stored === null) return false;
  const x = Number(stored);
  return Number.isFinite(x) && Math.abs(x) < MAX_ABS && plainDecimal(x) === read;
}

/** Units as people type them: full-width ％, blanks. */
export function normalizeUnit(s: string): string {
  return /[\s\u3000\uff00-\uffef]/.test(s) ? s.normalize('NFKC').replace(/\s+/g, '') : s;
}
