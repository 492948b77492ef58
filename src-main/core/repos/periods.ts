import { newId } from '../ids.ts';
import { AppError } from '../../shared/errors.ts';
import type { Period, PeriodUse } from '../../shared/model.ts';
import { parsePeriodKey, periodKey } from '../../shared/period-key.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';
import { removeDependents, type Dependents } from './parks.ts';
import { toPeriod, type PeriodRow } from './rows.ts';

const ORDER = 'ORDER BY year DESC, end_month DESC, start_month ASC';

/** Newest first. For a park, each period with the number of figures and documents the park has in it. */
export function listPeriods(db: Db, parkPk?: number): Period[] {
  if (parkPk === undefined) return (db.prepare(`SELECT * FROM periods ${ORDER}`).all() as PeriodRow[]).map(toPeriod);
  const rows = db
    .prepare(
      `SELECT p.*, (SELECT count(*) FROM indicator_values v WHERE v.park = @park AND v.period = p.pk AND v.kind = 'actual') AS actual,
              (SELECT count(*) FROM indicator_values v WHERE v.park = @park AND v.period = p.pk AND v.kind = 'target') AS target,
              (SELECT count(*) FROM documents d WHERE d.park = @park AND d.period = p.pk) AS documents
         FROM periods p ${ORDER}`,
    )
    .all({ park: parkPk }) as (PeriodRow & Omit<PeriodUse, 'figures'>)[];
  return rows.map((r) => ({ ...toPeriod(r), use: { figures: r.actual + r.target, actual: r.actual, target: r.target, documents: r.documents } }));
}

export function getPeriod(db: Db, id: string): Period {
  return toPeriod(getPeriodRow(db, id));
}

/** The row, with its local key for joins. */
export function getPeriodRow(db: Db, id: string): PeriodRow {
  const r = cached(db, 'SELECT * FROM periods WHERE id = ?').get(id) as PeriodRow | undefined;
  if (!r) throw new AppError('PERIOD_NOT_FOUND', { period: id });
  return r;
}

/** The canonical key for what a user typed ("2018m1-4" → "2018M1-4"), or a clear refusal. */
export function canonicalPeriodKey(raw: string): string {
  const parts = parsePeriodKey(raw);
  if (!parts) throw new AppError('PERIOD_INVALID', { period: raw });
  return periodKey(parts);
}

export function findPeriodByKey(db: Db, raw: string): Period | null {
  const r = db.prepare('SELECT * FROM periods WHERE key = ?').get(canonicalPeriodKey(raw)) as PeriodRow | undefined;
  return r ? toPeriod(r) : null;
}

export function requirePeriodByKey(db: Db, raw: string): Period {
  const p = findPeriodByKey(db, raw);
  if (!p) throw new AppError('PERIOD_NOT_FOUND', { period: raw });
  return p;
}

/** Returns the existing period with that key, or creates it (periods are shared by all parks). */
export function ensurePeriod(ctx: CoreContext, log: ChangeLog, raw: string, id?: string): Period {
  const existing = findPeriodByKey(ctx.db, raw);
  if (existing) return existing;
  const parts = parsePeriodKey(raw)!;
  const row: Omit<PeriodRow, 'pk'> = {
    id: id ?? newId(),
    key: periodKey(parts),
    kind: parts.kind,
    year: parts.year,
    start_month: parts.startMonth,
    end_month: parts.endMonth,
    created_at: new Date().toISOString(),
  };
  const pk = Number(
    ctx.db
      .prepare(
        'INSERT INTO periods (id, key, kind, year, start_month, end_month, created_at) VALUES (@id, @key, @kind, @year, @start_month, @end_month, @created_at)',
      )
      .run(row).lastInsertRowid,
  );
  log.record('period', row.id, null, { pk, ...row });
  return toPeriod({ pk, ...row });
}

/** Changes a period's key (2018M1-4 entered where 2018M1-3 was meant); a key another period has is refused. */
export function updatePeriodKey(ctx: CoreContext, log: ChangeLog, id: string, raw: string): Period {
  const before = getPeriodRow(ctx.db, id);
  const key = canonicalPeriodKey(raw);
  if (key === before.key) return toPeriod(before);
  if (findPeriodByKey(ctx.db, key)) throw new AppError('DUPLICATE_NAME', { what: 'period', name: key });
  const parts = parsePeriodKey(key)!;
  const after: PeriodRow = { ...before, key, kind: parts.kind, year: parts.year, start_month: parts.startMonth, end_month: parts.endMonth };
  ctx.db.prepare('UPDATE periods SET key = @key, kind = @kind, year = @year, start_month = @start_month, end_month = @end_month WHERE pk = @pk').run(after);
  log.record('period', before.id, { ...before }, { ...after });
  return toPeriod(after);
}

/** Deletes a period; refused while figures or documents are in it unless `cascade`, then they go with it. */
export function deletePeriod(ctx: CoreContext, log: ChangeLog, id: string, cascade: boolean): Dependents {
  const row = getPeriodRow(ctx.db, id);
  const n = (sql: string) => ctx.db.prepare(sql).pluck().get(row.pk) as number;
  const deps: Dependents = {
    figures: n('SELECT count(*) FROM indicator_values WHERE period = ?'),
    documents: n('SELECT count(*) FROM documents WHERE period = ?'),
    indicators: 0,
  };
  if (!cascade && deps.figures + deps.documents > 0) throw new AppError('IN_USE_PERIOD', { name: row.key, ...deps });
  removeDependents(ctx, log, 'period', row.pk);
  ctx.db.prepare('DELETE FROM periods WHERE pk = ?').run(row.pk);
  log.record('period', row.id, { ...row }, null);
  return deps;
}
