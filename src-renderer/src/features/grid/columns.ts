// The grid's columns in display order. A column either maps onto an editable field of the value
// or is read-only (computed or catalogue text); paste and Tab skip the read-only ones.
//
// The order is the one statistical tables use: 本期 with its 同比增长 beside it, then last year's
// figure. The value cell shows the figure as written (150余, 突破2000), so the qualifier column comes
// after them for those who prefer to set it apart; 改革前 (the "before" of 35→5 个工作日) only where a
// grid has such a pair to show or an approval time that may get one.
import type { EditableField, Grid } from '../../../../src-main/shared/model.ts';

export const ALL_COLUMNS = ['name', 'unit', 'value', 'growth', 'previous', 'qualifier', 'baseline', 'status', 'source'] as const;
export type ColumnId = (typeof ALL_COLUMNS)[number];

export const COLUMN_FIELD: Record<ColumnId, EditableField | null> = {
  name: null,
  unit: 'unit',
  value: 'value',
  growth: 'growth',
  previous: null,
  qualifier: 'qualifier',
  baseline: 'baseline',
  status: 'status',
  source: 'source',
};

export const NUMERIC_COLUMNS: ReadonlySet<ColumnId> = new Set(['value', 'baseline', 'previous', 'growth']);

export interface GridColumns {
  ids: readonly ColumnId[];
  /** Field per column index, in `ids` order; what the paste mapping works on. */
  fields: readonly (EditableField | null)[];
}

/** The columns of one grid: 改革前 only where a figure has a "before" or an indicator is an approval time. */
export function gridColumns(grid: Pick<Grid, 'rows'>): GridColumns {
  const baseline = grid.rows.some((r) => r.current?.baseline || r.indicator.kind === 'duration');
  const ids = ALL_COLUMNS.filter((c) => c !== 'baseline' || baseline);
  return { ids, fields: ids.map((c) => COLUMN_FIELD[c]) };
}
