// The catalogue as extraction reads it: every indicator's name, aliases, code, unit and category —
// an alias a user added (园区GDP for 地区生产总值) names the figure in an article as the name does.
import { aliasesByIndicatorId } from '../catalog/aliases.ts';
import { listIndicators } from '../catalog/catalog.ts';
import type { Db } from '../store/open.ts';
import type { CatalogueEntry } from './naming.ts';

export function catalogueEntries(db: Db): CatalogueEntry[] {
  const aliases = aliasesByIndicatorId(db);
  return listIndicators(db).map((i) => ({ id: i.id, code: i.code, name: i.name, aliases: aliases.get(i.id) ?? [], unit: i.unit, categoryCode: i.categoryCode }));
}
