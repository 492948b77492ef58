// The hidden map every ParkBrief workbook carries, so an exported table or a filled template maps
// back to parks, periods and indicators without guessing from the visible text (which a colleague
// may retype, translate or reorder). Written by the exporters (core/reports/xlsx), read by the
// importer (core/imports). It is read from a user's file, so reading validates it like any input.
// It lives with the writers, the lowest room that needs it, so that the sheet builders in
// core/tables and the importer can use it without the writers importing core/tables.

import { z } from 'zod';
import { TABLE_TEMPLATES } from '../../../shared/tables.ts';

/** A veryHidden sheet: A1 holds the workbook's meta, A2… one sheet's map each (JSON). */
export const META_SHEET = '_parkbrief';
export const LAYOUT_VERSION = 1;

const uuid = z.uuid();
const kind = z.enum(['actual', 'target']);

export const workbookMetaSchema = z
  .object({
    app: z.literal('ParkBrief'),
    layout: z.literal(LAYOUT_VERSION),
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
    field: z.enum(['value', 'unit', 'qualifier', 'growth', 'source']),
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
    /** Hidden column holding each data row's indicator id. */
    keyColumn: z.number().int().min(1).max(16384),
    /** Visible column with the indicator's code (fallback when ids differ between stores). */
    codeColumn: z.number().int().min(1).max(16384).optional(),
    firstDataRow: z.number().int().min(1).max(1_048_576),
    lastDataRow: z.number().int().min(1).max(1_048_576),
    columns: z.array(columnMetaSchema).max(16384),
  })
  .strict();
export type SheetMeta = z.infer<typeof sheetMetaSchema>;

/** The meta sheet's column A, top to bottom. */
export function encodeMeta(meta: WorkbookMeta, sheets: readonly SheetMeta[]): string[] {
  return [JSON.stringify(meta), ...sheets.map((s) => JSON.stringify(s))];
}

/** `rows`: the meta sheet's row (1-based) of each sheet map, to name it in a message. */
export type DecodedMeta = { ok: true; meta: WorkbookMeta; sheets: SheetMeta[]; rows: number[] } | { ok: false; row: number; detail: string };

/** Column A of the meta sheet back into maps; the first bad row is named (1-based). */
export function decodeMeta(cells: readonly (string | null | undefined)[]): DecodedMeta {
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
  const meta = parse(workbookMetaSchema, cells[0]);
  if (typeof meta === 'string') return { ok: false, row: 1, detail: meta };
  const sheets: SheetMeta[] = [];
  const rows: number[] = [];
  for (let i = 1; i < cells.length; i++) {
    if (cells[i] === null || cells[i] === undefined || cells[i] === '') continue;
    const s = parse(sheetMetaSchema, cells[i]);
    if (typeof s === 'string') return { ok: false, row: i + 1, detail: s };
    sheets.push(s);
    rows.push(i + 1);
  }
  return { ok: true, meta, sheets, rows };
}
