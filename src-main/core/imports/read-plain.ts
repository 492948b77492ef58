// A plain table — any sheet or CSV with a header row naming the indicator and its value — for one
// park, period and kind chosen by the user. Group rows (一、经济运行), blank rows and totals are
// skipped; a row with a figure whose indicator is not in the catalogue is an error.

import type { ValueKind } from '../../shared/model.ts';
import type { CellPlace } from '../../shared/tables.ts';
import { headerRole, normalizeLabel, type Role } from '../../shared/headings.ts';
import { planIndicator, type Creations } from './create-missing.ts';
import { FatalImport, type IssueList } from './issues.ts';
import type { Lookup, StoredPark, StoredPeriod } from './lookup.ts';
import { filled, resolveMerges, type FieldColumns, type SourceFigure } from './source.ts';
import { columnLetters, type Cell, type SheetCells } from './xlsx-read.ts';

/** How far down a header row is looked for (titles, 填报单位 and blank lines come first). */
export const HEADER_SEARCH_ROWS = 30;

const TOTAL_ROWS = new Set(['合计', '总计', '小计', '总计合计', 'total', 'subtotal']);

export interface PlainTarget {
  park: StoredPark;
  period: StoredPeriod;
  kind: ValueKind;
  /** Given: a row naming an indicator the catalogue lacks plans it (create-missing.ts) rather than being an error. */
  creations?: Creations | undefined;
}

type Header = { row: number } & Partial<Record<Role, number>>;

/** The headings that also mean "value" for this period: 2022, 2022年, 2018年1—4月, 2018M1-4. */
function periodHeadings(period: StoredPeriod): Set<string> {
  const names = [period.key, period.label];
  if (period.kind === 'year') names.push(String(period.year), `${period.year}年`);
  return new Set(names.map(normalizeLabel));
}

function findHeader(sheet: SheetCells, extra: ReadonlySet<string>): Header | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.maxRow); r++) {
    const row = sheet.rows.get(r);
    if (!row) continue;
    const h: Header = { row: r };
    for (let c = 1; c < row.length; c++) {
      const cell = row[c];
      if (!cell || (cell.t !== 's' && cell.t !== 'n')) continue;
      const role = headerRole(cell.v, extra);
      if (role && h[role] === undefined) h[role] = c;
    }
    if ((h.name !== undefined || h.code !== undefined) && h.value !== undefined) return h;
  }
  return null;
}

export function readPlainSheets(sheets: readonly SheetCells[], target: PlainTarget, lookup: Lookup, issues: IssueList): SourceFigure[] {
  const extra = periodHeadings(target.period);
  const figures: SourceFigure[] = [];
  let found = 0;
  for (const sheet of sheets) {
    const h = findHeader(sheet, extra);
    if (!h) {
      if (sheet.maxRow > 0) issues.warn('IMPORT_SHEET_SKIPPED', {}, { sheet: sheet.name });
      continue;
    }
    found++;
    const columns: FieldColumns = { value: h.value! };
    for (const f of ['unit', 'qualifier', 'growth', 'source', 'baseline'] as const) if (h[f] !== undefined) columns[f] = h[f];
    const numberCols = new Set([columns.value!, ...(columns.growth === undefined ? [] : [columns.growth])]);
    const textCols = new Set([columns.unit, columns.qualifier, columns.source, columns.baseline].filter((c): c is number => c !== undefined));
    resolveMerges(sheet, h.row + 1, sheet.maxRow, numberCols, textCols, issues);
    for (let r = h.row + 1; r <= sheet.maxRow; r++) {
      const row = sheet.rows.get(r);
      if (!row) continue;
      const name = h.name === undefined ? '' : text(row[h.name]);
      const code = h.code === undefined ? '' : text(row[h.code]);
      const carries = filled(row[columns.value!]) || (columns.growth !== undefined && filled(row[columns.growth]));
      const place: CellPlace = { sheet: sheet.name, row: r, column: columnLetters(h.name ?? h.code!), field: 'indicator' };
      if (!name && !code) {
        if (carries) issues.error('IMPORT_NO_INDICATOR', {}, place);
        continue;
      }
      let indicator = lookup.indicatorByCodeOrName(code, name);
      if (indicator && 'conflict' in indicator) {
        if (carries) issues.error('IMPORT_CODE_NAME_MISMATCH', { code, byCode: indicator.conflict.name, name }, place);
        continue;
      }
      if (!indicator) {
        if (!carries) continue; // a group heading such as 一、经济运行
        if (TOTAL_ROWS.has(normalizeLabel(name || code))) {
          issues.warn('IMPORT_ROW_SKIPPED', { text: name || code }, place);
          continue;
        }
        if (!target.creations || !name) {
          issues.error('INDICATOR_NOT_FOUND', { indicator: name || code }, place);
          continue;
        }
        const unitCell = columns.unit === undefined ? null : text(row[columns.unit]);
        const planned = planIndicator(target.creations, name, unitCell, text(row[columns.value!]) || null, { sheet: sheet.name, row: r });
        if ('params' in planned) {
          issues.error(planned.code, planned.params, place);
          continue;
        }
        indicator = planned;
      }
      figures.push({ sheet: sheet.name, row: r, ...target, indicator, columns, cells: row });
    }
  }
  if (found === 0) {
    const first = sheets[0];
    throw new FatalImport('IMPORT_HEADER_NOT_FOUND', { rows: HEADER_SEARCH_ROWS }, first ? { sheet: first.name } : null);
  }
  return figures;
}

const text = (c: Cell | undefined): string => (c && (c.t === 's' || c.t === 'n') ? c.v.trim() : '');
