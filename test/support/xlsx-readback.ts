// Test support: an exported workbook read back the way a second program would — exceljs over the
// bytes, the hidden map decoded with the importer's own decodeMeta — and the store's figures read
// with plain SQL, so a test compares the file with the store, not the exporter with itself.

import ExcelJS from 'exceljs';
import type { CoreContext } from '../../src-main/core/context.ts';
import { decodeMeta, META_SHEET, type DecodedSheet, type WorkbookMeta } from '../../src-main/core/reports/xlsx/workbook-meta.ts';

export interface ReadBack {
  wb: ExcelJS.Workbook;
  meta: WorkbookMeta;
  sheets: DecodedSheet[];
}

export async function readBack(bytes: Buffer | ArrayBuffer): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const ms = wb.getWorksheet(META_SHEET);
  if (!ms) throw new Error('no meta sheet');
  const rows: (string | null)[][] = [];
  for (let r = 1; r <= ms.rowCount; r++) {
    const row = ms.getRow(r);
    rows.push(Array.from({ length: Math.max(1, row.cellCount) }, (_, c) => {
      const v = row.getCell(c + 1).value;
      return typeof v === 'string' ? v : null;
    }));
  }
  const d = decodeMeta(rows);
  if (!d.ok) throw new Error(`meta row ${d.row}: ${d.detail}`);
  return { wb, meta: d.meta, sheets: d.sheets };
}

export interface StoreFigure {
  parkId: string;
  periodId: string;
  indicatorId: string;
  code: string;
  value: string | null;
  unit: string;
  indicatorUnit: string;
  decimals: number;
  qualifier: string | null;
  growth: string | null;
  baseline: string | null;
  source: string | null;
}

/** Every stored figure of a kind, straight from the value table. */
export function storeFigures(ctx: CoreContext, kind: 'actual' | 'target' = 'actual'): StoreFigure[] {
  return ctx.db
    .prepare(
      `SELECT p.id AS parkId, q.id AS periodId, i.id AS indicatorId, i.code, v.value, v.unit, i.unit AS indicatorUnit, i.decimals,
              v.qualifier, v.growth, v.baseline, v.source
         FROM indicator_values v JOIN parks p ON p.pk = v.park JOIN periods q ON q.pk = v.period JOIN indicators i ON i.pk = v.indicator
        WHERE v.kind = ?`,
    )
    .all(kind) as StoreFigure[];
}

/** Row number → indicator id, from the hidden map (or, in a layout-1 file, the sheet's hidden key column). */
export function keyedRows(ws: ExcelJS.Worksheet, m: DecodedSheet): Map<number, string> {
  const out = new Map<number, string>();
  for (let r = m.firstDataRow; r <= m.lastDataRow; r++) {
    const v = m.keyColumn === undefined ? m.ids[r - m.firstDataRow] : ws.getCell(r, m.keyColumn).value;
    if (typeof v === 'string' && v) out.set(r, v);
  }
  return out;
}
