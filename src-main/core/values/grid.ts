import { roundToString } from '../../shared/decimal.ts';
import type { Grid, GridRow, Indicator, ValueKind } from '../../shared/model.ts';
import { parsePeriodKey, previousYearKey } from '../../shared/period-key.ts';
import { conversionFactor } from '../../shared/units.ts';
import { listCategories } from '../catalog/catalog.ts';
import { checkScope } from '../checks/run-checks.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { toIndicator, toPark, toPeriod, toValue, type IndicatorRow, type ValueRow } from '../repos/rows.ts';
import type Database from 'better-sqlite3';
import type { Db } from '../store/open.ts';

type Joined = IndicatorRow & {
  v_kind: string | null;
  p_value: string | null;
  p_unit: string | null;
  p_qualifier: string | null;
} & { [K in keyof ValueRow as `v_${K & string}`]: ValueRow[K] | null };

/**
 * One park-period grid: every catalogue indicator with the current figure and the same period of the
 * previous year (actual figures), in one query over the (park, period, kind, indicator) index, and
 * the check rules' warnings over those same figures (no second read).
 */
export function readGrid(db: Db, parkId: string, periodId: string, kind: ValueKind): Grid {
  const parkRow = getParkRow(db, parkId);
  const periodRow = getPeriodRow(db, periodId);
  const period = toPeriod(periodRow);
  const prevKey = previousYearKey(parsePeriodKey(period.key)!);
  const rows = gridQuery(db).all({ park: parkRow.pk, period: periodRow.pk, kind, prevKey }) as Joined[];

  const gridRows: GridRow[] = rows.map((r) => {
    const indicator = toIndicator(r);
    const current =
      r.v_kind === null
        ? null
        : toValue({
            value: r.v_value,
            unit: r.v_unit!,
            qualifier: r.v_qualifier,
            growth: r.v_growth,
            baseline: r.v_baseline,
            source: r.v_source,
            status: r.v_status!,
            updated_at: r.v_updated_at!,
            updated_by: r.v_updated_by!,
          });
    const previous = r.p_unit === null ? null : { value: r.p_value, unit: r.p_unit, qualifier: r.p_qualifier };
    return { indicator, current, previous, computedGrowth: computeGrowth(indicator, current, previous) };
  });
  const checks = checkScope(
    db,
    gridRows.map((r) => ({ indicator: r.indicator, current: r.current, previous: r.previous ? { ...r.previous } : null })),
  );
  return { park: toPark(parkRow), period, previousPeriodKey: prevKey, kind, categories: listCategories(db), rows: gridRows, checks };
}

// Prepared once per connection: preparing the join cost about as much as running it.
const statements = new WeakMap<Db, Database.Statement>();

function gridQuery(db: Db): Database.Statement {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare(
      `SELECT i.*,
                v.kind AS v_kind, v.value AS v_value, v.unit AS v_unit, v.qualifier AS v_qualifier, v.growth AS v_growth,
                v.baseline AS v_baseline, v.source AS v_source, v.status AS v_status, v.updated_at AS v_updated_at,
                v.updated_by AS v_updated_by,
                p.value AS p_value, p.unit AS p_unit, p.qualifier AS p_qualifier
           FROM indicators i
           JOIN categories c ON c.code = i.category_code
           LEFT JOIN indicator_values v
                  ON v.park = @park AND v.period = @period AND v.kind = @kind AND v.indicator = i.pk
           LEFT JOIN indicator_values p
                  ON p.park = @park AND p.period = (SELECT pk FROM periods WHERE key = @prevKey)
                 AND p.kind = 'actual' AND p.indicator = i.pk
          ORDER BY c.sort, i.sort, i.code`,
    );
    statements.set(db, stmt);
  }
  return stmt;
}

/**
 * 同比 from two stored figures, or null when it cannot honestly be computed: a missing value, units
 * that don't convert (亿美元 vs 亿元), a zero base, or a figure that is only approximate (近, 余 …).
 * For percentages the change is in percentage points (个百分点), not a growth rate.
 */
export function computeGrowth(
  ind: Indicator,
  cur: { value: string | null; unit: string; qualifier: string | null } | null,
  prev: { value: string | null; unit: string; qualifier: string | null } | null,
): string | null {
  if (!cur || !prev || cur.value === null || prev.value === null) return null;
  if (cur.qualifier || prev.qualifier) return null;
  const f = conversionFactor(prev.unit, cur.unit);
  if (f === null) return null;
  const a = Number(cur.value);
  const b = Number(prev.value) * f;
  if (ind.kind === 'percent') return roundToString(a - b, 1);
  if (b === 0) return null;
  return roundToString(((a - b) / b) * 100, 1);
}
