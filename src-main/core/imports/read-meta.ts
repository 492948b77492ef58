// A workbook ParkBrief wrote (fill template, table, compare, form): its hidden map (workbook-meta.ts)
// says which sheet, row and column is which park, period, indicator and field. The map comes from
// a user's file like everything else, so it is validated, and each id it names is looked up.

import type { CellPlace } from '../../shared/tables.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { decodeMeta, META_SHEET, type ColumnMeta, type SheetMeta } from '../reports/xlsx/workbook-meta.ts';
import { headerRole } from '../../shared/headings.ts';
import { FatalImport, type IssueList } from './issues.ts';
import type { Lookup, StoredPark, StoredPeriod } from './lookup.ts';
import { FIGURE_FIELDS, filled, resolveMerges, type FieldColumns, type SourceFigure, type SourceRead } from './source.ts';
import { columnLetters, type Cell, type SheetCells, type XlsxFile } from './xlsx-read.ts';

interface Target {
  park: StoredPark;
  period: StoredPeriod;
  columns: FieldColumns;
}

export function hasMetaSheet(x: XlsxFile): boolean {
  return x.sheets.some((s) => s.name === META_SHEET);
}

export function readMetaWorkbook(x: XlsxFile, lookup: Lookup, issues: IssueList, storeId: string): SourceRead {
  const metaCells = x.readSheet(x.sheets.find((s) => s.name === META_SHEET)!);
  const metaRows: (string | null)[][] = [];
  for (let r = 1; r <= (metaCells?.maxRow ?? 0); r++) {
    const row = metaCells?.rows.get(r) ?? [];
    metaRows.push(Array.from({ length: Math.max(1, row.length - 1) }, (_, i) => {
      const c = row[i + 1];
      return c && (c.t === 's' || c.t === 'n') ? c.v : null;
    }));
  }
  const decoded = decodeMeta(metaRows);
  if (!decoded.ok) {
    throw new FatalImport('IMPORT_META_INVALID', { row: decoded.row, detail: decoded.detail }, { sheet: META_SHEET, row: decoded.row, column: columnLetters(decoded.column ?? 1) });
  }
  const fromOtherStore = decoded.meta.storeId !== storeId;
  const figures: SourceFigure[] = [];
  let fallbacks = 0;
  const mapped = new Set<string>();
  for (const [i, sm] of decoded.sheets.entries()) {
    const metaRow = decoded.rows[i]!;
    // One map per sheet: a second would read the sheet again and give each of its figures twice.
    if (mapped.has(sm.sheet)) throw new FatalImport('IMPORT_META_INVALID', { row: metaRow, detail: sm.sheet }, { sheet: META_SHEET, row: metaRow, column: 'A' });
    mapped.add(sm.sheet);
    const info = x.sheets.find((s) => s.name === sm.sheet);
    const cells = info ? x.readSheet(info) : null;
    if (!cells) {
      issues.error('IMPORT_SHEET_MISSING', { sheet: sm.sheet }, { sheet: sm.sheet });
      continue;
    }
    const targets = sheetTargets(sm, metaRow, lookup, issues);
    if (!targets) continue;
    const nameColumn = findHeading(cells, sm, 'name');
    // A table or comparison shows each row in one unit, converted from each figure's own: the
    // visible 计量单位 column says which (the map declares a unit column only where it is input).
    const shownUnit = findHeading(cells, sm, 'unit');
    for (const t of targets) {
      if (t.columns.unit !== undefined) continue;
      t.columns.displayUnit = true;
      if (shownUnit !== null) t.columns.unit = shownUnit;
    }
    const numberCols = new Set([...(sm.keyColumn === undefined ? [] : [sm.keyColumn]), ...sm.columns.filter((c) => c.field === 'value' || c.field === 'growth').map((c) => c.column)]);
    const textCols = new Set(targets.flatMap((t) => [t.columns.unit, t.columns.qualifier, t.columns.source]).filter((c): c is number => c !== undefined));
    resolveMerges(cells, sm.firstDataRow, sm.lastDataRow, numberCols, textCols, issues);
    const resolved: { r: number; row: Cell[]; indicator: StoredIndicator }[] = [];
    for (let r = sm.firstDataRow; r <= Math.min(sm.lastDataRow, cells.maxRow); r++) {
      const row = cells.rows.get(r);
      if (!row) continue;
      const key = sm.keyColumn === undefined ? (sm.ids[r - sm.firstDataRow] ?? '') : text(row[sm.keyColumn]);
      const code = sm.codeColumn ? text(row[sm.codeColumn]) : '';
      const name = nameColumn ? text(row[nameColumn]) : '';
      // Group rows (category headings, 合计) carry no key: they are layout, not figures.
      if (!key && !code) continue;
      let indicator = key ? lookup.indicatorById(key) : undefined;
      // The map names rows by number: a row moved since (a table re-sorted in Excel) shows another
      // indicator's code than the one mapped there, and is then read by its code and name instead.
      if (indicator && sm.keyColumn === undefined && code && lookup.indicatorByCode(code) !== indicator) indicator = undefined;
      if (!indicator) {
        const found = lookup.indicatorByCodeOrName(code, name);
        if (found && 'conflict' in found) {
          if (targets.some((t) => carries(row, t.columns))) {
            const place: CellPlace = { sheet: sm.sheet, row: r, column: columnLetters(sm.codeColumn ?? nameColumn ?? sm.keyColumn ?? 1), field: 'indicator' };
            issues.error('IMPORT_CODE_NAME_MISMATCH', { code, byCode: found.conflict.name, name }, place);
          }
          continue;
        }
        indicator = found;
        if (indicator) fallbacks++;
      }
      if (!indicator) {
        if (targets.some((t) => carries(row, t.columns))) {
          const place: CellPlace = { sheet: sm.sheet, row: r, column: columnLetters(nameColumn ?? sm.codeColumn ?? sm.keyColumn ?? 1), field: 'indicator' };
          issues.error('INDICATOR_NOT_FOUND', { indicator: name || code || key }, place);
        }
        continue;
      }
      resolved.push({ r, row, indicator });
    }
    // Target by target, so that consecutive figures share a park and period (the preview reads the
    // stored figures once per group).
    for (const t of targets) {
      for (const x of resolved) figures.push({ sheet: sm.sheet, row: x.r, park: t.park, period: t.period, kind: sm.kind, indicator: x.indicator, columns: t.columns, cells: x.row });
    }
  }
  if (fallbacks > 0) issues.warn(fromOtherStore ? 'IMPORT_IDS_FALLBACK' : 'IMPORT_IDS_STALE', { count: fallbacks }, null);
  const t = decoded.meta.template;
  return { format: t === 'fill' || t === 'compare' ? t : 'table', figures };
}

