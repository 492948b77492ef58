// The store's own units and qualifiers, registered in the shared lookups (shared/figure/units.ts,
// qualifiers.ts) as the core registers them, so the renderer's unit lists, paste plan and wording
// know them too.
import type { Catalog } from '../../../src-main/shared/model.ts';
import { parseFactorText, setStoreUnits, type UnitDef } from '../../../src-main/shared/figure/units.ts';
import { setStoreQualifiers } from '../../../src-main/shared/figure/qualifiers.ts';

export function registerCatalogWords(catalog: Pick<Catalog, 'units' | 'qualifiers'>): void {
  setStoreUnits(
    catalog.units.flatMap((u): UnitDef[] => {
      const factor = parseFactorText(u.factor);
      return !u.builtin && factor ? [{ code: u.code, dimension: u.dimension, factor, en: u.en }] : [];
    }),
  );
  setStoreQualifiers(catalog.qualifiers.filter((q) => !q.builtin).map((q) => ({ code: q.code, en: q.en, meaning: q.meaning, at: q.at })));
}
