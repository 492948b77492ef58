// The catalogue as extraction reads it: every indicator's name, code, unit and category.
import { listIndicators } from '../catalog/catalog.ts';
import type { Db } from '../store/open.ts';
import type { CatalogueEntry } from './naming.ts';

export function catalogueEntries(db: Db): CatalogueEntry[] {
  return listIndicators(db).map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, categoryCode: i.categoryCode }));
}
