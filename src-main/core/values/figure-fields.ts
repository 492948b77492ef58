// One figure's fields as typed — a cell, a pasted row, `parkbrief set`, a row of a bulk write — into
// the columns the store keeps. A value typed as 突破340亿元 writes its unit and qualifier as well, in
// the same step; a unit or qualifier given beside it in the same edit must then say the same, or
// both are named (IMPORT_CONFLICT, the wording the import uses for a file's columns).

import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import { EDITABLE_FIELDS, type EditableField, type Indicator } from '../../shared/model.ts';
import { FieldError, isNumberField, parseField, parseFigureField, type FieldFigure, type NumberField } from './parse-field.ts';

const NUMBER_FIELDS = EDITABLE_FIELDS.filter(isNumberField);
const PLAIN_FIELDS = EDITABLE_FIELDS.filter((f) => !isNumberField(f));

export type FieldTexts = Partial<Record<EditableField, string>>;
export type FieldColumns = Partial<Record<EditableField, string | null>>;

export interface FieldRefusal {
  field: EditableField;
  code: ErrorCode;
  params: ErrorParams;
}

/**
 * The columns the texts set, and every refusal with the field it belongs to. `figureUnit` is the
 * unit the figure has before this edit (a before-figure typed with a unit must be in the figure's).
 */
export function readFigureFields(ind: Indicator, texts: FieldTexts, figureUnit: string): { columns: FieldColumns; refusals: FieldRefusal[] } {
  const columns: FieldColumns = {};
  const refusals: FieldRefusal[] = [];
  const figures: Partial<Record<NumberField, FieldFigure>> = {};
  // The unit first: a bare 亿 in the value is in the unit the figure is given in (亿美元 or 亿元).
  for (const field of PLAIN_FIELDS) {
    const text = texts[field];
    if (text === undefined) continue;
    try {
      columns[field] = parseField(ind, field, text);
    } catch (e) {
      refusals.push(refusal(field, e));
    }
  }
  const context = columns.unit ?? figureUnit;
  for (const field of NUMBER_FIELDS) {
    const text = texts[field];
    if (text === undefined) continue;
    try {
      const f = parseFigureField(ind, field, text, context);
      figures[field] = f;
      columns[field] = f.number;
    } catch (e) {
      refusals.push(refusal(field, e));
    }
  }

  const unit = figures.value?.unit;
  if (unit !== undefined) {
    if (agrees(texts, columns, 'unit', unit)) columns.unit = unit;
    else refusals.push(conflict('unit', unit, texts.unit!));
  }

  const valueQualifier = figures.value?.qualifier;
  const growthQualifier = figures.growth?.qualifier;
  if (valueQualifier && growthQualifier && valueQualifier !== growthQualifier) {
    refusals.push({
      field: 'growth',
      code: 'FIGURE_QUALIFIER_TWICE',
      params: { field: 'growth', text: texts.growth!.trim(), qualifier: growthQualifier, other: valueQualifier },
    });
  }
  const qualifier = valueQualifier ?? growthQualifier;
  if (qualifier) {
    if (agrees(texts, columns, 'qualifier', qualifier)) columns.qualifier = qualifier;
    else refusals.push(conflict('qualifier', qualifier, texts.qualifier!));
  }

  const baselineUnit = figures.baseline?.unit;
  const unitAfter = columns.unit ?? figureUnit;
  if (baselineUnit !== undefined && baselineUnit !== unitAfter) {
    refusals.push({
      field: 'baseline',
      code: 'FIGURE_BASELINE_UNIT',
      params: { field: 'baseline', text: texts.baseline!.trim(), unit: baselineUnit, figureUnit: unitAfter },
    });
  }
  return { columns, refusals };
}

function refusal(field: EditableField, e: unknown): FieldRefusal {
  if (!(e instanceof FieldError)) throw e;
  return { field, code: e.code, params: e.params };
}

/**
 * The field's own text is blank (clear it: the figure text says what it is), says the same, or was
 * refused already (one reason per cell is enough).
 */
function agrees(texts: FieldTexts, columns: FieldColumns, field: 'unit' | 'qualifier', carried: string): boolean {
  const own = texts[field]?.trim();
  return !own || columns[field] === undefined || columns[field] === carried;
}

function conflict(field: 'unit' | 'qualifier', inText: string, own: string): FieldRefusal {
  return { field, code: 'IMPORT_CONFLICT', params: { field, inText, inColumn: own.trim() } };
}
