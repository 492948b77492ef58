// Gathers one park's `table`: the figures of each period column in the row's unit, and the 同比 of
// the last column. Only indicators with something to show are listed (with their parents): a
// figure in some column, or a reported growth of the last one.

import type { ValueKind } from '../../shared/model.ts';
import type { CategoryLine, TableLine, TableSheet } from '../reports/xlsx/model.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import { groupLines } from './catalog-lines.ts';
import { parkRef, periodColumn, type TablesContext } from './context.ts';
import { shownGrowth, shownValue } from './shown.ts';
import type { FigureMap } from '../figures/read-figures.ts';
import type { ShownValue } from '../reports/xlsx/model.ts';

export function buildTableSheet(g: TablesContext, name: string, park: ParkRow, periods: readonly PeriodRow[], kind: ValueKind): TableSheet {
  const figs = periods.map((p) => g.reader.read(park.pk, p.pk, kind));
  const last = periods[periods.length - 1]!;
  const lastFigs = figs[figs.length - 1]!;
  // 同比 compares with the actual figure of a year earlier, for targets too (as the grid does).
  const before = g.reader.read(park.pk, g.reader.previousYearPk(last), 'actual');
  const lines: (CategoryLine | TableLine)[] = [];
  const shows = (pk: number) => figs.some((m) => m.get(pk)?.value != null) || lastFigs.get(pk)?.growth != null;
  for (const group of groupLines(g.view, (ind) => shows(ind.pk))) {
    lines.push({ type: 'category', name: group.category.name });
    for (const { ind, row } of group.slots) {
      lines.push({
        type: 'indicator',
        ind: row,
        cells: figs.map((m) => shownValue(m.get(ind.pk), ind.unit)),
        growth: shownGrowth(ind, lastFigs.get(ind.pk), before.get(ind.pk), g.rounding),
        baseline: shownBaseline(figs, periods, ind.pk, ind.unit),
      });
    }
  }
  return { name, park: parkRef(park), kind, periods: periods.map(periodColumn), growthLabel: periodColumn(last).label, lines };
}

/**
 * 改革前 of the newest period column that has one, in the row's unit like the figures (it is kept in
 * its figure's unit); a note names that period when it is not the last column's.
 */
function shownBaseline(figs: readonly FigureMap[], periods: readonly PeriodRow[], pk: number, rowUnit: string): ShownValue | null {
  for (let i = figs.length - 1; i >= 0; i--) {
    const fig = figs[i]!.get(pk);
    if (!fig?.baseline) continue;
    const shown = shownValue({ ...fig, value: fig.baseline, qualifier: null }, rowUnit);
    if (i === figs.length - 1) return shown;
    const from = `改革前为${periodColumn(periods[i]!).label}所报。`;
    return { ...shown, note: shown.note ? `${from}${shown.note}` : from };
  }
  return null;
}
