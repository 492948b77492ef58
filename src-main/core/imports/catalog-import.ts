// The catalogue workbook (core/tables/catalog-workbook.ts) read back after editing in Excel or WPS:
// a preview of what it changes — new and changed indicators (field by field, aliases included),
// units, qualifiers, check rules — with every refusal at its sheet and row, then applied as one
// undo step. The preview runs the very writes the apply runs, in a transaction it rolls back, so
// what the preview refuses is exactly what applying would refuse.

import { randomBytes } from 'node:crypto';
import { AppError, type ErrorCode, type ErrorParams } from '../../shared/errors.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { CatalogChange, CatalogImportPreview } from '../../shared/tables.ts';
import { getCatalog } from '../catalog/get-catalog.ts';
import { setRetired, updateIndicator } from '../catalog/edit-indicator.ts';
import { addQualifier, addUnit, loadFigureWords } from '../catalog/figure-words.ts';
import { insertIndicator } from '../catalog/catalog.ts';
import { setAliases } from '../catalog/aliases.ts';
import { insertRule } from '../catalog/rules.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { historyState } from '../history/undo.ts';
import type { Db } from '../store/open.ts';
import { CATALOG_SHEETS, MEANING_WORDS, PLACE_WORDS } from '../tables/catalog-workbook.ts';
import { latestBatch } from './pending.ts';
import { FatalImport } from './issues.ts';
import { fromReaderError } from './read-file.ts';
import { openXlsx, type Cell, type SheetCells } from './xlsx-read.ts';

/** One row of a sheet: its number and its texts by heading. */
interface SheetRow {
  row: number;
  cells: Record<string, string | undefined>;
}

interface Sheets {
  indicators: SheetRow[];
  units: SheetRow[];
  qualifiers: SheetRow[];
  rules: SheetRow[];
}

const cellText = (c: Cell | undefined): string => (c && (c.t === 's' || c.t === 'n') ? String(c.v).trim() : c?.t === 'b' ? (c.v ? '是' : '') : '');

/** The rows of one sheet as heading → text; a sheet the file lacks has none (nothing of it changes). */
function rowsOf(sheet: SheetCells | undefined, headings: readonly string[]): SheetRow[] {
  if (!sheet) return [];
  const head = sheet.rows.get(1) ?? [];
  const at = new Map<string, number>();
  head.forEach((c, i) => {
    const h = cellText(c);
    if (headings.includes(h)) at.set(h, i);
  });
  const out: SheetRow[] = [];
  for (let r = 2; r <= sheet.maxRow; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    const row: SheetRow = { row: r, cells: {} };
    for (const [h, i] of at) row.cells[h] = cellText(cells[i]);
    if (Object.values(row.cells).some((v) => v !== '')) out.push(row);
  }
  return out;
}

export function readCatalogWorkbook(bytes: Buffer): Sheets {
  const x = openXlsx(bytes);
  const byName = new Map<string, SheetCells>();
  for (const s of x.sheets) {
    const cells = x.readSheet(s);
    if (cells) byName.set(s.name, cells);
  }
  if (!byName.has(CATALOG_SHEETS.indicators.name)) throw new AppError('CATALOG_SHEET_MISSING', { sheet: CATALOG_SHEETS.indicators.name });
  return {
    indicators: rowsOf(byName.get(CATALOG_SHEETS.indicators.name), CATALOG_SHEETS.indicators.columns),
    units: rowsOf(byName.get(CATALOG_SHEETS.units.name), CATALOG_SHEETS.units.columns),
    qualifiers: rowsOf(byName.get(CATALOG_SHEETS.qualifiers.name), CATALOG_SHEETS.qualifiers.columns),
    rules: rowsOf(byName.get(CATALOG_SHEETS.rules.name), CATALOG_SHEETS.rules.columns),
  };
}

const splitAliases = (s: string) => s.split(/[、，,;；\n]+/).map((a) => a.trim()).filter(Boolean);
const reverse = <K extends string>(m: Record<K, string>) => new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
const MEANINGS = reverse(MEANING_WORDS);
const PLACES = reverse(PLACE_WORDS);

interface Outcome {
  changes: CatalogChange[];
  errors: { sheet: string; row: number; code: string; message: string; params: ErrorParams }[];
}

/**
 * Writes what the workbook says, row by row, each in a savepoint: a refused row is recorded with its
 * place and the rest go on. Units and qualifiers first, since indicators may be in a new unit.
 */
