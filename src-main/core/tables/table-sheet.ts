// Gathers one park's `table`: the figures of each period column in the row's unit, and the 同比 of
// the last column. Only indicators with something to show are listed (with their parents): a
// figure in some column, or a reported growth of the last one.

import type { ValueKind } from '../../shared/model.ts';
import type { CategoryLine, TableLine, TableSheet } from '../reports/xlsx/model.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import { groupLines } from './catalog-lines.ts';
import { parkRef, periodColumn, type TablesContext } from './context.ts';
import { shownGrowth, shownValue } from './shown.ts';

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
      });
    }
  }
  return { name, park: parkRef(park), kind, periods: periods.map(periodColumn), growthLabel: periodColumn(last).label, lines };
}
