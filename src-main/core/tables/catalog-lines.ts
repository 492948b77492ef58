// The catalogue as the rows of a table: categories in their order, each indicator in catalogue
// order with its "其中：" children right under it. A child whose parent is missing, or stands in
// another category, is shown as a top-level row of its own category rather than lost.

import type { Category } from '../../shared/model.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { listCategories } from '../catalog/catalog.ts';
import { toIndicator, type IndicatorRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import type { RowIndicator } from '../reports/xlsx/model.ts';

export interface CatalogView {
  categories: Category[];
  /** Catalogue order: by category, then sort, then code. */
  indicators: StoredIndicator[];
  /** Indicator pk → the park (pk) it is kept to, for those kept to one (indicator_use). */
  onlyPark: ReadonlyMap<number, number>;
}

export function readCatalogView(db: Db): CatalogView {
  const rows = db
    .prepare(
      `SELECT i.*, coalesce(u.retired, 0) AS retired FROM indicators i JOIN categories c ON c.code = i.category_code
         LEFT JOIN indicator_use u ON u.indicator_id = i.id ORDER BY c.sort, i.sort, i.code`,
    )
    .all() as IndicatorRow[];
  const kept = db.prepare('SELECT i.pk AS ind, u.only_park AS park FROM indicator_use u JOIN indicators i ON i.id = u.indicator_id WHERE u.only_park IS NOT NULL').all() as { ind: number; park: number }[];
  return { categories: listCategories(db), indicators: rows.map((r) => ({ ...toIndicator(r), pk: r.pk })), onlyPark: new Map(kept.map((k) => [k.ind, k.park])) };
}

/** Offered to a park: not retired, and not kept to another park (the grid's rule, core/figures/read-figures.ts). */
export function offeredTo(view: CatalogView, ind: StoredIndicator, parkPk: number): boolean {
  const only = view.onlyPark.get(ind.pk);
  return !ind.retired && (only === undefined || only === parkPk);
}

export interface LineSlot {
  ind: StoredIndicator;
  row: RowIndicator;
}

export interface CategoryGroup {
  category: Category;
  slots: LineSlot[];
}

/** Deeper than this, "其中：" nesting no longer reads; deeper rows stay at this depth. */
const MAX_DEPTH = 3;

/**
 * The catalogue grouped for display. `keep` picks the indicators with something to show; a parent
 * is kept when any child is, so a "其中：" row never floats without its total. Categories left
 * without rows are dropped.
 */
export function groupLines(view: CatalogView, keep: (ind: StoredIndicator) => boolean = () => true): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const category of view.categories) {
    const members = view.indicators.filter((i) => i.categoryCode === category.code);
    if (!members.length) continue;
    const byCode = new Map(members.map((i) => [i.code, i]));
    const children = new Map<string, StoredIndicator[]>();
    const roots: StoredIndicator[] = [];
    for (const ind of members) {
      const parent = ind.parentCode && ind.parentCode !== ind.code ? byCode.get(ind.parentCode) : undefined;
      if (parent) children.set(parent.code, [...(children.get(parent.code) ?? []), ind]);
      else roots.push(ind);
    }
    // A cycle in parent codes (A under B under A) leaves its members unreachable from the roots;
    // they are shown as roots rather than dropped.
    const reached = new Set<string>();
    const mark = (ind: StoredIndicator) => {
      if (reached.has(ind.code)) return;
      reached.add(ind.code);
      for (const c of children.get(ind.code) ?? []) mark(c);
    };
    roots.forEach(mark);
    for (const ind of members) {
      if (reached.has(ind.code)) continue;
      roots.push(ind);
      mark(ind);
    }

    const kept = new Map<string, boolean>();
    const isKept = (ind: StoredIndicator, seen: Set<string>): boolean => {
      const known = kept.get(ind.code);
      if (known !== undefined) return known;
      seen.add(ind.code);
      const k = keep(ind) || (children.get(ind.code) ?? []).some((c) => !seen.has(c.code) && isKept(c, seen));
      kept.set(ind.code, k);
      return k;
    };

    const slots: LineSlot[] = [];
    const placed = new Set<string>();
    const walk = (ind: StoredIndicator, depth: number, lead: boolean) => {
      if (placed.has(ind.code)) return;
      placed.add(ind.code);
      slots.push({ ind, row: rowIndicator(ind, Math.min(depth, MAX_DEPTH), lead) });
      const shown = (children.get(ind.code) ?? []).filter((c) => !placed.has(c.code) && isKept(c, new Set()));
      shown.forEach((c, i) => walk(c, depth + 1, i === 0));
    };
    for (const r of roots) if (isKept(r, new Set())) walk(r, 0, false);
    if (slots.length) groups.push({ category, slots });
  }
  return groups;
}

export function rowIndicator(ind: StoredIndicator, depth = 0, lead = false): RowIndicator {
  return { id: ind.id, code: ind.code, name: ind.name, unit: ind.unit, decimals: ind.decimals, kind: ind.kind, depth, lead };
}
