import { newId } from '../ids.ts';
import { lookAlike } from '../../shared/names.ts';
import { AppError } from '../../shared/errors.ts';
import type { Category, Indicator, MeasureKind } from '../../shared/model.ts';
import { unitDef, type Dimension } from '../../shared/figure/units.ts';
import { IndicatorMatcher } from './match-indicator.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import { toCategory, toIndicator, type CategoryRow, type IndicatorRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';

export function catalogVersion(db: Db): number {
  const r = db.prepare("SELECT value FROM meta WHERE key = 'catalog_version'").get() as { value: string } | undefined;
  return r ? Number(r.value) : 0;
}

export function listCategories(db: Db): Category[] {
  return (db.prepare('SELECT * FROM categories ORDER BY sort, code').all() as CategoryRow[]).map(toCategory);
}

/** Catalogue order: by category, then indicator sort. */
export function listIndicators(db: Db): Indicator[] {
  return (
    db
      .prepare(
        `SELECT i.*, coalesce(u.retired, 0) AS retired FROM indicators i JOIN categories c ON c.code = i.category_code
           LEFT JOIN indicator_use u ON u.indicator_id = i.id ORDER BY c.sort, i.sort, i.code`,
      )
      .all() as IndicatorRow[]
  ).map(toIndicator);
}


/** An indicator with its local key, for code that joins values. */
export type StoredIndicator = Indicator & { pk: number };

export function getIndicatorsByIds(db: Db, ids: readonly string[]): Map<string, StoredIndicator> {
  const out = new Map<string, StoredIndicator>();
  const stmt = db.prepare('SELECT * FROM indicators WHERE id = ?');
  for (const id of new Set(ids)) {
    const r = stmt.get(id) as IndicatorRow | undefined;
    if (r) out.set(id, { ...toIndicator(r), pk: r.pk });
  }
  return out;
}

export function listStoredIndicators(db: Db): StoredIndicator[] {
  return (db.prepare('SELECT * FROM indicators').all() as IndicatorRow[]).map((r) => ({ ...toIndicator(r), pk: r.pk }));
}

/** By name or code, as typed on the command line or in an imported table. */
export function findIndicator(db: Db, nameOrCode: string): Indicator {
  const n = nameOrCode.trim();
  const r = db.prepare('SELECT * FROM indicators WHERE name = ? OR code = ? LIMIT 1').get(n, n) as IndicatorRow | undefined;
  if (!r) throw new AppError('INDICATOR_NOT_FOUND', { indicator: n });
  return toIndicator(r);
}

/** What an indicator measures follows from its unit's dimension. */
export const KIND_BY_DIMENSION: Record<Dimension, MeasureKind> = {
  cny: 'amount',
  usd: 'amount',
  count: 'count',
  percent: 'percent',
  workdays: 'duration',
  area: 'area',
};

export interface NewIndicator {
  /** Chosen ahead (an import plans its new indicators in its preview); else a new one. */
  id?: string | undefined;
  categoryCode: string;
  name: string;
  nameEn?: string | null | undefined;
  unit: string;
  decimals: number;
  definition?: string | null | undefined;
  scope?: string | null | undefined;
  integerOnly?: boolean | undefined;
  nonNegative?: boolean | undefined;
  parentCode?: string | null | undefined;
  code?: string | undefined;
  sort?: number | undefined;
  builtin?: boolean | undefined;
  /** Local key of the park it is kept to; absent: every park. */
  onlyPark?: number | null | undefined;
}

