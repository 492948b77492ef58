import builtin from '../../../resources/catalog/catalog.json' with { type: 'json' };
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { catalogueOf, compileRule, insertRule, type RuleRow } from './rules.ts';
import { formatRuleProblem } from '../../shared/checks.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { IndicatorRow } from '../repos/rows.ts';
import { addAlias } from './aliases.ts';
import { catalogVersion, insertCategory, insertIndicator, listStoredIndicators } from './catalog.ts';
import { IndicatorMatcher } from './match-indicator.ts';

interface CatalogFile {
  version: number;
  categories: { code: string; name: string; nameEn: string; sort: number }[];
  indicators: {
    code: string;
    category: string;
    name: string;
    nameEn: string;
    unit: string;
    decimals: number;
    sort: number;
    scope?: string;
    definition?: string;
    integerOnly?: boolean;
    parentCode?: string;
    /** Other names the indicator goes by (规模以上工业增加值 for 规上工业增加值): matched by every name lookup. */
    aliases?: string[];
  }[];
  /** Check rules (审核关系) in the language of core/catalog/rule-parser.ts. */
  rules?: { code: string; kind?: string; expr: string; tolerance?: string; description: string; descriptionEn?: string }[];
}

export const BUILTIN_CATALOG = builtin as CatalogFile;

/**
 * Adds the built-in catalogue's categories, indicators and check rules that the store lacks (by
 * code). It never edits an existing row — once in a store, an indicator belongs to its users — with
 * one exception: a built-in indicator that has no parent gets the parent ("其中：" row) a newer
 * catalogue gives it, since nobody could have set one. Runs when a store is opened by a build whose
 * catalogue is newer than the store's.
 */
export function seedCatalog(ctx: CoreContext, file: CatalogFile = BUILTIN_CATALOG): number {
  if (catalogVersion(ctx.db) >= file.version) return 0;
  return writeBatch(
    ctx,
    historyLabel('catalogVersion', { n: file.version }),
    (log) => {
      const hasCat = ctx.db.prepare('SELECT 1 FROM categories WHERE code = ?');
      // A user may already have made an indicator of the same name: theirs wins, the built-in is skipped.
      const hasInd = ctx.db.prepare('SELECT 1 FROM indicators WHERE code = ? OR name = ?');
      let added = 0;
      for (const c of file.categories) {
        if (!hasCat.get(c.code)) insertCategory(ctx, log, { ...c, builtin: true });
      }
      const matcher = new IndicatorMatcher(ctx.db);
      for (const i of file.indicators) {
        if (hasInd.get(i.code, i.name) || matcher.match(i.name)?.by === 'alias') continue;
        insertIndicator(ctx, log, { ...i, categoryCode: i.category, builtin: true });
        added++;
      }
      adoptParents(ctx, log, file);
      addBuiltinAliases(ctx, log, file);
      addRules(ctx, log, file);
      ctx.db
        .prepare("INSERT INTO meta (key, value) VALUES ('catalog_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(file.version));
      return added;
    },
    { undoState: 'none' },
  );
}

function adoptParents(ctx: CoreContext, log: ChangeLog, file: CatalogFile): void {
  const select = ctx.db.prepare('SELECT * FROM indicators WHERE code = ? AND builtin = 1 AND parent_code IS NULL');
  const update = ctx.db.prepare('UPDATE indicators SET parent_code = ?, updated_at = ? WHERE pk = ?');
  for (const i of file.indicators) {
    if (!i.parentCode) continue;
    const before = select.get(i.code) as IndicatorRow | undefined;
    if (!before || !ctx.db.prepare('SELECT 1 FROM indicators WHERE code = ?').get(i.parentCode)) continue;
    const after: IndicatorRow = { ...before, parent_code: i.parentCode, updated_at: new Date().toISOString() };
    update.run(after.parent_code, after.updated_at, before.pk);
    log.record('indicator', before.id, { ...before }, { ...after });
  }
}

/**
 * The built-in indicators' common other names, where the store's indicator of that code is still the
 * built-in one and no indicator answers to the name yet: a user's own indicator or alias of that
 * name wins, as it does for indicators.
 */
function addBuiltinAliases(ctx: CoreContext, log: ChangeLog, file: CatalogFile): void {
  const select = ctx.db.prepare('SELECT pk, name FROM indicators WHERE code = ? AND builtin = 1');
  for (const i of file.indicators) {
    const ind = select.get(i.code) as { pk: number; name: string } | undefined;
    if (!ind) continue;
    for (const alias of i.aliases ?? []) {
      if (new IndicatorMatcher(ctx.db).match(alias)) continue;
      addAlias(ctx, log, ind, alias, { builtin: true });
    }
  }
}

/**
 * Rules are validated against this store's catalogue: one that names an indicator the store does not
 * have (a user's own indicator took the built-in's name) would never run, so it is reported, not added.
 */
function addRules(ctx: CoreContext, log: ChangeLog, file: CatalogFile): void {
  const has = ctx.db.prepare('SELECT 1 FROM check_rules WHERE code = ?');
  const cat = catalogueOf(listStoredIndicators(ctx.db));
  (file.rules ?? []).forEach((r, index) => {
    if (has.get(r.code)) return;
    const row: RuleRow = {
      code: r.code,
      kind: r.kind ?? 'compare',
      expr: r.expr,
      tolerance: r.tolerance ?? null,
      description: r.description,
      description_en: r.descriptionEn ?? null,
      sort: (index + 1) * 10,
      enabled: 1,
      builtin: 1,
      created_at: '',
      updated_at: '',
    };
    const compiled = compileRule(row, cat);
    if (!('kind' in compiled)) {
      console.warn(`[parkbrief] ${formatRuleProblem(r, compiled)}`);
      return;
    }
    insertRule(ctx, log, { ...r, sort: row.sort, builtin: true });
  });
}