function applySheets(ctx: CoreContext, log: ChangeLog, s: Sheets): Outcome {
  const { db } = ctx;
  const out: Outcome = { changes: [], errors: [] };
  const step = (sheet: string, row: number, fn: () => void) => {
    try {
      db.transaction(fn)();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.errors.push({ sheet, row, code: e.code, message: e.message, params: e.params });
    }
  };
  const U = CATALOG_SHEETS.units.name;
  for (const r of s.units) {
    const code = r.cells['单位'] ?? '';
    if (getCatalog(db).units.some((u) => u.code === code)) continue;
    step(U, r.row, () => {
      addUnit(ctx, log, { code, equals: r.cells['等于'] ?? '', en: r.cells['英文'] || null });
      out.changes.push({ kind: 'unit', status: 'new', name: code, fields: [{ field: '等于', before: null, after: r.cells['等于'] ?? '' }] });
    });
  }
  loadFigureWords(db);
  const Q = CATALOG_SHEETS.qualifiers.name;
  for (const r of s.qualifiers) {
    const code = r.cells['限定词'] ?? '';
    if (getCatalog(db).qualifiers.some((q) => q.code === code)) continue;
    step(Q, r.row, () => {
      const meaning = MEANINGS.get(r.cells['含义'] ?? '');
      const at = PLACES.get(r.cells['位置'] ?? '');
      if (!meaning || !at) throw new AppError('QUALIFIER_INVALID', { text: code, code: `${r.cells['含义'] ?? ''}/${r.cells['位置'] ?? ''}` });
      addQualifier(ctx, log, { code, meaning, at, en: r.cells['英文'] || null });
      out.changes.push({ kind: 'qualifier', status: 'new', name: code, fields: [] });
    });
  }
  loadFigureWords(db);

  const I = CATALOG_SHEETS.indicators.name;
  for (const r of s.indicators) {
    step(I, r.row, () => {
      const cat = getCatalog(db);
      const category = cat.categories.find((c) => c.name === r.cells['分类'] || c.code === r.cells['分类']);
      // By code; a row added without one (a new indicator typed in Excel) by its name, so importing the same workbook twice changes nothing.
      const existing = r.cells['代码'] ? cat.indicators.find((i) => i.code === r.cells['代码']) : cat.indicators.find((i) => i.name === r.cells['名称']);
      if (r.cells['分类'] && !category) throw new AppError('CATEGORY_NOT_FOUND', { category: r.cells['分类'] });
      const decimals = r.cells['小数位'] === undefined || r.cells['小数位'] === '' ? undefined : Number(r.cells['小数位']);
      if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)) throw new AppError('INVALID_INPUT', { detail: `小数位「${r.cells['小数位']}」`, detailEn: `decimals "${r.cells['小数位']}"` });
      const aliases = r.cells['别名'] === undefined ? undefined : splitAliases(r.cells['别名']);
      const retired = r.cells['停用'] === undefined ? undefined : ['是', 'y', 'yes', '1', 'true', '停用'].includes(r.cells['停用'].toLowerCase());
      if (!existing) {
        if (!category) throw new AppError('CATEGORY_NOT_FOUND', { category: r.cells['分类'] ?? '' });
        const made = insertIndicator(ctx, log, { name: r.cells['名称'] ?? '', nameEn: r.cells['英文名称'] || null, unit: r.cells['计量单位'] ?? '', decimals: decimals ?? 2, scope: r.cells['统计口径'] || null, categoryCode: category.code, ...(r.cells['代码'] ? { code: r.cells['代码'] } : {}) });
        if (aliases?.length || r.cells['其中（上级代码）']) updateIndicator(ctx, log, made.id, { aliases, parentCode: r.cells['其中（上级代码）'] || undefined });
        out.changes.push({ kind: 'indicator', status: 'new', name: made.name, fields: [{ field: '计量单位', before: null, after: made.unit }, ...(aliases?.length ? [{ field: '别名', before: null, after: aliases.join('、') }] : [])] });
        return;
      }
      const before = { name: existing.name, nameEn: existing.nameEn ?? '', category: cat.categories.find((c) => c.code === existing.categoryCode)?.name ?? '', unit: existing.unit, decimals: String(existing.decimals), scope: existing.scope ?? '', parent: existing.parentCode ?? '', aliases: (cat.aliases[existing.id] ?? []).join('、'), retired: existing.retired ? '是' : '' };
      const after = {
        name: r.cells['名称'] ?? before.name,
        nameEn: r.cells['英文名称'] ?? before.nameEn,
        category: category?.name ?? before.category,
        unit: r.cells['计量单位'] ?? before.unit,
        decimals: decimals === undefined ? before.decimals : String(decimals),
        scope: r.cells['统计口径'] ?? before.scope,
        parent: r.cells['其中（上级代码）'] ?? before.parent,
        aliases: aliases === undefined ? before.aliases : aliases.join('、'),
        retired: retired === undefined ? before.retired : retired ? '是' : '',
      };
      const labels: Record<keyof typeof before, string> = { name: '名称', nameEn: '英文名称', category: '分类', unit: '计量单位', decimals: '小数位', scope: '统计口径', parent: '其中（上级代码）', aliases: '别名', retired: '停用' };
      const fields = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== after[k]).map((k) => ({ field: labels[k], before: before[k], after: after[k] }));
      if (!fields.length) return;
      updateIndicator(ctx, log, existing.id, {
        name: after.name,
        nameEn: after.nameEn || null,
        categoryCode: category?.code,
        unit: after.unit,
        decimals: Number(after.decimals),
        scope: after.scope || null,
        parentCode: after.parent || null,
      });
      // Aliases after the rename: the old name is kept as an alias unless the sheet's list says otherwise.
      if (aliases !== undefined) setAliases(ctx, log, { pk: (db.prepare('SELECT pk FROM indicators WHERE id = ?').pluck().get(existing.id) as number), name: after.name }, aliases);
      if (retired !== undefined) setRetired(ctx, log, existing.id, retired);
      out.changes.push({ kind: 'indicator', status: 'changed', name: existing.name, fields });
    });
  }

  const R = CATALOG_SHEETS.rules.name;
  for (const r of s.rules) {
    step(R, r.row, () => {
      const code = r.cells['代码'] ?? '';
      if (!code || !r.cells['表达式']) throw new AppError('NAME_REQUIRED', { field: 'rule' });
      const old = db.prepare('SELECT * FROM check_rules WHERE code = ?').get(code) as Record<string, unknown> | undefined;
      const next = { kind: r.cells['类型'] || 'compare', expr: r.cells['表达式'], tolerance: r.cells['容差'] || null, description: r.cells['说明'] || r.cells['表达式'] };
      if (!old) {
        const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 10 FROM check_rules').pluck().get() as number);
        insertRule(ctx, log, { code, kind: next.kind, expr: next.expr, tolerance: next.tolerance ?? undefined, description: next.description, sort });
        out.changes.push({ kind: 'rule', status: 'new', name: code, fields: [{ field: '表达式', before: null, after: next.expr }] });
        return;
      }
      const fields = (['expr', 'tolerance', 'description', 'kind'] as const).filter((k) => (old[k] ?? null) !== next[k]);
      if (!fields.length) return;
      const after = { ...old, ...next, updated_at: new Date().toISOString() };
      db.prepare('UPDATE check_rules SET kind = @kind, expr = @expr, tolerance = @tolerance, description = @description, updated_at = @updated_at WHERE code = @code').run(after);
      log.record('rule', code, { ...old }, after);
      out.changes.push({ kind: 'rule', status: 'changed', name: code, fields: fields.map((k) => ({ field: k === 'expr' ? '表达式' : k === 'tolerance' ? '容差' : k === 'kind' ? '类型' : '说明', before: String(old[k] ?? ''), after: String(next[k] ?? '') })) });
    });
  }
  return out;
}