export function insertIndicator(ctx: CoreContext, log: ChangeLog, n: NewIndicator): Indicator {
  const { db } = ctx;
  const name = n.name.trim();
  if (!name) throw new AppError('NAME_REQUIRED', { field: 'name' });
  const unit = unitDef(n.unit);
  if (!unit) throw new AppError('UNIT_UNKNOWN', { unit: n.unit });
  if (!db.prepare('SELECT 1 FROM categories WHERE code = ?').get(n.categoryCode)) {
    throw new AppError('CATEGORY_NOT_FOUND', { category: n.categoryCode });
  }
  const indicatorDup = lookAlike(name, db.prepare('SELECT name FROM indicators').pluck().all() as string[]);
  if (indicatorDup !== undefined) throw new AppError('DUPLICATE_NAME', { what: 'indicator', name: indicatorDup });
  // A name another indicator answers to as an alias would make one text name two indicators.
  const other = new IndicatorMatcher(db).match(name);
  if (other && other.by === 'alias') throw new AppError('ALIAS_TAKEN', { alias: name, indicator: other.indicator.name });
  const now = new Date().toISOString();
  const maxSort = (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM indicators WHERE category_code = ?').get(n.categoryCode) as { s: number }).s;
  const row: Omit<IndicatorRow, 'pk'> = {
    id: n.id ?? newId(),
    code: n.code ?? nextCustomCode(db, 'U'),
    category_code: n.categoryCode,
    name,
    name_en: n.nameEn?.trim() || null,
    unit: unit.code,
    decimals: n.decimals,
    kind: KIND_BY_DIMENSION[unit.dimension],
    scope: n.scope?.trim() || null,
    definition: n.definition?.trim() || null,
    non_negative: n.nonNegative === false ? 0 : 1,
    integer_only: n.integerOnly ? 1 : 0,
    parent_code: n.parentCode ?? null,
    sort: n.sort ?? maxSort + 10,
    builtin: n.builtin ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  const pk = Number(
    db
      .prepare(
        `INSERT INTO indicators (id, code, category_code, name, name_en, unit, decimals, kind, scope, definition, non_negative,
           integer_only, parent_code, sort, builtin, created_at, updated_at)
         VALUES (@id, @code, @category_code, @name, @name_en, @unit, @decimals, @kind, @scope, @definition, @non_negative,
           @integer_only, @parent_code, @sort, @builtin, @created_at, @updated_at)`,
      )
      .run(row).lastInsertRowid,
  );
  log.record('indicator', row.id, null, { pk, ...row });
  if (n.onlyPark != null) putUse(ctx, log, row.id, { only_park: n.onlyPark });
  return toIndicator({ pk, ...row });
}

export interface UseRow {
  indicator_id: string;
  retired: number;
  only_park: number | null;
  updated_at: string;
}

/** Sets an indicator's retirement or park; the row goes when both are back to how every indicator starts. */
export function putUse(ctx: CoreContext, log: ChangeLog, indicatorId: string, patch: Partial<Pick<UseRow, 'retired' | 'only_park'>>): void {
  const before = (ctx.db.prepare('SELECT * FROM indicator_use WHERE indicator_id = ?').get(indicatorId) as UseRow | undefined) ?? null;
  const after: UseRow = { indicator_id: indicatorId, retired: 0, only_park: null, ...before, ...patch, updated_at: new Date().toISOString() };
  if (before && before.retired === after.retired && before.only_park === after.only_park) return;
  if (after.retired === 0 && after.only_park === null) {
    if (!before) return;
    ctx.db.prepare('DELETE FROM indicator_use WHERE indicator_id = ?').run(indicatorId);
    log.record('indicatorUse', indicatorId, { ...before }, null);
    return;
  }
  ctx.db
    .prepare(
      `INSERT INTO indicator_use (indicator_id, retired, only_park, updated_at) VALUES (@indicator_id, @retired, @only_park, @updated_at)
       ON CONFLICT (indicator_id) DO UPDATE SET retired = excluded.retired, only_park = excluded.only_park, updated_at = excluded.updated_at`,
    )
    .run(after);
  log.record('indicatorUse', indicatorId, before ? { ...before } : null, { ...after });
}

export function insertCategory(ctx: CoreContext, log: ChangeLog, c: { name: string; nameEn?: string | null | undefined; code?: string; sort?: number; builtin?: boolean }): Category {
  const { db } = ctx;
  const name = c.name.trim();
  if (!name) throw new AppError('NAME_REQUIRED', { field: 'name' });
  const categoryDup = lookAlike(name, db.prepare('SELECT name FROM categories').pluck().all() as string[]);
  if (categoryDup !== undefined) throw new AppError('DUPLICATE_NAME', { what: 'category', name: categoryDup });
  const maxSort = (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM categories').get() as { s: number }).s;
  const row: CategoryRow = {
    code: c.code ?? nextCustomCode(db, 'UC', 'categories'),
    name,
    name_en: c.nameEn?.trim() || null,
    sort: c.sort ?? maxSort + 10,
    builtin: c.builtin ? 1 : 0,
  };
  db.prepare('INSERT INTO categories (code, name, name_en, sort, builtin) VALUES (@code, @name, @name_en, @sort, @builtin)').run(row);
  log.record('category', row.code, null, { ...row });
  return toCategory(row);
}

/** User-made codes are U001, U002… (categories UC01…), never colliding with the built-in catalogue's. */
function nextCustomCode(db: Db, prefix: string, table: 'indicators' | 'categories' = 'indicators'): string {
  const width = prefix === 'U' ? 3 : 2;
  const rows = db.prepare(`SELECT code FROM ${table} WHERE code LIKE ?`).all(`${prefix}%`) as { code: string }[];
  let max = 0;
  for (const r of rows) {
    const n = Number(r.code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return prefix + String(max + 1).padStart(width, '0');
}
