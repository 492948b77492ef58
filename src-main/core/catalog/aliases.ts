// Other names of an indicator (规上工业增加值 for 规模以上工业增加值): stored keyed by their normalised
// form (match-indicator.ts), so no text can name two indicators. Every change is logged, so it is
// undone with the step that made it.

import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { IndicatorMatcher, normalizeName } from './match-indicator.ts';

export interface AliasRow {
  norm: string;
  alias: string;
  indicator: number;
  builtin: number;
  created_at: string;
}

/** Each indicator's aliases (by local key), in the order they were added. */
export function aliasesByIndicator(db: Db): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of db.prepare('SELECT alias, indicator FROM indicator_aliases ORDER BY created_at, alias').all() as { alias: string; indicator: number }[]) {
    const list = out.get(r.indicator) ?? [];
    list.push(r.alias);
    out.set(r.indicator, list);
  }
  return out;
}

/** Each indicator's aliases by its id, for readers that know indicators by id (the article extraction). */
export function aliasesByIndicatorId(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db
    .prepare('SELECT a.alias, i.id FROM indicator_aliases a JOIN indicators i ON i.pk = a.indicator ORDER BY a.created_at, a.alias')
    .all() as { alias: string; id: string }[];
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push(r.alias);
    out.set(r.id, list);
  }
  return out;
}

/**
 * Adds an alias, refusing one that already names another indicator (its name, code or alias) —
 * ALIAS_TAKEN names that indicator. An alias the indicator already answers to is no change.
 */
export function addAlias(ctx: CoreContext, log: ChangeLog, indicator: { pk: number; name: string }, raw: string, opts: { builtin?: boolean } = {}): boolean {
  const alias = raw.trim();
  if (!alias) throw new AppError('NAME_REQUIRED', { field: 'alias' });
  if (alias.length > 100) throw new AppError('TEXT_TOO_LONG', { field: 'alias', max: 100 });
  const norm = normalizeName(alias);
  if (!norm) throw new AppError('NAME_REQUIRED', { field: 'alias' });
  const found = new IndicatorMatcher(ctx.db).match(alias);
  if (found && found.indicator.pk !== indicator.pk) throw new AppError('ALIAS_TAKEN', { alias, indicator: found.indicator.name });
  if (found) return false;
  const row: AliasRow = { norm, alias, indicator: indicator.pk, builtin: opts.builtin ? 1 : 0, created_at: nextAliasTime(ctx.db, indicator.pk) };
  ctx.db.prepare('INSERT INTO indicator_aliases (norm, alias, indicator, builtin, created_at) VALUES (@norm, @alias, @indicator, @builtin, @created_at)').run(row);
  log.record('alias', norm, null, { ...row });
  return true;
}

/**
 * Aliases are listed in the order they were added, and the table has no row order of its own: an
 * alias added within the same millisecond as the indicator's last one is stamped a millisecond
 * later, so the order never falls back to comparing the texts.
 */
function nextAliasTime(db: Db, indicatorPk: number): string {
  const now = new Date().toISOString();
  const last = db.prepare('SELECT max(created_at) FROM indicator_aliases WHERE indicator = ?').pluck().get(indicatorPk) as string | null;
  return last !== null && last >= now ? new Date(Date.parse(last) + 1).toISOString() : now;
}

export function removeAlias(ctx: CoreContext, log: ChangeLog, indicatorPk: number, alias: string): void {
  const row = ctx.db.prepare('SELECT * FROM indicator_aliases WHERE norm = ? AND indicator = ?').get(normalizeName(alias), indicatorPk) as AliasRow | undefined;
  if (!row) return;
  ctx.db.prepare('DELETE FROM indicator_aliases WHERE norm = ?').run(row.norm);
  log.record('alias', row.norm, { ...row }, null);
}

/** Makes an indicator's aliases exactly `wanted`: removed ones first, so a rename among them never clashes with itself. */
export function setAliases(ctx: CoreContext, log: ChangeLog, indicator: { pk: number; name: string }, wanted: readonly string[]): void {
  const have = aliasesByIndicator(ctx.db).get(indicator.pk) ?? [];
  const want = new Set(wanted.map((a) => a.trim()).filter(Boolean));
  const wantNorm = new Set([...want].map(normalizeName));
  for (const a of have) if (!wantNorm.has(normalizeName(a))) removeAlias(ctx, log, indicator.pk, a);
  for (const a of want) addAlias(ctx, log, indicator, a);
}
