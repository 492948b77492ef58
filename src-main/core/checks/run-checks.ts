import type { CheckWarning } from '../../shared/checks.ts';
import type { MeasureKind, ValueKind } from '../../shared/model.ts';
import { parsePeriodKey, previousYearKey } from '../../shared/period-key.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import type Database from 'better-sqlite3';
import type { Db } from '../store/open.ts';
import { evaluateRules, type Figure, type ScopeFigure } from './evaluate.ts';
import { runnableRules, type CheckIndicator } from './rules.ts';

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

interface Row {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  unit: string;
  kind: MeasureKind;
  non_negative: number;
  integer_only: number;
  parent_code: string | null;
  v_unit: string | null;
  v_value: string | null;
  v_qualifier: string | null;
  v_growth: string | null;
  p_value: string | null;
  p_unit: string | null;
  p_qualifier: string | null;
}

/**
 * The catalogue's check rules (审核关系) over one park, period and kind: the stored figures, with
 * `pending` (keyed by indicator id) in place of stored ones. Never throws for a breach; returns the
 * warnings. One query reads the scope's figures and the same period a year earlier.
 */
export function checkFigures(db: Db, scope: CheckScope, pending?: ReadonlyMap<string, PendingFigure>): CheckWarning[] {
  const park = getParkRow(db, scope.parkId);
  const period = getPeriodRow(db, scope.periodId);
  const prevKey = previousYearKey(parsePeriodKey(period.key)!);
  const rows = scopeQuery(db).all({ park: park.pk, period: period.pk, kind: scope.kind, prevKey }) as Row[];
  const figures: ScopeFigure[] = rows.map((r) => {
    const indicator: CheckIndicator = {
      id: r.id,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      unit: r.unit,
      kind: r.kind,
      nonNegative: r.non_negative === 1,
      integerOnly: r.integer_only === 1,
      parentCode: r.parent_code,
    };
    const stored: Figure | null = r.v_unit === null ? null : { value: r.v_value, unit: r.v_unit, qualifier: r.v_qualifier, growth: r.v_growth };
    const previous = r.p_unit === null ? null : { value: r.p_value, unit: r.p_unit, qualifier: r.p_qualifier };
    return { indicator, current: pending?.has(r.id) ? pendingFigure(pending.get(r.id)!) : stored, previous };
  });
  return checkScope(db, figures);
}

const statements = new WeakMap<Db, Database.Statement>();

/** Prepared once per connection: an import runs the checks for every park and period it touches. */
function scopeQuery(db: Db): Database.Statement {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `SELECT i.id, i.code, i.name, i.name_en, i.unit, i.kind, i.non_negative, i.integer_only, i.parent_code,
              v.unit AS v_unit, v.value AS v_value, v.qualifier AS v_qualifier, v.growth AS v_growth,
              p.value AS p_value, p.unit AS p_unit, p.qualifier AS p_qualifier
         FROM indicators i
         LEFT JOIN indicator_values v
                ON v.park = @park AND v.period = @period AND v.kind = @kind AND v.indicator = i.pk
         LEFT JOIN indicator_values p
                ON p.park = @park AND p.period = (SELECT pk FROM periods WHERE key = @prevKey)
               AND p.kind = 'actual' AND p.indicator = i.pk`,
    );
    statements.set(db, stmt);
  }
  return stmt;
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
