// The grid's columns in display order. A column either maps onto an editable field of the value
// or is read-only (computed or catalogue text); paste and Tab skip the read-only ones.
import type { EditableField } from '../../../../src-main/shared/model.ts';

export const COLUMNS = ['name', 'unit', 'qualifier', 'value', 'baseline', 'previous', 'growth', 'source'] as const;
export type ColumnId = (typeof COLUMNS)[number];

export const COLUMN_FIELD: Record<ColumnId, EditableField | null> = {
  name: null,
  unit: 'unit',
  qualifier: 'qualifier',
  value: 'value',
  baseline: 'baseline',
  previous: null,
  growth: 'growth',
  source: 'source',
};

/** Field per column index, in COLUMNS order; what the paste mapping works on. */
export const COLUMN_FIELDS: readonly (EditableField | null)[] = COLUMNS.map((c) => COLUMN_FIELD[c]);

export const NUMERIC_COLUMNS: ReadonlySet<ColumnId> = new Set(['value', 'baseline', 'previous', 'growth']);
