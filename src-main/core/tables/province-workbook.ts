// The province workbook: many parks and periods in one file — a `table` sheet per park or a
// `compare` sheet per period — streamed to disk sheet by sheet (exceljs WorkbookWriter), so memory
// stays bounded by one sheet's figures however many parks there are. Written through
// openAtomicStream: a crash or a full disk never leaves half a workbook under its name.

import { statSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { openAtomicStream } from '../files/write-file-atomic.ts';
import type { ValueKind } from '../../shared/model.ts';
import type { CoreContext } from '../context.ts';
import { StreamBook } from '../reports/xlsx/book.ts';
import { renderCompare } from '../reports/xlsx/compare.ts';
import { renderTable } from '../reports/xlsx/table.ts';
import { allParks, getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { buildCompareSheets } from './compare-sheet.ts';
import { tablesContext } from './context.ts';
import { workbookMeta } from './export-xlsx.ts';
import { chrono } from './period-columns.ts';
import { buildTableSheet } from './table-sheet.ts';
import type { SheetMap } from '../reports/xlsx/workbook-meta.ts';

export interface ProvinceRequest {
  layout: 'table' | 'compare';
  kind: ValueKind;
  /** The period columns of every `table` sheet, or one `compare` sheet each. */
  periodIds: readonly string[];
  /** Default: every park, in the park list's order. */
  parkIds?: readonly string[];
  /**
   * exceljs's shared-strings table: a smaller file (each indicator name stored once) for a little
   * memory; inline strings otherwise. Default on.
   */
  sharedStrings?: boolean;
}

export interface ProvinceResult {
  sheets: number;
  bytes: number;
}

export async function writeProvinceWorkbook(ctx: CoreContext, req: ProvinceRequest, outPath: string): Promise<ProvinceResult> {
  const { db } = ctx;
  if (!req.periodIds.length) throw new AppError('INVALID_INPUT', { detail: '没有选择期别', detailEn: 'no periods chosen' });
  const parks = req.parkIds ? req.parkIds.map((id) => getParkRow(db, id)) : allParks(db);
  const periods = req.periodIds.map((id) => getPeriodRow(db, id)).sort(chrono);
  const g = tablesContext(db);

  const file = openAtomicStream(outPath);
  const metas: SheetMap[] = [];
  try {
    const book = new StreamBook(file.stream, { sharedStrings: req.sharedStrings ?? true });
    if (req.layout === 'table') {
      for (const park of parks) {
        metas.push(renderTable(book, buildTableSheet(g, book.names.claim(park.name), park, periods, req.kind)));
        await file.guard(book.settle());
      }
    } else {
      for (const period of periods) {
        for (const sheet of buildCompareSheets(g, (n) => book.names.claim(n), period, parks, req.kind)) {
          metas.push(renderCompare(book, sheet));
          await file.guard(book.settle());
        }
      }
    }
    await file.guard(book.finish(workbookMeta(db, req.layout), metas));
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
  return { sheets: metas.length, bytes: statSync(outPath).size };
}
