// Gathers a `fill` template: every catalogue indicator with what the store holds for the park,
// period and kind — each figure as stored (its own unit, its qualifier, the reported growth only:
// a computed growth written here would come back as if it had been reported) — and 上年同期 for
// reference in the same unit.

import type { ValueKind } from '../../shared/model.ts';
import { QUALIFIER_CODES } from '../../shared/figure/qualifiers.ts';
import { compatibleUnits } from '../../shared/figure/units.ts';
import type { CategoryLine, FillLine, FillSheet } from '../reports/xlsx/model.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import { groupLines, offeredTo } from './catalog-lines.ts';
import { parkRef, periodColumn, previousYearLabel, type TablesContext } from './context.ts';
import { shownValue } from './shown.ts';

export function buildFillSheet(g: TablesContext, name: string, park: ParkRow, period: PeriodRow, kind: ValueKind): FillSheet {
  const cur = g.reader.read(park.pk, period.pk, kind);
  const before = g.reader.read(park.pk, g.reader.previousYearPk(period), 'actual');
  const lines: (CategoryLine | FillLine)[] = [];
  // The template lists what the grid offers this park, and every indicator it already has a figure for.
  for (const group of groupLines(g.view, (ind) => offeredTo(g.view, ind, park.pk) || cur.has(ind.pk))) {
    lines.push({ type: 'category', name: group.category.name });
    for (const { ind, row } of group.slots) {
      const fig = cur.get(ind.pk);
      const unit = fig?.unit ?? ind.unit;
      const units = compatibleUnits(ind.unit).map((u) => u.code);
      if (!units.includes(unit)) units.push(unit);
      lines.push({
        type: 'indicator',
        ind: row,
        units,
        nonNegative: ind.nonNegative,
        integerOnly: ind.integerOnly,
        value: fig?.value == null ? null : Number(fig.value),
        unit,
        qualifier: fig?.qualifier ?? null,
        growth: fig?.growth == null ? null : Number(fig.growth),
        baseline: fig?.baseline == null ? null : Number(fig.baseline),
        source: fig?.source ?? null,
        previous: shownValue(before.get(ind.pk), unit),
      });
    }
  }
  return {
    name,
    park: parkRef(park),
    period: periodColumn(period),
    previousLabel: previousYearLabel(period),
    kind,
    qualifiers: [...QUALIFIER_CODES],
    // As the grid: 改革前 where a figure has one, or where an approval time could get one.
    baseline: lines.some((l) => l.type === 'indicator' && (l.baseline !== null || l.ind.kind === 'duration')),
    lines,
  };
}
