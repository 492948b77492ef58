// The whole catalogue as the app and `indicators list` read it: categories, indicators with their
// aliases and parks, units and qualifiers (the store's own with the built-in ones), the check rules,
// and the search index with the pinyin of every name — apart from catalog.ts so that reading a grid
// (`parkbrief show`) never loads the pinyin dictionary.

import { BUILTIN_QUALIFIERS, QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { factorText, isBuiltinUnit, UNITS } from '../../shared/figure/units.ts';
import type { Catalog } from '../../shared/model.ts';
import type { Db } from '../store/open.ts';
import { aliasesByIndicator } from './aliases.ts';
import { catalogVersion, listCategories, listIndicators } from './catalog.ts';
import { listRules } from './rules.ts';
import { searchEntry } from './search-index.ts';

export function getCatalog(db: Db): Catalog {
  const indicators = listIndicators(db);
  const pkOf = new Map((db.prepare('SELECT id, pk FROM indicators').all() as { id: string; pk: number }[]).map((r) => [r.id, r.pk]));
  const byPk = aliasesByIndicator(db);
  const aliases: Record<string, string[]> = {};
  for (const ind of indicators) {
    const list = byPk.get(pkOf.get(ind.id)!);
    if (list) aliases[ind.id] = list;
  }
  const onlyPark: Record<string, string> = {};
  for (const r of db.prepare('SELECT u.indicator_id AS ind, p.id AS park FROM indicator_use u JOIN parks p ON p.pk = u.only_park').all() as { ind: string; park: string }[]) {
    onlyPark[r.ind] = r.park;
  }
  return {
    version: catalogVersion(db),
    categories: listCategories(db),
    indicators,
    aliases,
    onlyPark,
    search: indicators.filter((i) => !i.retired).map((i) => searchEntry(i, aliases[i.id] ?? [])),
    units: UNITS.map((u) => ({ code: u.code, dimension: u.dimension, en: u.en, factor: factorText(u.factor), builtin: isBuiltinUnit(u.code) })),
    qualifiers: QUALIFIERS.map((q) => ({ code: q.code, en: q.en, meaning: q.meaning, at: q.at, builtin: BUILTIN_QUALIFIERS.some((b) => b.code === q.code) })),
    rules: listRules(db, indicators),
  };
}
