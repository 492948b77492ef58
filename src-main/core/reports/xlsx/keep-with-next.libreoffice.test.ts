// Long sheets of every layout printed by LibreOffice: each page ends where keep-with-next.ts put its
// row break, none with a category row, and LibreOffice shrinks the sheet no less than the layout
// counted — by exactly as much as its own column measure says, so the page model (margins, scale,
// heights) is the one LibreOffice prints by. Calibri is Carlito in the renders (test/support/fonts/
// fonts.conf): without it a wider face measures the columns and the sheet prints at 70 % for 89 %.
// The categories are of many lengths, so that without the breaks some of them fall on a page's foot.
// The page images land in test-results/xlsx/ for a person to look at.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCategory, insertIndicator } from '../../catalog/catalog.ts';
import { setRetired } from '../../catalog/edit-indicator.ts';
import { writeBatch } from '../../history/change-log.ts';
import { insertPark } from '../../repos/parks.ts';
import { exportXlsx, type XlsxRequest } from '../../tables/export-xlsx.ts';
import { writeValuesBulk, type BulkValue } from '../../values/bulk-write.ts';
import { convertWithLibreOffice, pdfLines, pdfToPngs, SKIP_LIBREOFFICE, type PdfPage } from '../../../../test/support/libreoffice.ts';
import { tempStore, type TempStore } from '../../../../test/support/temp-store.ts';
import { readBack } from '../../../../test/support/xlsx-readback.ts';
import { fitScale } from './keep-with-next.ts';
import { A4_POINTS, MARGINS } from './page.ts';

/**
 * LibreOffice's width unit in points: Carlito's digit at 11 pt, unrounded (a column of width 8 is
 * 0.6165 in, read back from its own .ods). Excel's is 7 whole pixels, 5.25 pt (keep-with-next.ts).
 */
const LIBREOFFICE_UNIT = 5.55;

const OUT = fileURLToPath(new URL('../../../../test-results/xlsx/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-keep-'));
const CX = '楚雄高新区';
const KM = '昆明高新区';
/** Parks added for a comparison two pages across (more than six parks). */
const MORE_PARKS = ['玉溪高新区', '曲靖经开区', '红河综保区', '大理经开区', '保山工业园区', '文山高新区', '普洱绿色产业园'];
/** Indicators per added category: uneven, so category rows fall at every height of a page. */
const SIZES = [9, 7, 3, 9, 4, 8, 6, 2, 7, 5, 9, 3, 6, 4, 8, 2, 5, 7];
const DIGITS = '〇一二三四五六七八九';
const numeral = (n: number) => [...String(n)].map((d) => DIGITS[Number(d)]).join('');

let s: TempStore;
const categories: string[] = [];
const parkIds: string[] = [];
beforeAll(() => {
  s = tempStore();
  const { periodId } = s.ids(CX, '2022');
  const values: BulkValue[] = [];
  writeBatch(s.ctx, '长表', (log) => {
    for (const name of MORE_PARKS) insertPark(s.ctx, log, { name });
    parkIds.push(...[CX, KM, ...MORE_PARKS].map((p) => s.ids(p, '2022').parkId));
    SIZES.forEach((n, c) => {
      const cat = insertCategory(s.ctx, log, { name: `专项${numeral(c + 1)}类` });
      categories.push(cat.name);
      for (let i = 0; i < n; i++) {
        const ind = insertIndicator(s.ctx, log, { categoryCode: cat.code, name: `专项${numeral(c + 1)}类第${numeral(i + 1)}项产值`, unit: '亿元', decimals: 2 });
        parkIds.forEach((parkId, p) => values.push({ parkId, periodId, kind: 'actual', indicatorId: ind.id, value: String(10 + c + p + i / 100) }));
      }
    });
    // Rows early in some layouts only, so that without the breaks pages of each, too, end with a
    // category row: four in the 填报模板 and the 统计报表 (they list indicators without figures; the
    // 指标表 does not), one of them in the comparison (昆明's figure), and a retired one in the
    // 统计报表 alone (it keeps every row of the catalogue).
    for (let i = 0; i < 4; i++) {
      const ind = insertIndicator(s.ctx, log, { categoryCode: 'ECO', name: `待填经济指标${numeral(i + 1)}`, unit: '亿元', decimals: 2 });
      if (i === 0) values.push({ parkId: parkIds[1]!, periodId, kind: 'actual', indicatorId: ind.id, value: '5' });
    }
    setRetired(s.ctx, log, insertIndicator(s.ctx, log, { categoryCode: 'ECO', name: '停用经济指标', unit: '亿元', decimals: 2 }).id, true);
  });
  writeValuesBulk(s.ctx, '长表数据', values);
  for (const r of s.ctx.db.prepare('SELECT name FROM categories').pluck().all() as string[]) if (!categories.includes(r)) categories.push(r);
});
afterAll(() => {
  s.dispose();
  rmSync(WORK, { recursive: true, force: true });
});

