// The one reader of stored figures. Every view of `indicator_values` goes through here: a park-period
// with the same period a year earlier (the grid and the check rules), one park-period as a map (the
// tables, the import preview), one figure (the placeholders of a document), a series of periods for
// one park, and many parks for one period. The arithmetic on what is read lives in shared/figure/.

import type Database from 'better-sqlite3';
import type { IndicatorValue, ValueKind, ValueStatus } from '../../shared/model.ts';
import { parsePeriodKey, previousYearKey } from '../../shared/period-key.ts';
import type { IndicatorRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';

/** A figure as stored: decimal text in its own unit, as it was reported (the model's IndicatorValue). */
export type StoredFigure = IndicatorValue;

/** What a figure says, without its bookkeeping: what tables and totals show. */
export type ReportedFigure = Pick<StoredFigure, 'value' | 'unit' | 'qualifier' | 'growth'>;

/** Indicator pk → figure, for one park, period and kind. */
export type FigureMap = ReadonlyMap<number, StoredFigure>;

const EMPTY: FigureMap = new Map();

const FIGURE_COLUMNS = 'value, unit, qualifier, growth, baseline, source, status, updated_at, updated_by';
type RawFigure = [string | null, string, string | null, string | null, string | null, string | null, ValueStatus, string, string];

function figureOf(r: RawFigure): StoredFigure {
  return { value: r[0], unit: r[1], qualifier: r[2], growth: r[3], baseline: r[4], source: r[5], status: r[6], updatedAt: r[7], updatedBy: r[8] };
}

/** One catalogue indicator of a park-period with its figure and the actual figure of a year earlier. */
export interface ScopeRow {
  indicator: IndicatorRow;
  current: StoredFigure | null;
  previous: StoredFigure | null;
}

/**
 * Figure statements are prepared once per reader: a 100-park yearbook resolves thousands of
 * placeholders and a province workbook reads 200 parks, and preparing cost about as much as running.
 */
export class FigureReader {
  private readonly byParkPeriod: Database.Statement;
  private readonly one: Database.Statement;
  private readonly periodByKey: Database.Statement;
  private readonly periodsOfPark: Database.Statement;
  private readonly pkCache = new Map<string, number | null>();

  constructor(db: Db) {
    // Raw rows: one array per figure instead of an object built and then copied.
    this.byParkPeriod = db.prepare(`SELECT indicator, ${FIGURE_COLUMNS} FROM indicator_values WHERE park = ? AND period = ? AND kind = ?`).raw();
    this.one = db.prepare(`SELECT ${FIGURE_COLUMNS} FROM indicator_values WHERE park = ? AND period = ? AND kind = ? AND indicator = ?`).raw();
    this.periodByKey = db.prepare('SELECT pk FROM periods WHERE key = ?').pluck();
    this.periodsOfPark = db.prepare('SELECT DISTINCT period FROM indicator_values WHERE park = ? AND kind = ?').pluck();
  }

  /** The period's local key, or null when the store has no such period. */
  periodPk(key: string): number | null {
    let pk = this.pkCache.get(key);
    if (pk === undefined) {
      pk = (this.periodByKey.get(key) as number | undefined) ?? null;
      this.pkCache.set(key, pk);
    }
    return pk;
  }

  /** The same period a year earlier (2022Q3 → 2021Q3), when the store has it. */
  previousYearPk(period: { key: string }): number | null {
    const parts = parsePeriodKey(period.key);
    return parts ? this.periodPk(previousYearKey(parts)) : null;
  }

  /** Every figure of one park, period and kind. */
  read(parkPk: number, periodPk: number | null, kind: ValueKind): FigureMap {
    if (periodPk === null) return EMPTY;
    const out = new Map<number, StoredFigure>();
    for (const r of this.byParkPeriod.all(parkPk, periodPk, kind) as [number, ...RawFigure][]) out.set(r[0], figureOf(r.slice(1) as RawFigure));
    return out;
  }

  /** One figure by the period's key (a placeholder names periods by key: 2017, 2018M1-4). */
  figure(parkPk: number, periodKey: string, kind: ValueKind, indicatorPk: number): StoredFigure | null {
    const pk = this.periodPk(periodKey);
    if (pk === null) return null;
    const r = this.one.get(parkPk, pk, kind, indicatorPk) as RawFigure | undefined;
    return r ? figureOf(r) : null;
  }

  /** The periods in which a park has figures of a kind (a table's default columns). */
  periodsWithFigures(parkPk: number, kind: ValueKind): Set<number> {
    return new Set(this.periodsOfPark.all(parkPk, kind) as number[]);
  }

  /** One park over several periods (a table's period columns, a trend), in the order given. */
  series(parkPk: number, periodPks: readonly (number | null)[], kind: ValueKind): FigureMap[] {
    return periodPks.map((p) => this.read(parkPk, p, kind));
  }

  /** Several parks for one period (the comparison of parks), keyed by park pk. */
  acrossParks(parkPks: readonly number[], periodPk: number | null, kind: ValueKind): Map<number, FigureMap> {
    return new Map(parkPks.map((p) => [p, this.read(p, periodPk, kind)]));
  }
}

type JoinedRow = IndicatorRow & { [K in keyof RawColumns as `v_${K}`]: RawColumns[K] | null } & {
  p_value: string | null;
  p_unit: string | null;
  p_qualifier: string | null;
  p_growth: string | null;
  p_baseline: string | null;
  p_source: string | null;
  p_status: ValueStatus | null;
  p_updated_at: string | null;
  p_updated_by: string | null;
};
interface RawColumns {
  value: string;
  unit: string;
  qualifier: string;
  growth: string;
  baseline: string;
  source: string;
  status: ValueStatus;
  updated_at: string;
  updated_by: string;
}

const scopeColumns = (alias: string) => FIGURE_COLUMNS.split(', ').map((c) => `${alias}.${c} AS ${alias}_${c}`).join(', ');

/**
 * `offered`: only the indicators offered for this park — not retired, not kept to another park —
 * and any other that holds a figure here (a figure is never hidden).
 */
const scopeSql = (offered: boolean) =>
  `SELECT i.*, ${scopeColumns('v')}, ${scopeColumns('p')}
     FROM indicators i
     JOIN categories c ON c.code = i.category_code
     LEFT JOIN indicator_values v
            ON v.park = @park AND v.period = @period AND v.kind = @kind AND v.indicator = i.pk
     LEFT JOIN indicator_values p
            ON p.park = @park AND p.period = (SELECT pk FROM periods WHERE key = @prevKey)
           AND p.kind = 'actual' AND p.indicator = i.pk
     LEFT JOIN indicator_use u ON u.indicator_id = i.id
    ${offered ? 'WHERE (coalesce(u.retired, 0) = 0 AND (u.only_park IS NULL OR u.only_park = @park)) OR v.unit IS NOT NULL' : ''}
    ORDER BY c.sort, i.sort, i.code`;
const SCOPE_SQL = { offered: scopeSql(true), all: scopeSql(false) };

function joined(r: JoinedRow, a: 'v' | 'p'): StoredFigure | null {
  const g = (c: keyof RawColumns) => r[`${a}_${c}` as keyof JoinedRow] as never;
  if (g('unit') === null) return null;
  return { value: g('value'), unit: g('unit'), qualifier: g('qualifier'), growth: g('growth'), baseline: g('baseline'), source: g('source'), status: g('status'), updatedAt: g('updated_at'), updatedBy: g('updated_by') };
}

/**
 * Every catalogue indicator, in catalogue order, with the park-period's figure of `kind` and the
 * actual figure of the same period a year earlier: one query over the (park, period, kind,
 * indicator) key, prepared once per connection (an import checks every park-period it touches).
 */
export function readScope(db: Db, parkPk: number, period: { pk: number; key: string }, kind: ValueKind, opts: { offered?: boolean } = {}): ScopeRow[] {
  const prevKey = previousYearKey(parsePeriodKey(period.key)!);
  const rows = cached(db, opts.offered ? SCOPE_SQL.offered : SCOPE_SQL.all).all({ park: parkPk, period: period.pk, kind, prevKey }) as JoinedRow[];
  return rows.map((r) => ({ indicator: r, current: joined(r, 'v'), previous: joined(r, 'p') }));
}
