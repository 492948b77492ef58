// What a cell of the user's file says, as the text our field rules (parse-field.ts) take. Numbers
// arrive as Excel wrote them (binary doubles: 0.1+0.2 is written 0.30000000000000004) and are read
// here; text — with 近/余/突破, a unit, thousands separators, full-width digits or a dash for "no
// data" — is figure text, read by the one parser every entry uses (shared/figure/parse.ts).

import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import { beyondFigureRange, parseDecimal, sameDecimal } from '../../shared/figure/exact.ts';
import { parseFigure } from '../../shared/figure/parse.ts';
import { decimalCommaText } from './csv-decimal.ts';
import type { Qualifier } from '../../shared/figure/qualifiers.ts';
import type { Cell } from './xlsx-read.ts';

export { sameDecimal };

export type Read<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params: ErrorParams } | null;

const CANONICAL_SHORT = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

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
  if (v.length <= 15 && CANONICAL_SHORT.test(v)) return inRange(v);
  const plain = /^-?\d+(\.\d+)?$/.test(v) && v.replace(/^-?0*|\./g, '').length <= 15;
  if (plain) return inRange(parseDecimal(v));
  // Number() also reads 0x1A, 0b11, 0o7 and Infinity; a number cell holds decimal notation only
  // (ECMA-376 ST_Xstring as xsd:double), so anything else is refused, not silently read as 26.
  if (!DECIMAL_NOTATION.test(v)) return null;
  const x = Number(v);
  return Number.isFinite(x) ? inRange(plainDecimal(x)) : null;
}

const DECIMAL_NOTATION = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Why a number cell's text gave no figure: too big or small, or no decimal number at all (0x1A). */
function numberRefusal(v: string): 'OUT_OF_RANGE' | 'NOT_A_NUMBER' {
  return DECIMAL_NOTATION.test(v) ? 'OUT_OF_RANGE' : 'NOT_A_NUMBER';
}

function inRange(d: string | null): string | null {
  return d === null || beyondFigureRange(d) ? null : d;
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
  qualifier?: Qualifier;
  unit?: string;
}

/**
 * A value cell: a number, or a figure as copy writes it (突破2000亿元, 569余人, 近80%, 10%左右,
 * 1,512). `unit` is the indicator's, for what a bare 亿 or 万 means. Null for an empty cell or a
 * "no data" dash.
 */
export function readFigure(cell: Cell | undefined, unit?: string): Read<FigureText> {
  if (!cell) return null;
  if (cell.t === 'n') {
    const n = numberText(cell.v);
    if (n === null) return { ok: false, code: numberRefusal(cell.v), params: { field: 'value', text: cell.v } };
    if (cell.k === 'date') return dateCell('value', n);
    if (cell.k === 'percent') {
      // 80% of a % indicator is the figure 80; a percent cell for 亿元 or 户 is a mistake that would
      // store a hundredth of what the sheet shows, or a hundred times it.
      if (unit !== '%') return { ok: false, code: 'IMPORT_PERCENT_CELL', params: { field: 'value', shown: timesHundred(n), unit: unit ?? '' } };
      return { ok: true, value: { number: timesHundred(n) } };
    }
    return { ok: true, value: { number: n } };
  }
  if (cell.t !== 's') return notText(cell, 'value');
  const text = localeText(cell, 'value');
  if (!text.ok) return text;
  const r = parseFigure(text.value, { field: 'value', ...(unit === undefined ? {} : { unit }) });
  if (r === null || !r.ok) return r;
  const { value, unit: written, qualifier } = r.figure;
  return { ok: true, value: { number: value!, ...(qualifier ? { qualifier } : {}), ...(written ? { unit: written } : {}) } };
}

/** A growth cell as read: the rate, and what its text also says (10%左右; 提高2个百分点 is in points). */
export type GrowthRead = { ok: true; value: string; qualifier?: Qualifier; points?: true } | { ok: false; code: ErrorCode; params: ErrorParams } | null;

/** A growth cell: 42.5, 42.5%, 增长42.5%, 下降3.1%, 增长10%左右, 提高2个百分点. */
export function readGrowth(cell: Cell | undefined): GrowthRead {
  if (!cell) return null;
  if (cell.t === 'n') {
    const n = numberText(cell.v);
    if (n === null) return { ok: false, code: numberRefusal(cell.v), params: { field: 'growth', text: cell.v } };
    if (cell.k === 'date') return dateCell('growth', n);
    // A growth is stored in percent: 8.2% in a percent cell is held as 0.082.
    return { ok: true, value: cell.k === 'percent' ? timesHundred(n) : n };
  }
  if (cell.t !== 's') return notText(cell, 'growth');
  const text = localeText(cell, 'growth');
  if (!text.ok) return text;
  const r = parseFigure(text.value, { field: 'growth' });
  if (r === null || !r.ok) return r;
  const { growth, qualifier, growthUnit } = r.figure;
  return { ok: true, value: growth!, ...(qualifier ? { qualifier } : {}), ...(growthUnit === '个百分点' ? { points: true as const } : {}) };
}

/** A text cell's figure text, with a semicolon CSV's decimal commas read in its locale. */
function localeText(cell: { v: string; decimalComma?: true }, field: 'value' | 'growth'): { ok: true; value: string } | { ok: false; code: ErrorCode; params: ErrorParams } {
  if (!cell.decimalComma) return { ok: true, value: cell.v };
  const r = decimalCommaText(cell.v);
  return r.ok ? { ok: true, value: r.text } : { ok: false, code: 'IMPORT_CSV_DECIMAL', params: { field, text: cell.v, number: r.number } };
}

/** A date-formatted cell where a number belongs: its value is a day serial (2023-01-01 is 44927), never a figure. */
function dateCell(field: 'value' | 'growth', serial: string): { ok: false; code: ErrorCode; params: ErrorParams } {
  return { ok: false, code: 'IMPORT_DATE_CELL', params: { field, text: serial } };
}

/** A decimal × 100, exactly: the point moved two places (0.082 → 8.2). */
export function timesHundred(d: string): string {
  const neg = d.startsWith('-');
  const [int = '', frac = ''] = d.replace(/^-/, '').split('.');
  const padded = frac.padEnd(2, '0');
  const whole = (int + padded.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  const out = rest ? `${whole}.${rest}` : whole;
  return neg && out !== '0' ? `-${out}` : out;
}

/** A boolean, formula or error cell where a number belongs. */
function notText(cell: Cell, field: 'value' | 'growth'): { ok: false; code: ErrorCode; params: ErrorParams } {
  const s = cellString(cell);
  return s && !s.ok ? s : { ok: false, code: 'NOT_A_NUMBER', params: { field, text: s?.value ?? '' } };
}

/**
 * A number read from a number cell that is the stored decimal as a cell holds it: a double, read
 * back at 15 significant digits, so a stored 1234567890.1234567 exported and read back unchanged
 * (1234567890.12346) is that figure, not a new one.
 */
export function sameHeld(read: string, stored: string | null, fromNumberCell: boolean): boolean {
  if (sameDecimal(read, stored)) return true;
  if (!fromNumberCell || stored === null) return false;
  return !beyondFigureRange(stored) && plainDecimal(Number(stored)) === read;
}

/** Units as people type them: full-width ％, blanks. */
export function normalizeUnit(s: string): string {
  return /[\s\u3000\uff00-\uffef]/.test(s) ? s.normalize('NFKC').replace(/\s+/g, '') : s;
}