/** What the exported sheet says of its pages: the names in column A, the rows its breaks follow, its print setup. */
interface SheetPages {
  /** Column A of each row (1-based), '' where empty. */
  names: string[];
  /** Data rows (1-based) a page break follows, as written (OOXML `brk id`). */
  breaks: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** The scale the page layout counted with. */
  scale: number;
  /** The scale LibreOffice fits one page's width with by its own measure; null over pages across. */
  libreOfficeScale: number | null;
}

async function sheetPages(bytes: Buffer): Promise<SheetPages> {
  const { wb, sheets } = await readBack(bytes);
  const m = sheets[0]!;
  const ws = wb.getWorksheet(m.sheet)!;
  const names = [''];
  for (let r = 1; r <= ws.rowCount; r++) names.push(String(ws.getRow(r).getCell(1).value ?? ''));
  // exceljs does not read breaks back: they are in the sheet's XML, in the one sheet that has any.
  const zip = await JSZip.loadAsync(bytes);
  const xml = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  const withBreaks = xml.filter((x) => x.includes('<rowBreaks'));
  expect(withBreaks.length).toBeLessThanOrEqual(1);
  // Those among the data rows: one below them puts a chart on a page of its own.
  const breaks = [...(withBreaks[0] ?? '').matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((b) => Number(b[1])).filter((b) => b < m.lastDataRow);
  const printed = (ws.columns ?? []).filter((c) => !c.hidden).map((c) => c.width ?? 10);
  const pagesWide = ws.pageSetup.fitToWidth ?? 1;
  const scale = fitScale({
    orientation: ws.pageSetup.orientation === 'portrait' ? 'portrait' : 'landscape',
    margins: MARGINS,
    columnWidths: printed,
    pagesWide,
    repeatedColumns: ws.pageSetup.printTitlesColumn ? printed.slice(0, 3) : [],
    firstPageRows: [],
    repeatedRows: [],
  });
  const width = ws.pageSetup.orientation === 'portrait' ? A4_POINTS.width : A4_POINTS.height;
  const libreOfficeScale = pagesWide === 1 ? Math.min(1, (width - 72 * (MARGINS.left + MARGINS.right)) / (printed.reduce((a, w) => a + w, 0) * LIBREOFFICE_UNIT)) : null;
  return { names, breaks, firstDataRow: m.firstDataRow, lastDataRow: m.lastDataRow, scale, libreOfficeScale };
}

interface PrintedRow {
  /** The row's cells left to right. */
  cells: string[];
  /** The baseline's distance from the page's top, in points. */
  y: number;
}

/** Each printed page's rows: poppler gives each cell as a line of its own, a printed row is the lines sharing a baseline. */
function printedRows(page: PdfPage): PrintedRow[] {
  const rows = new Map<number, typeof page.lines>();
  for (const l of page.lines) {
    const key = [...rows.keys()].find((y) => Math.abs(y - l.y1) < 2) ?? l.y1;
    rows.set(key, [...(rows.get(key) ?? []), l]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([y, ls]) => ({ cells: ls.sort((a, b) => a.x0 - b.x0).map((l) => l.text), y }));
}

async function render(name: string, bytes: Buffer): Promise<PdfPage[]> {
  const xlsx = join(WORK, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const pdf = await convertWithLibreOffice(xlsx, 'pdf', WORK);
  const pngs = await pdfToPngs(pdf, join(WORK, name), { dpi: 90 });
  mkdirSync(OUT, { recursive: true });
  for (const old of readdirSync(OUT)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) rmSync(join(OUT, old));
  for (const f of [xlsx, pdf, ...pngs]) copyFileSync(f, join(OUT, basename(f)));
  return pdfLines(pdf);
}

/**
 * Every page ends with the row its break follows and the next starts with the row after it; over
 * pages across, each column of pages alike. No page ends with a category row. LibreOffice shrinks
 * the sheet as the layout counted, so the pages hold what the count put on them and no more.
 */
async function expectPagesAsLaidOut(name: string, req: XlsxRequest): Promise<PdfPage[]> {
  const bytes = (await exportXlsx(s.ctx, req)).bytes;
  const sheet = await sheetPages(bytes);
  const dataRows = new Map<string, number>();
  for (let r = sheet.firstDataRow; r <= sheet.lastDataRow; r++) dataRows.set(sheet.names[r]!, r);
  expect(dataRows.size, 'names tell the data rows apart').toBe(sheet.lastDataRow - sheet.firstDataRow + 1);
  const names = new Set(categories);
  // A category row is its name alone; an indicator row has its 代码 and unit beside the name (a chart's
  // legend below the table names an indicator, alone).
  const isData = (r: PrintedRow) => dataRows.has(r.cells[0]!) && (r.cells.length > 1 || names.has(r.cells[0]!));
  // Pages without data rows may follow the table: a chart that does not fit under the note goes on.
  const rendered = await render(name, bytes);
  const pages = rendered
    .map((page) => {
      // The table's rows: above the note (注：, 说明：), which a chart's legend may follow.
      const rows = printedRows(page);
      const note = rows.findIndex((r) => /^(注|说明)：/.test(r.cells[0]!));
      return note < 0 ? rows : rows.slice(0, note);
    })
    .filter((rows) => rows.some(isData));
  const down = sheet.breaks.length + 1;
  expect(pages.length % down, `${pages.length} pages, ${down} down`).toBe(0);
  expect(down).toBeGreaterThanOrEqual(3);
  const pitches: number[] = [];
  pages.forEach((page, p) => {
    const rows = page.filter(isData);
    // The column header is repeated above the rows of every page.
    expect(page.findIndex((r) => r.cells[0] === '指标名称'), `page ${p + 1}'s header`).toBeLessThan(page.indexOf(rows[0]!));
    expect(page.findIndex((r) => r.cells[0] === '指标名称'), `page ${p + 1}'s header`).toBeGreaterThanOrEqual(0);
    const k = p % down;
    const [from, to] = [k === 0 ? sheet.firstDataRow : sheet.breaks[k - 1]! + 1, k === down - 1 ? sheet.lastDataRow : sheet.breaks[k]!];
    expect(rows[0]!.cells[0], `page ${p + 1} starts`).toBe(sheet.names[from]);
    expect(rows[rows.length - 1]!.cells[0], `page ${p + 1} ends`).toBe(sheet.names[to]);
    expect(rows.map((r) => dataRows.get(r.cells[0]!)), `page ${p + 1} holds rows ${from}–${to}`).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    if (k < down - 1) expect(names.has(sheet.names[to]!), `page ${p + 1} ends with the category row ${sheet.names[to]}`).toBe(false);
    for (let i = 1; i < rows.length; i++) pitches.push(rows[i]!.y - rows[i - 1]!.y);
  });
  // The printed category rows include the added ones: the check looked at real categories.
  expect([...dataRows.keys()].filter((n) => names.has(n)).length).toBeGreaterThanOrEqual(SIZES.length);
  // Nearly every data row is one 15 pt line: the row pitch is 15 pt at the printed scale. LibreOffice
  // shrinks no less than the layout counted, so its pages hold what was put on them.
  const printedAt = pitches.sort((a, b) => a - b)[pitches.length >> 1]! / 15;
  const said = `printed at ${(100 * printedAt).toFixed(1)} %, laid out at ${(100 * sheet.scale).toFixed(1)} %`;
  expect(printedAt, said).toBeLessThanOrEqual(sheet.scale + 0.005);
  // And by as much as its own measure says (to its whole percent, and the pitch's rounding).
  if (sheet.libreOfficeScale !== null) expect(Math.abs(printedAt - sheet.libreOfficeScale), `${said}, by LibreOffice's measure ${(100 * sheet.libreOfficeScale).toFixed(1)} %`).toBeLessThan(0.012);
  return rendered;
}

describe.skipIf(SKIP_LIBREOFFICE)('a long sheet printed', { timeout: 240_000 }, () => {
  it('指标表: every page ends at its break, none with a category row; the chart under the note whole on one page', async () => {
    const ids = s.ids(CX, '2022');
    const pages = await expectPagesAsLaidOut('table-long', { template: 'table', ...ids, periodIds: [ids.periodId] });
    // The chart's title and its legend (规划面积 alone on its line) on one page, within the margins.
    // LibreOffice also writes the text of a chart cut by a page end, outside the page's body: positions tell.
    const body = (p: PdfPage, y0: number, y1: number) => y0 >= MARGINS.top * 72 && y1 <= p.height - MARGINS.bottom * 72;
    const whole = pages.filter((p) => {
      const title = p.lines.find((l) => l.text === '楚雄高新区规划面积');
      const legend = p.lines.find((l) => l.text === '规划面积');
      return title && legend && title.y1 < legend.y0 && body(p, title.y0, legend.y1);
    });
    expect(whole).toHaveLength(1);
  });

  it('填报模板: every page ends at its break, none with a category row', async () => {
    await expectPagesAsLaidOut('fill-long', { template: 'fill', ...s.ids(CX, '2022') });
  });

  it('统计报表: every page ends at its break, none with a category row; the header rows on every page', async () => {
    const frame = { tableNo: '园统1表', authority: '楚雄高新区管委会', approvedBy: '楚雄州统计局', docNo: '楚统字〔2022〕1号' };
    await expectPagesAsLaidOut('form-long', { template: 'form', ...s.ids(CX, '2022'), frame });
  });

  it('多园区对比 of two parks: every page ends at its break, none with a category row', async () => {
    await expectPagesAsLaidOut('compare-long', { template: 'compare', ...s.ids(CX, '2022'), parkIds: parkIds.slice(0, 2) });
  });

  it('多园区对比 of nine parks, two pages across: every page of both columns ends at its break', async () => {
    await expectPagesAsLaidOut('compare-wide', { template: 'compare', ...s.ids(CX, '2022'), parkIds });
  });
});
