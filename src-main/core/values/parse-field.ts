// Turns what a user typed into one field of a figure into what the store keeps, or a reason in
// their language. The text of a value, baseline or growth is figure text, read by the one parser
// of shared/figure/parse.ts (突破340亿元, 增长42.5%); what needs the indicator is checked here. The
// same rules serve the grid, a paste, the CLI, bulk writes and the import.

import { AppError, type ErrorCode, type ErrorParams } from '../../shared/errors.ts';
import type { EditableField, Indicator } from '../../shared/model.ts';
import { parseFigure } from '../../shared/figure/parse.ts';
import { QUALIFIER_CODES, qualifierOfWord, type Qualifier } from '../../shared/figure/qualifiers.ts';
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

/** The fields of a figure that hold a number, typed as figure text. */
export type NumberField = 'value' | 'baseline' | 'growth';

export function isNumberField(field: EditableField): field is NumberField {
  return field === 'value' || field === 'baseline' || field === 'growth';
}

/** A value, baseline or growth as typed: the number (null clears the field), and what else the text says. */
export interface FieldFigure {
  number: string | null;
  unit?: string;
  qualifier?: Qualifier;
}

/**
 * Figure text for a number field: 突破340亿元 as a value is 340 with its unit (which must fit the
 * indicator) and qualifier; 增长10%左右 as a growth is 10 with its qualifier. A before-figure shares
 * the figure's unit and takes no qualifier of its own. `unit` is the unit the figure is in, which
 * says what a bare 亿 stands for (亿美元 for a figure in 万美元): the indicator's unless told.
 */
export function parseFigureField(ind: Indicator, field: NumberField, raw: string, unit = ind.unit): FieldFigure {
  const r = parseFigure(raw, { field, unit });
  if (r === null) return { number: null };
  if (!r.ok) throw new FieldError(r.code, r.params);
  const f = r.figure;
  if (f.unit === undefined && f.qualifier === undefined && f.growthUnit === undefined) {
    // A number alone, as most are: no object spread per cell of a large import.
    const number = field === 'growth' ? f.growth! : f.value!;
    if (field !== 'growth') checkAmount(ind, field, number);
    return { number };
  }
  const qualifier = f.qualifier ? { qualifier: f.qualifier } : {};
  if (field === 'growth') {
    // A stored growth is in points for a rate and in % otherwise (shared/figure/growth.ts).
    if (f.growthUnit === '个百分点' && ind.kind !== 'percent') throw pointsNotRate(ind, raw);
    return { number: f.growth!, ...qualifier };
  }
  checkAmount(ind, field, f.value!);
  if (f.unit !== undefined) parseField(ind, 'unit', f.unit);
  if (field === 'baseline' && f.qualifier) throw new FieldError('FIGURE_QUALIFIER_NOT_HERE', { field, text: raw.trim(), qualifier: f.qualifier });
  return { number: f.value!, ...(f.unit === undefined ? {} : { unit: f.unit }), ...qualifier };
}

/** A growth read as percentage points (a cell's 提高2个百分点) for an indicator that is no rate. */
export function pointsNotRate(ind: Indicator, text: string): FieldError {
  return new FieldError('FIGURE_POINTS_NOT_RATE', { field: 'growth', text: text.trim(), indicator: ind.name, unit: ind.unit });
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

/**
 * '' means "clear"; the returned null clears the field (for unit: back to the indicator's unit). For
 * a number field this is the number alone: a caller taking figure text with its unit and qualifier
 * (突破340亿元) reads it with parseFigureField, as readFigureFields does.
 */
export function parseField(ind: Indicator, field: EditableField, raw: string): string | null {
  const text = raw.trim();
  switch (field) {
    case 'value':
    case 'baseline':
    case 'growth':
      return parseFigureField(ind, field, text).number;
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
      // A word of copy that says a stored qualifier (超过 says 超) is that qualifier.
      const code = qualifierOfWord(text);
      if (code === undefined) throw new FieldError('QUALIFIER_UNKNOWN', { text, allowed: QUALIFIER_CODES.join('、') });
      return code;
    }
    case 'source': {
      if (text.length > 500) throw new FieldError('TEXT_TOO_LONG', { field, max: 500 });
      return text === '' ? null : text;
    }
    case 'status': {
      const s = STATUS_WORDS[text.toLowerCase()] ?? STATUS_WORDS[text];
      if (!s) throw new FieldError('INVALID_INPUT', { detail: `状态「${text}」`, detailEn: `status "${text}"` });
      return s;
    }
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof FieldError) return new AppError(e.code, e.params);
  throw e;
}
