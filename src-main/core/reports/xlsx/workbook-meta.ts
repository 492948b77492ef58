// The hidden map every ParkBrief workbook carries, so an exported table or a filled template maps
// back to parks, periods and indicators without guessing from the visible text (which a colleague
// may retype, translate or reorder). Written by the exporters (core/reports/xlsx), read by the
// importer (core/imports). It is read from a user's file, so reading validates it like any input.
// It lives with the writers, the lowest room that needs it, so that the sheet builders in
// core/tables and the importer can use it without the writers importing core/tables.

import { z } from 'zod';
import { TABLE_TEMPLATES } from '../../../shared/tables.ts';

/**
 * A veryHidden sheet: A1 holds the workbook's meta, A2… one sheet's map each (JSON), and beside each
 * map, from column B on, the indicator id of each of that sheet's data rows (empty for a category
 * row). Layout 1 kept those ids in a hidden column of the data sheet itself, where copying a block
 * of rows and Excel's search picked them up; its files are still read (`keyColumn`).
 */
export const META_SHEET = '_parkbrief';
export const LAYOUT_VERSION = 2;
/** Columns of the meta sheet before the row ids. */
const IDS_FROM_COLUMN = 2;

const uuid = z.uuid();
const kind = z.enum(['actual', 'target']);

export const workbookMetaSchema = z
  .object({
    app: z.literal('ParkBrief'),
    layout: z.union([z.literal(1), z.literal(LAYOUT_VERSION)]),
    template: z.enum(TABLE_TEMPLATES),
    storeId: z.string().max(64),
    exportedAt: z.string().max(40),
  })
  .strict();
export type WorkbookMeta = z.infer<typeof workbookMetaSchema>;

/** What a column of a sheet holds; columns not listed (名称, 上年同期, 同比 …) are never imported. */
export const columnMetaSchema = z
  .object({
    /** 1-based column number. */
    column: z.number().int().min(1).max(16384),
    field: z.enum(['value', 'unit', 'qualifier', 'growth', 'source', 'baseline']),
    /** Set when the column belongs to one park (compare); otherwise the sheet's park. */
    parkId: uuid.optional(),
    parkName: z.string().max(100).optional(),
    /** Set when the column belongs to one period (table); otherwise the sheet's period. */
    periodId: uuid.optional(),
    periodKey: z.string().max(12).optional(),
  })
  .strict();
export type ColumnMeta = z.infer<typeof columnMetaSchema>;

export const sheetMetaSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    parkId: uuid.optional(),
    parkName: z.string().max(100).optional(),
    periodId: uuid.optional(),
    periodKey: z.string().max(12).optional(),
    kind,
    /** Layout 1: the data sheet's hidden column holding each data row's indicator id. */
    keyColumn: z.number().int().min(1).max(16384).optional(),
    /** Visible column with the indicator's code (fallback when ids differ between stores). */
    codeColumn: z.number().int().min(1).max(16384).optional(),
    firstDataRow: z.number().int().min(1).max(1_048_576),
    lastDataRow: z.number().int().min(1).max(1_048_576),
    columns: z.array(columnMetaSchema).max(16384),
  })
  .strict();
export type SheetMeta = z.infer<typeof sheetMetaSchema>;

/** A sheet's map as a renderer returns it: with each data row's indicator id (null: a category row). */
export type SheetMap = SheetMeta & { ids?: readonly (string | null)[] };

/** The meta sheet's rows, top to bottom: the map in column A, the row ids from column B. */
export function encodeMeta(meta: WorkbookMeta, sheets: readonly SheetMap[]): (string | null)[][] {
  return [[JSON.stringify(meta)], ...sheets.map(({ ids, ...s }) => [JSON.stringify(s), ...(ids ?? [])])];
}

/** A sheet's map as read back: `ids[i]` is the indicator of data row firstDataRow + i (layout 2). */
export type DecodedSheet = SheetMeta & { ids: (string | null)[] };

/** `rows`: the meta sheet's row (1-based) of each sheet map, to name it in a message. */
export type DecodedMeta =
  | { ok: true; meta: WorkbookMeta; sheets: DecodedSheet[]; rows: number[] }
  | { ok: false; row: number; column?: number; detail: string };

/** The meta sheet's rows (each row's cells from column A) back into maps; the first bad cell is named. */
export function decodeMeta(rows: readonly (readonly (string | null | undefined)[])[]): DecodedMeta {
  const parse = <T>(schema: z.ZodType<T>, text: string | null | undefined): T | string => {
    if (typeof text !== 'string' || text.length > 100_000) return 'not text';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 'not JSON';
    }
    const r = schema.safeParse(json);
    return r.success ? r.data : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };
  const meta = parse(workbookMetaSchema, rows[0]?.[0]);
  if (typeof meta === 'string') return { ok: false, row: 1, detail: meta };
  const sheets: DecodedSheet[] = [];
  const at: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const first = rows[i]?.[0];
    if (first === null || first === undefined || first === '') continue;
    const s = parse(sheetMetaSchema, first);
    if (typeof s === 'string') return { ok: false, row: i + 1, detail: s };
    const ids: (string | null)[] = [];
    const cells = rows[i]!;
    for (let c = IDS_FROM_COLUMN - 1; c < cells.length; c++) {
      const id = cells[c];
      if (id === null || id === undefined || id === '') ids.push(null);
      else if (uuid.safeParse(id).success) ids.push(id);
      else return { ok: false, row: i + 1, column: c + 1, detail: 'not an indicator id' };
    }
    sheets.push({ ...s, ids });
    at.push(i + 1);
  }
  return { ok: true, meta, sheets, rows: at };
}
