// Gathers the `compare` of one period: each park's figure in the row's unit, 合计 and 位次 over all
// the parks compared. A comparison of more parks than one sheet's map can list is split into parts
// that share the totals and ranks of the whole.

import type { ValueKind } from '../../shared/model.ts';
import type { CategoryLine, CompareLine, CompareSheet } from '../reports/xlsx/model.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import { groupLines } from './catalog-lines.ts';
import { parkRef, periodColumn, type TablesContext } from './context.ts';
import { shownValue } from './shown.ts';
import { ranksOf } from '../../shared/figure/rank.ts';
import { totalOf } from './totals.ts';

/**
 * Parks per sheet: each park's value column takes about 80 characters of the sheet's hidden map,
 * which must fit one Excel cell (32,767 characters) with a qualifier column beside each.
 */
export const PARKS_PER_SHEET = 200;

export function buildCompareSheets(g: TablesContext, claim: (name: string) => string, period: PeriodRow, parks: readonly ParkRow[], kind: ValueKind): CompareSheet[] {
  const figs = parks.map((p) => g.reader.read(p.pk, period.pk, kind));
  const lines: (CategoryLine | CompareLine)[] = [];
  // A growth without a figure has no place in a comparison of figures.
  for (const group of groupLines(g.view, (ind) => figs.some((m) => m.get(ind.pk)?.value != null))) {
    lines.push({ type: 'category', name: group.category.name });
    for (const { ind, row } of group.slots) {
      const own = figs.map((m) => m.get(ind.pk));
      const cells = own.map((f) => shownValue(f, ind.unit));
      lines.push({ type: 'indicator', ind: row, cells, total: totalOf(ind, own, parks.map((p) => p.name)), ranks: ranksOf(ind, cells.map((c) => c.number)) });
    }
  }
  const col = periodColumn(period);
  const parts = Math.ceil(parks.length / PARKS_PER_SHEET);
  const sheets: CompareSheet[] = [];
  for (let k = 0; k < parts; k++) {
    const from = k * PARKS_PER_SHEET;
    const to = Math.min(parks.length, from + PARKS_PER_SHEET);
    const part = parts > 1 ? `共${parks.length}个园区，本表为第${from + 1}—${to}个` : null;
    sheets.push({
      name: claim(parts > 1 ? `${col.label}对比(${k + 1})` : `${col.label}对比`),
      period: col,
      kind,
      parks: parks.slice(from, to).map(parkRef),
      part,
      lines:
        parts === 1
          ? lines
          : lines.map((l) => (l.type === 'category' ? l : { ...l, cells: l.cells.slice(from, to), ranks: l.ranks.slice(from, to) })),
    });
  }
  return sheets;
}
