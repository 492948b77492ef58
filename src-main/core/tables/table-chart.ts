// The 指标表's native chart: the chosen indicators over the table's period columns, pointing at
// the very cells of the table (so an edit in Excel redraws it), under the table's note. Indicators
// in another unit than the first chosen are left out: one value axis, one unit, nothing added up
// across units or currencies. A cell that holds text (a figure in another currency) is a gap.

import { FILLS } from '../../shared/chart/style.ts';
import type { Anchor, NativeChart, NativeSeries } from '../reports/xlsx/chart-xml.ts';
import type { TableLine, TableSheet } from '../reports/xlsx/model.ts';
import { FIRST_DATA_ROW, HEADER_ROW } from '../reports/xlsx/table.ts';

export const TABLE_CHART_MAX = 6;
/** Grey print tells the series apart by pattern as well as lightness (wdUpDiag is kept for approximate figures). */
const PATTERNS = [null, 'dkHorz', 'smGrid', 'ltVert', 'dotDmnd', 'dashDnDiag'] as const;
const CHART_FONT = 'Microsoft YaHei';
const CHART_ROWS = 22;
const FIRST_PERIOD_COL = 4;

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The lines to chart: those asked for that have a number, in the table's order; failing that, the first with a number. */
function chosenLines(t: TableSheet, ids: readonly string[] | undefined): { line: TableLine; row: number }[] {
  const lines = t.lines.map((line, i) => ({ line, row: FIRST_DATA_ROW + i })).filter((x): x is { line: TableLine; row: number } => x.line.type === 'indicator');
  const numeric = lines.filter((x) => x.line.cells.some((c) => c.number !== null));
  const asked = ids?.length ? numeric.filter((x) => ids.includes(x.line.ind.id)) : [];
  const picked = asked.length ? asked : numeric.slice(0, 1);
  // The axis is in the unit of the first indicator chosen (in the order chosen) that has a figure.
  const lead = ids?.map((id) => picked.find((x) => x.line.ind.id === id)).find((x) => x !== undefined) ?? picked[0];
  const unit = lead?.line.ind.unit;
  return picked.filter((x) => x.line.ind.unit === unit).slice(0, TABLE_CHART_MAX);
}

/** The chart and where it goes, or null when no chosen indicator has a number to draw. */
export function tableChart(t: TableSheet, ids?: readonly string[]): { chart: NativeChart; anchor: Anchor } | null {
  const lines = chosenLines(t, ids);
  if (!lines.length) return null;
  const sheet = quoted(t.name);
  const first = colLetter(FIRST_PERIOD_COL);
  const last = colLetter(FIRST_PERIOD_COL + t.periods.length - 1);
  const series: NativeSeries[] = lines.map(({ line, row }, i) => ({
    name: line.ind.name,
    nameRef: `${sheet}!$A$${row}`,
    valuesRef: `${sheet}!$${first}$${row}:$${last}$${row}`,
    values: line.cells.map((c) => c.number),
    approx: line.cells.map((c) => c.qualifier !== null),
    fill: FILLS[i % FILLS.length]!.slice(1).toUpperCase(),
    pattern: PATTERNS[i % PATTERNS.length]!,
  }));
  const unit = lines[0]!.line.ind.unit;
  const names = lines.map((x) => x.line.ind.name).join('、');
  // Below the note row, which follows the last line after one blank row (renderTable).
  const noteRow = FIRST_DATA_ROW + t.lines.length + 1;
  return {
    chart: { title: `${t.park.name}${names}`, axisTitle: unit, categoriesRef: `${sheet}!$${first}$${HEADER_ROW}:$${last}$${HEADER_ROW}`, categories: t.periods.map((p) => p.label), series, font: CHART_FONT },
    anchor: { fromCol: 0, fromRow: noteRow + 1, toCol: FIRST_PERIOD_COL + t.periods.length, toRow: noteRow + 1 + CHART_ROWS },
  };
}
