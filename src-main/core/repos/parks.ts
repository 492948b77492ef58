import { newId } from '../ids.ts';
import { lookAlike } from '../../shared/names.ts';
import { AppError } from '../../shared/errors.ts';
import type { Park } from '../../shared/model.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog, Snapshot } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';
import { toPark, type ParkRow } from './rows.ts';

export function listParks(db: Db): Park[] {
  return allParks(db).map(toPark);
}

/** Every park's row, in the order the park list shows them. */
export function allParks(db: Db): ParkRow[] {
  return db.prepare('SELECT * FROM parks ORDER BY name COLLATE NOCASE').all() as ParkRow[];
}

export function getPark(db: Db, id: string): Park {
  return toPark(getParkRow(db, id));
}

/** The row, with its local key for joins. */
export function getParkRow(db: Db, id: string): ParkRow {
  const r = cached(db, 'SELECT * FROM parks WHERE id = ?').get(id) as ParkRow | undefined;
  if (!r) throw new AppError('PARK_NOT_FOUND', { park: id });
  return r;
}

/** By full name or short name, as a person types it on the command line. */
export function findParkByName(db: Db, name: string): Park {
  const n = name.trim();
  const r = db.prepare('SELECT * FROM parks WHERE name = ? OR short_name = ? ORDER BY name = ? DESC LIMIT 1').get(n, n, n) as
    | ParkRow
    | undefined;
  if (!r) throw new AppError('PARK_NOT_FOUND', { park: n });
  return toPark(r);
}

export interface NewPark {
  /** Chosen ahead (an import plans the park in its preview); else a new one. */
  id?: string | undefined;
  name: string;
  shortName?: string | null | undefined;
  region?: string | null | undefined;
  level?: string | null | undefined;
}

export function insertPark(ctx: CoreContext, log: ChangeLog, p: NewPark): Park {
  const name = p.name.trim();
  if (!name) throw new AppError('NAME_REQUIRED', { field: 'name' });
  const names = (ctx.db.prepare('SELECT name FROM parks').pluck().all() as string[]);
  const dup = lookAlike(name, names);
  if (dup !== undefined) throw new AppError('DUPLICATE_NAME', { what: 'park', name: dup });
  const now = new Date().toISOString();
  const row: Omit<ParkRow, 'pk'> = {
    id: p.id ?? newId(),
    name,
    short_name: p.shortName?.trim() || null,
    region: p.region?.trim() || null,
    level: p.level?.trim() || null,
    created_at: now,
    updated_at: now,
  };
  const pk = Number(
    ctx.db
      .prepare(
        'INSERT INTO parks (id, name, short_name, region, level, created_at, updated_at) VALUES (@id, @name, @short_name, @region, @level, @created_at, @updated_at)',
      )
      .run(row).lastInsertRowid,
  );
  log.record('park', row.id, null, { pk, ...row });
  return toPark({ pk, ...row });
}

export interface ParkPatch {
  name?: string | undefined;
  shortName?: string | null | undefined;
  region?: string | null | undefined;
  level?: string | null | undefined;
}

/** Renames a park or changes its short name, region or level; a name another park has is refused. */
export function updatePark(ctx: CoreContext, log: ChangeLog, id: string, patch: ParkPatch): Park {
  const before = getParkRow(ctx.db, id);
  const after: ParkRow = { ...before, updated_at: new Date().toISOString() };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (!name) throw new AppError('NAME_REQUIRED', { field: 'name' });
    // Compared as every name is (shared/names.ts): ＡＢＣ高新区 and ABC高新区 are one name.
    const dup = lookAlike(name, ctx.db.prepare('SELECT name FROM parks WHERE pk <> ?').pluck().all(before.pk) as string[]);
    if (dup !== undefined) throw new AppError('DUPLICATE_NAME', { what: 'park', name: dup });
    after.name = name;
  }
  if (patch.shortName !== undefined) after.short_name = patch.shortName?.trim() || null;
  if (patch.region !== undefined) after.region = patch.region?.trim() || null;
  if (patch.level !== undefined) after.level = patch.level?.trim() || null;
  ctx.db
    .prepare('UPDATE parks SET name = @name, short_name = @short_name, region = @region, level = @level, updated_at = @updated_at WHERE pk = @pk')
    .run(after);
  log.record('park', before.id, { ...before }, { ...after });
  return toPark(after);
}

/** What depends on a park or a period: its figures, documents, and (a park's) indicators kept to it. */
export interface Dependents {
  figures: number;
  documents: number;
  indicators: number;
}

/**
 * Removes the rows that depend on a park or period (column `column` of values and documents), every
 * one logged so the whole deletion is one undo step. Figures go as one columnar log row, as an
 * import writes them.
 */
export function removeDependents(ctx: CoreContext, log: ChangeLog, column: 'park' | 'period', pk: number): void {
  const values = ctx.db.prepare(`SELECT * FROM indicator_values WHERE ${column} = ?`).all(pk) as Snapshot[];
  if (values.length) {
    ctx.db.prepare(`DELETE FROM indicator_values WHERE ${column} = ?`).run(pk);
    log.recordValues(values, values.map(() => null));
  }
  for (const d of ctx.db.prepare(`SELECT * FROM documents WHERE ${column} = ?`).all(pk) as (Snapshot & { id: string })[]) {
    ctx.db.prepare('DELETE FROM documents WHERE id = ?').run(d.id);
    log.record('document', d.id, d, null);
  }
}

export function parkDependents(db: Db, pk: number): Dependents {
  const n = (sql: string) => db.prepare(sql).pluck().get(pk) as number;
  return {
    figures: n('SELECT count(*) FROM indicator_values WHERE park = ?'),
    documents: n('SELECT count(*) FROM documents WHERE park = ?'),
    indicators: n('SELECT count(*) FROM indicator_use WHERE only_park = ?'),
  };
}

/**
 * Deletes a park. While figures, documents or indicators of its own depend on it the deletion is
 * refused with their count, unless `cascade` (the user confirmed): then they go with it — the
 * indicators kept to it are kept for every park instead, since their definitions may serve others.
 */
export function deletePark(ctx: CoreContext, log: ChangeLog, id: string, cascade: boolean): Dependents {
  const row = getParkRow(ctx.db, id);
  const deps = parkDependents(ctx.db, row.pk);
  // Indicators of the park's own are named only when there are some (“0 个只用于它的指标” reads as noise).
  if (!cascade && deps.figures + deps.documents + deps.indicators > 0) throw new AppError(deps.indicators ? 'IN_USE' : 'IN_USE_PARK', { name: row.name, ...deps });
  removeDependents(ctx, log, 'park', row.pk);
  const now = new Date().toISOString();
  for (const use of ctx.db.prepare('SELECT * FROM indicator_use WHERE only_park = ?').all(row.pk) as (Snapshot & { indicator_id: string; retired: number })[]) {
    if (use.retired) {
      const after = { ...use, only_park: null, updated_at: now };
      ctx.db.prepare('UPDATE indicator_use SET only_park = NULL, updated_at = ? WHERE indicator_id = ?').run(now, use.indicator_id);
      log.record('indicatorUse', use.indicator_id, use, after);
    } else {
      ctx.db.prepare('DELETE FROM indicator_use WHERE indicator_id = ?').run(use.indicator_id);
      log.record('indicatorUse', use.indicator_id, use, null);
    }
  }
  ctx.db.prepare('DELETE FROM parks WHERE pk = ?').run(row.pk);
  log.record('park', row.id, { ...row }, null);
  return deps;
}
