// Shaping the catalogue: an indicator edited (name, unit, category, places, scope, aliases, 其中
// parent, the park it is kept to), merged into another, retired or restored, moved up or down.
// Each is written inside the caller's batch (one undo step), every row change logged.
//
// A renamed indicator keeps its old name as an alias, and a merged one leaves its name and aliases
// to the indicator it went into: imports, pastes and document placeholders written with the old
// name still find it (core/catalog/match-indicator.ts).

import { AppError } from '../../shared/errors.ts';
import { lookAlike } from '../../shared/names.ts';
import type { Indicator } from '../../shared/model.ts';
import { compatibleUnits, unitDef } from '../../shared/figure/units.ts';
import type { CoreContext } from '../context.ts';
import { valueEntityId, type ChangeLog } from '../history/change-log.ts';
import { getParkRow } from '../repos/parks.ts';
import { toIndicator, type IndicatorRow, type ValueRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { addAlias, aliasesByIndicator, removeAlias, setAliases, type AliasRow } from './aliases.ts';
import { KIND_BY_DIMENSION, putUse } from './catalog.ts';
import { IndicatorMatcher, normalizeName } from './match-indicator.ts';

export interface IndicatorPatch {
  name?: string | undefined;
  nameEn?: string | null | undefined;
  unit?: string | undefined;
  categoryCode?: string | undefined;
  decimals?: number | undefined;
  scope?: string | null | undefined;
  definition?: string | null | undefined;
  parentCode?: string | null | undefined;
  aliases?: readonly string[] | undefined;
  /** The park it is kept to (its id), or null for every park. */
  onlyParkId?: string | null | undefined;
}

export function indicatorRow(db: Db, id: string): IndicatorRow {
  const r = db.prepare('SELECT * FROM indicators WHERE id = ?').get(id) as IndicatorRow | undefined;
  if (!r) throw new AppError('INDICATOR_NOT_FOUND', { indicator: id });
  return r;
}

function putRow(ctx: CoreContext, log: ChangeLog, before: IndicatorRow, after: IndicatorRow): void {
  ctx.db
    .prepare(
      `UPDATE indicators SET code = @code, category_code = @category_code, name = @name, name_en = @name_en, unit = @unit,
         decimals = @decimals, kind = @kind, scope = @scope, definition = @definition, parent_code = @parent_code, sort = @sort,
         updated_at = @updated_at WHERE pk = @pk`,
    )
    .run(after);
  log.record('indicator', before.id, { ...before }, { ...after });
}

export function updateIndicator(ctx: CoreContext, log: ChangeLog, id: string, patch: IndicatorPatch): Indicator {
  const { db } = ctx;
  const before = indicatorRow(db, id);
  const after: IndicatorRow = { ...before, updated_at: new Date().toISOString() };

  if (patch.name !== undefined && patch.name.trim() !== before.name) {
    const name = patch.name.trim();
    if (!name) throw new AppError('NAME_REQUIRED', { field: 'name' });
    const dup = lookAlike(name, db.prepare('SELECT name FROM indicators WHERE pk <> ?').pluck().all(before.pk) as string[]);
    if (dup !== undefined) throw new AppError('DUPLICATE_NAME', { what: 'indicator', name: dup });
    const other = new IndicatorMatcher(db).match(name);
    if (other && other.indicator.pk !== before.pk && other.by !== 'code') throw new AppError('ALIAS_TAKEN', { alias: name, indicator: other.indicator.name });
    // The new name may have been one of its aliases: it is the name now.
    const asAlias = db.prepare('SELECT * FROM indicator_aliases WHERE norm = ? AND indicator = ?').get(normalizeName(name), before.pk) as AliasRow | undefined;
    if (asAlias) removeAlias(ctx, log, before.pk, asAlias.alias);
    after.name = name;
  }
  if (patch.nameEn !== undefined) after.name_en = patch.nameEn?.trim() || null;
  if (patch.scope !== undefined) after.scope = patch.scope?.trim() || null;
  if (patch.definition !== undefined) after.definition = patch.definition?.trim() || null;
  if (patch.decimals !== undefined) after.decimals = patch.decimals;
  if (patch.categoryCode !== undefined && patch.categoryCode !== before.category_code) {
    if (!db.prepare('SELECT 1 FROM categories WHERE code = ?').get(patch.categoryCode)) throw new AppError('CATEGORY_NOT_FOUND', { category: patch.categoryCode });
    after.category_code = patch.categoryCode;
  }
  if (patch.unit !== undefined && patch.unit !== before.unit) {
    const unit = unitDef(patch.unit);
    if (!unit) throw new AppError('UNIT_UNKNOWN', { unit: patch.unit });
    // Figures stay in the unit they were reported in: the new unit must be one they can be given in.
    const fits = new Set(compatibleUnits(unit.code).map((u) => u.code));
    const misfits = db.prepare('SELECT unit, count(*) AS n FROM indicator_values WHERE indicator = ? GROUP BY unit').all(before.pk) as { unit: string; n: number }[];
    const bad = misfits.filter((m) => !fits.has(m.unit));
    if (bad.length) {
      throw new AppError('UNIT_DIMENSION_IN_USE', { indicator: before.name, count: bad.reduce((a, b) => a + b.n, 0), from: bad[0]!.unit, unit: unit.code });
    }
    after.unit = unit.code;
    after.kind = KIND_BY_DIMENSION[unit.dimension];
  }
  if (patch.parentCode !== undefined && patch.parentCode !== before.parent_code) after.parent_code = checkParent(db, before, patch.parentCode);
  putRow(ctx, log, before, after);
  if (patch.onlyParkId !== undefined) putUse(ctx, log, before.id, { only_park: patch.onlyParkId === null ? null : getParkRow(db, patch.onlyParkId).pk });
  if (after.name !== before.name) addAlias(ctx, log, { pk: before.pk, name: after.name }, before.name);
  if (patch.aliases !== undefined) {
    const keep = after.name !== before.name ? [...patch.aliases, before.name] : patch.aliases;
    setAliases(ctx, log, { pk: before.pk, name: after.name }, keep);
  }
  return toIndicator(after);
}

/** A 其中 parent: an indicator of the catalogue, not the indicator itself nor one of its own 其中 rows. */
function checkParent(db: Db, ind: IndicatorRow, code: string | null): string | null {
  if (code === null || code === '') return null;
  const parent = db.prepare('SELECT * FROM indicators WHERE code = ? OR name = ?').get(code, code) as IndicatorRow | undefined;
  if (!parent) throw new AppError('INDICATOR_NOT_FOUND', { indicator: code });
  let at: IndicatorRow | undefined = parent;
  for (let depth = 0; at && depth < 50; depth++) {
    if (at.pk === ind.pk) throw new AppError('PARENT_INVALID', { parent: parent.name, indicator: ind.name, reason: parent.pk === ind.pk ? '自身' : '循环' });
    at = at.parent_code ? (db.prepare('SELECT * FROM indicators WHERE code = ?').get(at.parent_code) as IndicatorRow | undefined) : undefined;
  }
  return parent.code;
}

export function setRetired(ctx: CoreContext, log: ChangeLog, id: string, retired: boolean): Indicator {
  const row = indicatorRow(ctx.db, id);
  putUse(ctx, log, row.id, { retired: retired ? 1 : 0 });
  return { ...toIndicator(row), retired };
}

/** One place up or down within its category, swapping sort keys with the neighbour. */
export function moveIndicator(ctx: CoreContext, log: ChangeLog, id: string, direction: 'up' | 'down'): void {
  const ind = indicatorRow(ctx.db, id);
  const siblings = ctx.db.prepare('SELECT * FROM indicators WHERE category_code = ? ORDER BY sort, code').all(ind.category_code) as IndicatorRow[];
  const at = siblings.findIndex((s) => s.pk === ind.pk);
  const other = siblings[direction === 'up' ? at - 1 : at + 1];
  if (!other) return;
  const now = new Date().toISOString();
  // Equal sort keys would not swap: give each its position first.
  const a = { ...ind, sort: other.sort === ind.sort ? (at + 1) * 10 : other.sort, updated_at: now };
  const b = { ...other, sort: other.sort === ind.sort ? (direction === 'up' ? at : at + 2) * 10 : ind.sort, updated_at: now };
  putRow(ctx, log, ind, a);
  putRow(ctx, log, other, b);
}

/**
 * Moves every figure, alias and 其中 row of `fromId` onto `intoId` and removes `fromId`, whose name
 * becomes an alias of the other. Refused, with nothing written, where both hold a figure for the
 * same park, period and kind (which to keep is the user's call), where a figure's unit does not fit
 * the other indicator, or where a check rule names the one that goes.
 */
export function mergeIndicators(ctx: CoreContext, log: ChangeLog, fromId: string, intoId: string): Indicator {
  const { db } = ctx;
  const from = indicatorRow(db, fromId);
  const into = indicatorRow(db, intoId);
  if (from.pk === into.pk) throw new AppError('MERGE_SAME', { indicator: from.name });

  const rules = (db.prepare('SELECT code, expr FROM check_rules').all() as { code: string; expr: string }[]).filter((r) =>
    new RegExp(`(^|[^A-Za-z0-9])${from.code}([^A-Za-z0-9]|$)`).test(r.expr),
  );
  if (rules.length) throw new AppError('MERGE_RULES', { rules: rules.map((r) => r.code).join('、'), from: from.name });

  const values = db.prepare('SELECT * FROM indicator_values WHERE indicator = ?').all(from.pk) as ValueRow[];
  const fits = new Set(compatibleUnits(into.unit).map((u) => u.code));
  const misfit = values.find((v) => !fits.has(v.unit));
  if (misfit) throw new AppError('MERGE_UNITS', { from: from.name, unit: misfit.unit, into: into.name, intoUnit: into.unit });
  const clash = db.prepare('SELECT 1 FROM indicator_values WHERE park = ? AND period = ? AND kind = ? AND indicator = ?');
  const clashes = values.filter((v) => clash.get(v.park, v.period, v.kind, into.pk));
  if (clashes.length) {
    const v = clashes[0]!;
    const park = db.prepare('SELECT name FROM parks WHERE pk = ?').pluck().get(v.park) as string;
    const period = db.prepare('SELECT key FROM periods WHERE pk = ?').pluck().get(v.period) as string;
    throw new AppError('MERGE_CONFLICT', { from: from.name, into: into.name, count: clashes.length, example: `「${park} · ${period}」` });
  }

  const insert = db.prepare(
    `INSERT INTO indicator_values (park, period, kind, indicator, value, unit, qualifier, growth, baseline, source, status, updated_by, updated_at)
     VALUES (@park, @period, @kind, @indicator, @value, @unit, @qualifier, @growth, @baseline, @source, @status, @updated_by, @updated_at)`,
  );
  const remove = db.prepare('DELETE FROM indicator_values WHERE park = @park AND period = @period AND kind = @kind AND indicator = @indicator');
  for (const v of values) {
    const moved: ValueRow = { ...v, indicator: into.pk };
    remove.run(v);
    log.record('value', valueEntityId(v), { ...v }, null);
    insert.run(moved);
    log.record('value', valueEntityId(moved), null, { ...moved });
  }

  const aliases = aliasesByIndicator(db).get(from.pk) ?? [];
  for (const a of aliases) removeAlias(ctx, log, from.pk, a);
  const now = new Date().toISOString();
  for (const child of db.prepare('SELECT * FROM indicators WHERE parent_code = ?').all(from.code) as IndicatorRow[]) {
    putRow(ctx, log, child, { ...child, parent_code: child.pk === into.pk ? null : into.code, updated_at: now });
  }
  putUse(ctx, log, from.id, { retired: 0, only_park: null });
  db.prepare('DELETE FROM indicators WHERE pk = ?').run(from.pk);
  log.record('indicator', from.id, { ...from }, null);
  const target = { pk: into.pk, name: into.name };
  for (const name of [from.name, ...aliases]) {
    if (!new IndicatorMatcher(db).match(name)) addAlias(ctx, log, target, name);
  }
  return toIndicator(indicatorRow(db, intoId));
}