const text = (c: Cell | undefined): string => (c && (c.t === 's' || c.t === 'n') ? c.v.trim() : '');

function carries(row: readonly (Cell | undefined)[], columns: FieldColumns): boolean {
  return (columns.value !== undefined && filled(row[columns.value])) || (columns.growth !== undefined && filled(row[columns.growth]));
}

/**
 * The (park, period) pairs a sheet's figures go to, each with the column of every field. A column
 * that names no park or period serves every target of the sheet that has no column of its own for
 * that field (one 计量单位 column for ten period columns).
 */
function sheetTargets(sm: SheetMeta, metaRow: number, lookup: Lookup, issues: IssueList): Target[] | null {
  const place: CellPlace = { sheet: sm.sheet };
  let ok = true;
  const park = (id: string | undefined, name: string | undefined, col?: number): StoredPark | null | undefined => {
    if (!id && !name) return undefined;
    const p = lookup.park(id, name);
    if (!p) {
      issues.error('IMPORT_META_PARK', { park: name ?? id ?? '' }, col ? { ...place, column: columnLetters(col) } : place);
      ok = false;
    }
    return p?.park ?? null;
  };
  const period = (id: string | undefined, key: string | undefined, col?: number): StoredPeriod | null | undefined => {
    if (!id && !key) return undefined;
    const p = lookup.period(id, key);
    if (!p) {
      issues.error('IMPORT_META_PERIOD', { period: key ?? id ?? '' }, col ? { ...place, column: columnLetters(col) } : place);
      ok = false;
    }
    return p?.period ?? null;
  };
  const sheetPark = park(sm.parkId, sm.parkName);
  const sheetPeriod = period(sm.periodId, sm.periodKey);
  const cols = sm.columns.map((c) => ({ meta: c, park: park(c.parkId, c.parkName, c.column), period: period(c.periodId, c.periodKey, c.column) }));
  if (!ok) return null;
  const targets = new Map<string, Target>();
  for (const c of cols) {
    if (c.meta.field !== 'value' && c.meta.field !== 'growth') continue;
    const p = c.park ?? sheetPark;
    const q = c.period ?? sheetPeriod;
    if (!p || !q) {
      issues.error('IMPORT_META_INVALID', { row: metaRow, detail: `${sm.sheet} ${columnLetters(c.meta.column)}: no park or period` }, { ...place, column: columnLetters(c.meta.column) });
      return null;
    }
    if (!targets.has(`${p.id}:${q.id}`)) targets.set(`${p.id}:${q.id}`, { park: p, period: q, columns: {} });
  }
  for (const t of targets.values()) {
    for (const field of FIGURE_FIELDS) {
      let best: { col: ColumnMeta; score: number } | null = null;
      for (const c of cols) {
        if (c.meta.field !== field) continue;
        if (c.park && c.park.id !== t.park.id) continue;
        if (c.period && c.period.id !== t.period.id) continue;
        const score = (c.park ? 1 : 0) + (c.period ? 1 : 0);
        if (!best || score > best.score) best = { col: c.meta, score };
      }
      if (best) t.columns[field] = best.col.column;
    }
  }
  return [...targets.values()];
}

/** A visible column found by its heading above the data (指标名称, 计量单位). */
function findHeading(cells: SheetCells, sm: SheetMeta, role: 'name' | 'unit'): number | null {
  for (let r = sm.firstDataRow - 1; r >= 1 && r >= sm.firstDataRow - 10; r--) {
    const row = cells.rows.get(r);
    if (!row) continue;
    for (let c = 1; c < row.length; c++) {
      const cell = row[c];
      if (cell?.t === 's' && headerRole(cell.v) === role) return c;
    }
  }
  return null;
}