/** Thrown to roll the preview's trial writes back. */
class TrialOver extends Error {}

const NO_LOG: ChangeLog = { record() {}, recordValues() {}, changes: 0 };

interface PendingCatalog {
  db: Db;
  sheets: Sheets;
  fileName: string;
  seq: number;
}
const pending = new Map<string, PendingCatalog>();

export function previewCatalogImport(ctx: CoreContext, fileName: string, bytes: Buffer): CatalogImportPreview {
  let sheets: Sheets;
  try {
    sheets = readCatalogWorkbook(bytes);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const refusal = fromReaderError(e, fileName);
    if (refusal instanceof FatalImport) throw new AppError(refusal.code, refusal.params);
    throw new AppError('IMPORT_NOT_XLSX');
  }
  let outcome: Outcome = { changes: [], errors: [] };
  try {
    ctx.db.transaction(() => {
      outcome = applySheets(ctx, NO_LOG, sheets);
      throw new TrialOver();
    })();
  } catch (e) {
    if (!(e instanceof TrialOver)) throw e;
  } finally {
    loadFigureWords(ctx.db);
  }
  const canApply = outcome.errors.length === 0 && outcome.changes.length > 0;
  const previewId = canApply ? randomBytes(18).toString('base64url') : '';
  if (canApply) {
    while (pending.size >= 3) pending.delete(pending.keys().next().value!);
    pending.set(previewId, { db: ctx.db, sheets, fileName, seq: latestBatch(ctx.db) });
  }
  return { previewId, fileName, changes: outcome.changes, errors: outcome.errors, canApply };
}

/** Applies a preview as one batch; refused if anything was written since the preview was made. */
export function applyCatalogImport(ctx: CoreContext, previewId: string) {
  const p = pending.get(previewId);
  if (!p || p.db !== ctx.db) throw new AppError('IMPORT_EXPIRED');
  pending.delete(previewId);
  try {
    const outcome = ctx.db
      .transaction(() => {
        if (latestBatch(ctx.db) !== p.seq) throw new AppError('IMPORT_STALE', { label: '' });
        return writeBatch(ctx, historyLabel('importCatalog', { name: p.fileName }), (log) => {
          const o = applySheets(ctx, log, p.sheets);
          const first = o.errors[0];
          if (first) throw new AppError(first.code as ErrorCode, first.params);
          return o;
        });
      })
      .immediate();
    return { changed: outcome.changes.length, history: historyState(ctx) };
  } finally {
    loadFigureWords(ctx.db);
  }
}

