import builtin from '../../../resources/catalog/catalog.json' with { type: 'json' };
import type { CoreContext } from '../context.ts';
import { writeBatch } from '../history/change-log.ts';
import { catalogVersion, insertCategory, insertIndicator } from './catalog.ts';

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
  }[];
}

export const BUILTIN_CATALOG = builtin as CatalogFile;

/**
 * Adds the built-in catalogue's categories and indicators that the store lacks (by code). It never
 * edits an existing row: once in a store, an indicator belongs to its users. Runs when a store is
 * opened by a build whose catalogue is newer than the store's.
 */
export function seedCatalog(ctx: CoreContext, file: CatalogFile = BUILTIN_CATALOG): number {
  if (catalogVersion(ctx.db) >= file.version) return 0;
  return writeBatch(
    ctx,
    `指标库 v${file.version}`,
    (log) => {
      const hasCat = ctx.db.prepare('SELECT 1 FROM categories WHERE code = ?');
      // A user may already have made an indicator of the same name: theirs wins, the built-in is skipped.
      const hasInd = ctx.db.prepare('SELECT 1 FROM indicators WHERE code = ? OR name = ?');
      let added = 0;
      for (const c of file.categories) {
        if (!hasCat.get(c.code)) insertCategory(ctx, log, { ...c, builtin: true });
      }
      for (const i of file.indicators) {
        if (hasInd.get(i.code, i.name)) continue;
        insertIndicator(ctx, log, { ...i, categoryCode: i.category, builtin: true });
        added++;
      }
      ctx.db
        .prepare("INSERT INTO meta (key, value) VALUES ('catalog_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(file.version));
      return added;
    },
    { undoState: 'none' },
  );
}
