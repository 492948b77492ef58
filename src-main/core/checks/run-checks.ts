import type { CheckWarning } from '../../shared/checks.ts';
import type { ValueKind } from '../../shared/model.ts';
import { readScope } from '../figures/read-figures.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { toIndicator } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { evaluateRules, type Figure, type ScopeFigure } from './evaluate.ts';
import { runnableRules } from '../catalog/rules.ts';

/** A figure about to be written (an import preview, a pending cell edit), in place of the stored one. */
export interface PendingFigure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
}

export interface CheckScope {
  parkId: string;
  periodId: string;
  kind: ValueKind;
}

/**
 * The catalogue's check rules (审核关系) over one park, period and kind: the stored figures, with
 * `pending` (keyed by indicator id) in place of stored ones. Never throws for a breach; returns the
 * warnings. The scope's figures and the same period a year earlier come in one read.
 */
export function checkFigures(db: Db, scope: CheckScope, pending?: ReadonlyMap<string, PendingFigure>): CheckWarning[] {
  const park = getParkRow(db, scope.parkId);
  const period = getPeriodRow(db, scope.periodId);
  const figures: ScopeFigure[] = readScope(db, park.pk, period, scope.kind).map(({ indicator: r, current, previous }) => {
    const indicator = toIndicator(r);
    return { indicator, current: pending?.has(r.id) ? pendingFigure(pending.get(r.id)!) : current, previous };
  });
  return checkScope(db, figures);
}

/** A pending figure with neither value nor growth is a cleared one. */
function pendingFigure(p: PendingFigure): Figure | null {
  return p.value === null && p.growth === null ? null : { value: p.value, unit: p.unit, qualifier: p.qualifier, growth: p.growth };
}

/** The rules over figures already read (the grid reads them for its own rows). */
export function checkScope(db: Db, figures: readonly ScopeFigure[]): CheckWarning[] {
  const rules = runnableRules(db, figures.map((f) => f.indicator));
  if (!rules.length) return [];
  return evaluateRules(rules, new Map(figures.map((f) => [f.indicator.code, f])));
}
