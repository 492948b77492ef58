// Turns what a user typed into a cell into a stored field value, or a reason in their language.
// The same rules serve the grid, the CLI and (later) importers.

import { AppError, type ErrorCode, type ErrorParams } from '../../shared/errors.ts';
import { parseDecimal } from '../../shared/figure/exact.ts';
import type { EditableField, Indicator } from '../../shared/model.ts';
import { QUALIFIER_CODES, isQualifier } from '../../shared/figure/qualifiers.ts';
import { compatibleUnits, unitDef } from '../../shared/figure/units.ts';

export class FieldError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** Larger than any figure a park reports in any unit (10^15 元 is a thousand times China's GDP). */
const MAX_ABS = 1e15;

function decimalOrThrow(field: EditableField, text: string): string {
  const d = parseDecimal(text);
  if (d === null) throw new FieldError('NOT_A_NUMBER', { field, text });
  if (Math.abs(Number(d)) >= MAX_ABS) throw new FieldError('OUT_OF_RANGE', { field, text });
  return d;
}

function checkAmount(ind: Indicator, field: EditableField, d: string): void {
  if (ind.nonNegative && d.startsWith('-')) throw new FieldError('NEGATIVE_NOT_ALLOWED', { indicator: ind.name, field });
  if (ind.integerOnly && !/^-?\d+(\.0+)?$/.test(d)) throw new FieldError('INTEGER_REQUIRED', { indicator: ind.name, field });
}

const STATUS_WORDS: Record<string, 'draft' | 'verified'> = {
  draft: 'draft',
  verified: 'verified',
  草稿: 'draft',
  已核实: 'verified',
  核实: 'verified',
};

/** '' means "clear"; the returned null clears the field (for unit: back to the indicator's unit). */
export function parseField(ind: Indicator, field: EditableField, raw: string): string | null {
  const text = raw.trim();
  switch (field) {
    case 'value':
    case 'baseline': {
      if (text === '') return null;
      const d = decimalOrThrow(field, text);
      checkAmount(ind, field, d);
      return d;
    }
    case 'growth': {
      if (text === '') return null;
      // A growth rate may be typed as "42.5%" or "42.5".
      return decimalOrThrow(field, text.replace(/[%％]$/, ''));
    }
    case 'unit': {
      if (text === '') return ind.unit;
      if (!unitDef(text)) throw new FieldError('UNIT_UNKNOWN', { unit: text });
      const ok = compatibleUnits(ind.unit);
      if (!ok.some((u) => u.code === text)) {
        throw new FieldError('UNIT_MISMATCH', { unit: text, indicator: ind.name, allowed: ok.map((u) => u.code).join('、') });
      }
      return text;
    }
    case 'qualifier': {
      if (text === '') return null;
      if (!isQualifier(text)) throw new FieldError('QUALIFIER_UNKNOWN', { text, allowed: QUALIFIER_CODES.join('、') });
      return text;
    }
    case 'source': {
      if (text.length > 500) throw new FieldError('TEXT_TOO_LONG', { field, max: 500 });
      return text === '' ? null : text;
    }
    case 'status': {
      const s = STATUS_WORDS[text.toLowerCase()] ?? STATUS_WORDS[text];
      if (!s) throw new FieldError('INVALID_INPUT', { detail: `status: ${text}` });
      return s;
    }
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof FieldError) return new AppError(e.code, e.params);
  throw e;
}
