import { newId } from '../ids.ts';
import { lookAlike } from '../../shared/names.ts';
import { AppError } from '../../shared/errors.ts';
import type { Park } from '../../shared/model.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { toPark, type ParkRow } from './rows.ts';

export function listParks(db: Db): Park[] {
  return (db.prepare('SELECT * FROM parks ORDER BY name COLLATE NOCASE').all() as ParkRow[]).map(toPark);
}

export function getPark(db: Db, id: string): Park {
  return toPark(getParkRow(db, id));
}

/** The row, with its local key for joins. */
export function getParkRow(db: Db, id: string): ParkRow {
  const r = db.prepare('SELECT * FROM parks WHERE id = ?').get(id) as ParkRow | undefined;
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
    id: newId(),
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
