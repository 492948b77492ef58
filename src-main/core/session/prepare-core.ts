import { loadFigureWords } from '../catalog/figure-words.ts';
import { seedCatalog } from '../catalog/seed.ts';
import type { CoreContext } from '../context.ts';
import type { PrepareStore } from '../store/core.ts';

/**
 * What every open runs before handlers use the store — the catalogue brought up to date — and, in
 * a store being created, the demo when one is given. The demo loader is passed in, not imported:
 * a host that opens an existing store must not load it (parks, figures, articles, photos, parser).
 */
export function prepareCore(demo?: (ctx: CoreContext) => void): PrepareStore {
  return (ctx, fresh) => {
    seedCatalog(ctx);
    if (fresh && demo) demo(ctx);
    // The store's own units and qualifiers join the built-in lists every lookup reads.
    loadFigureWords(ctx.db);
  };
}
