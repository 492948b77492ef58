import { newId } from '../ids.ts';
import { AppError } from '../../shared/errors.ts';
import type { Period } from '../../shared/model.ts';
import { parsePeriodKey, periodKey } from '../../shared/period-key.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { toPeriod, type PeriodRow } from './rows.ts';

export function listPeriods(db: Db): Period[] {
  return (db.prepare('SELECT * FROM periods ORDER BY year DESC, end_month DESC, start_month ASC').all() as PeriodRow[]).map(toPeriod);
}

export function getPeriod(db: Db, id: string): Period {
  return toPeriod(getPeriodRow(db, id));
}

/** The row, with its local key for joins. */
export function getPeriodRow(db: Db, id: string): PeriodRow {
  const r = db.prepare('SELECT * FROM periods WHERE id = ?').get(id) as PeriodRow | undefined;
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
export function ensurePeriod(ctx: CoreContext, log: ChangeLog, raw: string): Period {
  const existing = findPeriodByKey(ctx.db, raw);
  if (existing) return existing;
  const parts = parsePeriodKey(raw)!;
  const row: Omit<PeriodRow, 'pk'> = {
    id: newId(),
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
