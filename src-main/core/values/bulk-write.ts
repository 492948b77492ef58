import { AppError, formatMessage, type ErrorDetail } from '../../shared/errors.ts';
import type { EditableField, ValueKind } from '../../shared/model.ts';
import { listStoredIndicators, type StoredIndicator } from '../catalog/catalog.ts';
import type { CoreContext } from '../context.ts';
import { valueEntityId, writeBatch, type ChangeLog, type Snapshot } from '../history/change-log.ts';
import { newValueRow, type ValueRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { readFigureFields, type FieldTexts } from './figure-fields.ts';

/** One figure to write, its fields as text (as typed or as read from a file). */
export interface BulkValue {
  parkId: string;
  periodId: string;
  indicatorId: string;
  kind: ValueKind;
  value: string;
  unit?: string;
  qualifier?: string;
  growth?: string;
  source?: string;
  baseline?: string;
}

export interface BulkResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const MAX_DETAILS = 200;
const FIELDS = ['value', 'unit', 'qualifier', 'growth', 'source', 'baseline'] as const satisfies readonly EditableField[];

/**
 * Writes many figures as one batch (one undo step), for imports and data packages. The same field
 * rules as a cell edit apply; every row is validated before anything is written, and one refused
 * row refuses the whole set. Unlike editValues it resolves the catalogue, parks and periods once
 * and never re-reads a row it has just written, which is what makes 250,000 figures take well
 * under a second instead of many.
 */
export function writeValuesBulk(ctx: CoreContext, label: string, values: readonly BulkValue[]): BulkResult {
  return writeBatch(ctx, label, (log) => writeValuesIn(ctx, log, values));
}

/**
 * The same inside a batch the caller holds, for a write that makes other rows first in the same
 * undo step (an import that creates the indicators and periods its figures need). The catalogue,
 * parks and periods are read here, so rows made earlier in the batch are found.
 */
export function writeValuesIn(ctx: CoreContext, log: ChangeLog, values: readonly BulkValue[]): BulkResult {
  const { db } = ctx;
  const indicators = new Map<string, StoredIndicator>(listStoredIndicators(db).map((i) => [i.id, i]));
  const pkMap = (table: string) => new Map((db.prepare(`SELECT id, pk FROM ${table}`).all() as { id: string; pk: number }[]).map((r) => [r.id, r.pk]));
  const parks = pkMap('parks');
  const periods = pkMap('periods');
  const now = new Date().toISOString();
  const errors: ErrorDetail[] = [];
  const rows: ValueRow[] = new Array(values.length);

  const refuse = (index: number, indicator: string | undefined, field: string, code: ErrorDetail['code'], params: ErrorDetail['params']) => {
    if (errors.length < MAX_DETAILS) errors.push({ index, ...(indicator ? { indicator } : {}), field, code, params, message: formatMessage(code, params) });
    else errors.length++; // count the rest without keeping them
  };

  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const ind = indicators.get(v.indicatorId);
    if (!ind) {
      refuse(i, undefined, 'indicator', 'INDICATOR_NOT_FOUND', { indicator: v.indicatorId });
      continue;
    }
    const park = parks.get(v.parkId);
    const period = periods.get(v.periodId);
    if (park === undefined) refuse(i, ind.name, 'park', 'PARK_NOT_FOUND', { park: v.parkId });
    if (period === undefined) refuse(i, ind.name, 'period', 'PERIOD_NOT_FOUND', { period: v.periodId });
    const row = newValueRow({ park: park ?? 0, period: period ?? 0, kind: v.kind, indicator: ind.pk }, ind.unit, ctx.actor, now);
    const texts: FieldTexts = {};
    for (const f of FIELDS) if (v[f] !== undefined) texts[f] = v[f];
    const { columns, refusals } = readFigureFields(ind, texts, ind.unit);
    for (const r of refusals) refuse(i, ind.name, r.field, r.code, r.params);
    Object.assign(row, columns);
    rows[i] = row;
  }
  if (errors.length) {
    const first = errors[0]!;
    throw new AppError('VALIDATION', { count: errors.length, first: `${first.indicator ?? ''} ${first.message}`.trim() }, errors.filter(Boolean));
  }

  // Existing figures are read once per (park, period, kind) rather than once per row: an import
  // mostly fills empty periods, where there is nothing to read at all.
  const existing = new Map<string, ValueRow>();
  const selectGroup = db.prepare('SELECT * FROM indicator_values WHERE park = ? AND period = ? AND kind = ?');
  const seen = new Set<string>();
  for (const row of rows) {
    const g = `${row.park}:${row.period}:${row.kind}`;
    if (seen.has(g)) continue;
    seen.add(g);
    for (const r of selectGroup.all(row.park, row.period, row.kind) as ValueRow[]) existing.set(valueEntityId(r), r);
  }
  const inserts = new MultiRowInsert(db);
  const update = db.prepare(
    `UPDATE indicator_values SET value = @value, unit = @unit, qualifier = @qualifier, growth = @growth, source = @source,
       baseline = @baseline, updated_by = @updated_by, updated_at = @updated_at
     WHERE park = @park AND period = @period AND kind = @kind AND indicator = @indicator`,
  );
  const result: BulkResult = { inserted: 0, updated: 0, unchanged: 0 };
  const befores: (ValueRow | null)[] = [];
  const afters: ValueRow[] = [];
  for (const row of rows) {
    const before = existing.get(valueEntityId(row));
    if (!before) {
      inserts.add(row);
      befores.push(null);
      afters.push(row);
      result.inserted++;
      continue;
    }
    // Fields the source did not carry keep what the store had (an import never blanks a note).
    const after: ValueRow = {
    ...before,
    value: row.value,
    unit: row.unit,
    qualifier: row.qualifier,
    growth: row.growth,
    source: row.source ?? before.source,
    baseline: row.baseline ?? before.baseline,
  };
    if (FIELDS.every((f) => after[f] === before[f])) {
      result.unchanged++;
      continue;
    }
    after.updated_by = ctx.actor;
    after.updated_at = now;
    update.run(after);
    befores.push(before);
    afters.push(after);
    result.updated++;
  }
  inserts.flush();
  log.recordValues(befores as unknown as (Snapshot | null)[], afters as unknown as Snapshot[]);
  return result;
}

const INSERT_COLUMNS = ['park', 'period', 'kind', 'indicator', 'value', 'unit', 'qualifier', 'growth', 'baseline', 'source', 'status', 'updated_by', 'updated_at'] as const;
const ROWS_PER_STATEMENT = 64;

/**
 * Inserts new figures 64 rows per statement with positional parameters: per-statement binding and
 * stepping, not SQLite's B-tree work, was most of the cost of one INSERT per figure (bench/store-bulk).
 */
class MultiRowInsert {
  private readonly full;
  private readonly db;
  private readonly params: unknown[] = [];
  private pending = 0;

  constructor(db: Db) {
    this.db = db;
    this.full = db.prepare(this.sql(ROWS_PER_STATEMENT));
  }

  add(row: ValueRow): void {
    for (const c of INSERT_COLUMNS) this.params.push(row[c]);
    if (++this.pending === ROWS_PER_STATEMENT) {
      this.full.run(this.params);
      this.params.length = 0;
      this.pending = 0;
    }
  }

  flush(): void {
    if (this.pending) this.db.prepare(this.sql(this.pending)).run(this.params);
    this.params.length = 0;
    this.pending = 0;
  }

  private sql(rows: number): string {
    const one = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
    return `INSERT INTO indicator_values (${INSERT_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
  }
}
