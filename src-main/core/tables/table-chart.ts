// The 指标表's native chart: the chosen indicators over the table's period columns, pointing at
// the very cells of the table (so an edit in Excel redraws it), under the table's note. The first
// chosen indicator's unit is the value axis of the bars; indicators in a second unit (a % beside
// 亿元) are lines on a value axis of their own, on the right, as the app's comparison gives a second
// unit its own axis; a third unit is left out: nothing is drawn against an axis that is not its own, nothing added up across units or
// currencies. A cell that holds text (a figure in another currency) is a gap.

import { FILLS } from '../../shared/chart/style.ts';
import type { Anchor, NativeChart, NativeSeries } from '../reports/xlsx/chart-xml.ts';
import type { TableLine, TableSheet } from '../reports/xlsx/model.ts';
import { FIRST_DATA_ROW, HEADER_ROW } from '../reports/xlsx/table.ts';

export const TABLE_CHART_MAX = 6;
/** Grey print tells the series apart by pattern as well as lightness (wdUpDiag is kept for approximate figures). */
const PATTERNS = [null, 'dkHorz', 'smGrid', 'ltVert', 'dotDmnd', 'dashDnDiag'] as const;
const CHART_FONT = 'Microsoft YaHei';
/** Lines in ink, told apart by dash and marker (chart-xml.ts): a light fill would vanish as a thin line. */
const LINE_INKS = ['1A1A1A', '3F3F3F', '1F4E79'] as const;
const CHART_ROWS = 22;
const FIRST_PERIOD_COL = 4;

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

type Chosen = { line: TableLine; row: number };

/**
 * The lines to chart: those asked for that have a number, in the table's order; failing that, the
 * first with a number. Split by unit: the first chosen (in the order chosen) with a figure, and the
 * next unit among the others.
 */
function chosenLines(t: TableSheet, ids: readonly string[] | undefined): { first: Chosen[]; second: Chosen[] } {
  const lines = t.lines.map((line, i) => ({ line, row: FIRST_DATA_ROW + i })).filter((x): x is Chosen => x.line.type === 'indicator');
  const numeric = lines.filter((x) => x.line.cells.some((c) => c.number !== null));
  const asked = ids?.length ? numeric.filter((x) => ids.includes(x.line.ind.id)) : [];
  const picked = asked.length ? asked : numeric.slice(0, 1);
  const inOrder = ids?.length ? ids.map((id) => picked.find((x) => x.line.ind.id === id)).filter((x) => x !== undefined) : picked;
  const [unit, other] = [...new Set((inOrder.length ? inOrder : picked).map((x) => x.line.ind.unit))];
  const drawn = picked.filter((x) => x.line.ind.unit === unit || x.line.ind.unit === other).slice(0, TABLE_CHART_MAX);
  return { first: drawn.filter((x) => x.line.ind.unit === unit), second: drawn.filter((x) => x.line.ind.unit !== unit) };
}

/** The chart and where it goes, or null when no chosen indicator has a number to draw. */
export function tableChart(t: TableSheet, ids?: readonly string[]): { chart: NativeChart; anchor: Anchor } | null {
  const { first, second } = chosenLines(t, ids);
  if (!first.length) return null;
  const sheet = quoted(t.name);
  const firstCol = colLetter(FIRST_PERIOD_COL);
  const lastCol = colLetter(FIRST_PERIOD_COL + t.periods.length - 1);
  const series = (lines: Chosen[], from: number, inks?: readonly string[]): NativeSeries[] =>
    lines.map(({ line, row }, k) => ({
      name: line.ind.name,
      nameRef: `${sheet}!$A$${row}`,
      valuesRef: `${sheet}!$${firstCol}$${row}:$${lastCol}$${row}`,
      values: line.cells.map((c) => c.number),
      approx: line.cells.map((c) => c.qualifier !== null),
      fill: inks ? inks[k % inks.length]! : FILLS[(from + k) % FILLS.length]!.slice(1).toUpperCase(),
      pattern: PATTERNS[(from + k) % PATTERNS.length]!,
    }));
  const names = [...first, ...second].map((x) => x.line.ind.name).join('、');
  // Below the note row, which follows the last line after one blank row (renderTable).
  const noteRow = FIRST_DATA_ROW + t.lines.length + 1;
  return {
    chart: {
      title: `${t.park.name}${names}`,
      axisTitle: first[0]!.line.ind.unit,
      categoriesRef: `${sheet}!$${firstCol}$${HEADER_ROW}:$${lastCol}$${HEADER_ROW}`,
      categories: t.periods.map((p) => p.label),
      series: series(first, 0),
      secondary: second.length ? { axisTitle: second[0]!.line.ind.unit, series: series(second, first.length, LINE_INKS) } : null,
      font: CHART_FONT,
    },
    anchor: { fromCol: 0, fromRow: noteRow + 1, toCol: FIRST_PERIOD_COL + t.periods.length, toRow: noteRow + 1 + CHART_ROWS },
  };
}
