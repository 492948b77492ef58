// tables.export: one Excel workbook from the store — a park's table over periods, parks compared for
// one period, a statistical form, or a fill-in template — with the hidden map that lets the
// importer read it back (workbook-meta.ts). Every figure is read from the store at this moment.

import type { Input } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { ValueKind } from '../../shared/model.ts';
import type { TableTemplate } from '../../shared/tables.ts';
import type { CoreContext } from '../context.ts';
import type { OutgoingFile } from '../host.ts';
import { BufferedStreamBook, MemoryBook } from '../reports/xlsx/book.ts';
import { renderCompare } from '../reports/xlsx/compare.ts';
import { renderFill } from '../reports/xlsx/fill.ts';
import { renderForm } from '../reports/xlsx/form.ts';
import { addNativeChart } from '../reports/xlsx/native-chart.ts';
import { renderTable } from '../reports/xlsx/table.ts';
import { allParks, getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { readSettings } from '../settings/settings.ts';
import type { Db } from '../store/open.ts';
import { buildCompareSheets } from './compare-sheet.ts';
import { tablesContext } from './context.ts';
import { buildFillSheet } from './fill-sheet.ts';
import { buildFormSheet } from './form-sheet.ts';
import { tableColumns } from './period-columns.ts';
import { tableChart } from './table-chart.ts';
import { buildTableSheet } from './table-sheet.ts';
import { LAYOUT_VERSION, type SheetMap, type WorkbookMeta } from '../reports/xlsx/workbook-meta.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEMPLATE_NAMES: Record<TableTemplate, string> = { table: '指标表', compare: '园区对比', form: '统计报表', fill: '填报模板' };

export type XlsxRequest = Input<'tables.export'>;

export interface XlsxFile extends OutgoingFile {
  /** Data sheets written (the hidden map and list sheets not counted). */
  sheets: number;
}

export async function exportXlsx(ctx: CoreContext, req: XlsxRequest): Promise<XlsxFile> {
  const { db } = ctx;
  const kind: ValueKind = req.kind ?? 'actual';
  const park = getParkRow(db, req.parkId);
  const period = getPeriodRow(db, req.periodId);
  const g = tablesContext(db);
  // A comparison grows with the parks compared (up to 1,000): it is streamed, sheet by sheet, so
  // memory holds the compressed file rather than every cell. The other layouts are one park's sheet.
  // So is the province workbook, a `table` sheet for every park.
  const province = req.template === 'table' && req.allParks === true;
  const book = req.template === 'compare' || province ? new BufferedStreamBook({ sharedStrings: true }) : new MemoryBook();
  const metas: SheetMap[] = [];
  let who = park.name;
  let chart: ReturnType<typeof tableChart> = null;
  let chartSheet = '';

  switch (req.template) {
    case 'table': {
      if (province && book instanceof BufferedStreamBook) {
        const parks = allParks(db);
        for (const p of parks) {
          const sheet = buildTableSheet(g, book.names.claim(p.name), p, tableColumns(db, p, period, kind, req.periodIds), kind);
          // A park without a figure in these periods gets no sheet of blanks.
          if (!sheet.lines.length) continue;
          metas.push(renderTable(book, sheet));
          await book.settle();
        }
        if (!metas.length) throw nothingToExport(`${parks.length}个园区`, [period.key], kind);
        who = `全部${metas.length}园区`;
        break;
      }
      const periods = tableColumns(db, park, period, kind, req.periodIds);
      const sheet = buildTableSheet(g, book.names.claim(park.name), park, periods, kind);
      if (!sheet.lines.length) throw nothingToExport(park.name, periods.map((p) => p.key), kind);
      chart = tableChart(sheet, req.chartIndicatorIds);
      chartSheet = sheet.name;
      // The table's pages are laid out with the chart under it, so the chart is not cut across two.
      metas.push(renderTable(book, sheet, { chartRows: chart ? chart.anchor.toRow - chart.anchor.fromRow : 0 }));
      break;
    }
    case 'compare': {
      const parks = req.parkIds ? [...new Map(req.parkIds.map((id) => [id, getParkRow(db, id)])).values()] : allParks(db);
      const sheets = buildCompareSheets(g, (n) => book.names.claim(n), period, parks, kind);
      if (!sheets[0]!.lines.length) throw nothingToExport(parks.length === 1 ? parks[0]!.name : `${parks.length}个园区`, [period.key], kind);
      for (const s of sheets) {
        metas.push(renderCompare(book, s));
        if (book instanceof BufferedStreamBook) await book.settle();
      }
      who = parks.length === 1 ? parks[0]!.name : `${parks.length}园区`;
      break;
    }
    case 'form': {
      const frame = req.frame ?? readSettings(db).formFrame;
      metas.push(renderForm(book, buildFormSheet(g, book.names.claim(park.name), park, period, kind, frame)));
      break;
    }
    case 'fill':
      metas.push(await renderFill(book, buildFillSheet(g, book.names.claim(park.name), park, period, kind)));
      break;
  }

  const meta = workbookMeta(db, req.template);
  const written = book instanceof BufferedStreamBook ? await book.finishBytes(meta, metas) : await book.finish(meta, metas);
  const bytes = chart ? await addNativeChart(written, chartSheet, chart.chart, chart.anchor) : written;
  const kindPart = kind === 'target' ? '-目标' : '';
  const fileName = `${who}-${period.key}${kindPart}-${TEMPLATE_NAMES[req.template]}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, mime: XLSX_MIME, bytes, sheets: metas.length };
}

export function workbookMeta(db: Db, template: TableTemplate): WorkbookMeta {
  const storeId = (db.prepare("SELECT value FROM meta WHERE key = 'store_id'").pluck().get() as string | undefined) ?? '';
  return { app: 'ParkBrief', layout: LAYOUT_VERSION, template, storeId: storeId.slice(0, 64), exportedAt: new Date().toISOString() };
}


function nothingToExport(park: string, periods: string[], kind: ValueKind): AppError {
  return new AppError('TABLE_EMPTY', { park, periods: periods.join('、'), kindZh: kind === 'target' ? '目标数' : '实际数', kindEn: kind });
}
