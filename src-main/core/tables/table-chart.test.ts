// The 指标表's native chart: parts added to exceljs's workbook, pointing at the table's cells, read
// back by our importer unchanged and by LibreOffice as a chart of its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/tables.ts';
import { rpcCalls } from '../../../test/support/rpc-calls.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfText } from '../../../test/support/libreoffice.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { exportXlsx } from './export-xlsx.ts';

let s: TempStore;
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-table-chart-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const { call } = rpcCalls(() => s.ctx);
const edit = (period: string, indicator: string, fields: Record<string, string>) =>
  call('values.edit', { ...s.ids('楚雄高新区', period), kind: 'actual', edits: Object.entries(fields).map(([field, text]) => ({ indicatorId: s.indicatorId(indicator), field, text })) });

beforeEach(async () => {
  s = tempStore();
  for (const key of ['2019', '2020']) await call('periods.create', { key });
  await edit('2019', '地区生产总值', { value: '251.6' });
  await edit('2019', '园区总收入', { value: '610' });
  await edit('2020', '园区总收入', { value: '655' });
  await edit('2021', '地区生产总值', { value: '2985000', unit: '万元' });
  await edit('2021', '园区总收入', { value: '700', qualifier: '近' });
  await edit('2022', '园区总收入', { value: '782.4' });
});
afterEach(() => s.dispose());

const exportTable = (names: string[]) =>
  exportXlsx(s.ctx, { template: 'table', ...s.ids('楚雄高新区', '2022'), chartIndicatorIds: names.map((n) => s.indicatorId(n)) });

describe('the 指标表 native chart', () => {
  it('adds a chart whose series are the table cells, a gap where a year has no figure, hatching where it is approximate', async () => {
    const file = await exportTable(['地区生产总值', '园区总收入', '规划面积']);
    const zip = await JSZip.loadAsync(file.bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<drawing r:id="rId\d+"\/>/);
    // The first chosen indicator's unit (亿元) is the bars' axis; 规划面积 (平方公里) has its own.
    const names = (xml: string) => [...xml.matchAll(/<c:tx><c:strRef><c:f>[^<]*<\/c:f><c:strCache><c:ptCount val="1"\/><c:pt idx="0"><c:v>([^<]+)/g)].map((m) => m[1]);
    expect(names(chart.split('<c:lineChart>')[0]!)).toEqual(['地区生产总值', '园区总收入']);
    const refs = [...chart.matchAll(/<c:numRef><c:f>'楚雄高新区'!\$D\$(\d+):\$G\$(\d+)<\/c:f>/g)].map((m) => Number(m[1]));
    // Each series points at its own row of the table: D to G are 2019年 to 2022年.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('楚雄高新区')!;
    expect(refs.map((r) => String(ws.getCell(`A${r}`).value).trim())).toEqual(['地区生产总值', '园区总收入', '规划面积']);
    expect(['D', 'E', 'F', 'G'].map((c) => ws.getCell(`${c}3`).value)).toEqual(['2019年', '2020年', '2021年', '2022年']);
    const [gdp, revenue] = chart.split('<c:ser>').slice(1);
    const cached = (ser: string) => [...ser.split('<c:numCache>')[1]!.matchAll(/<c:pt idx="(\d)"><c:v>([^<]+)<\/c:v>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(cached(gdp!)).toEqual([
      [0, '251.6'],
      [2, '298.5'],
      [3, '333.52'],
    ]);
    expect(revenue).toMatch(/<c:dPt><c:idx val="2"\/>.*prst="wdUpDiag"/);
    expect(gdp).not.toContain('<c:dPt>');
  });

  it('draws a second unit as lines on a value axis of its own, and leaves a third unit out', async () => {
    await edit('2021', '科技进步贡献率', { value: '52.5' });
    await edit('2022', '科技进步贡献率', { value: '55' });
    const file = await exportTable(['园区总收入', '科技进步贡献率', '地区生产总值', '规划面积']);
    const chart = await (await JSZip.loadAsync(file.bytes)).file('xl/charts/chart1.xml')!.async('string');
    const names = (xml: string) => [...xml.matchAll(/<c:tx><c:strRef><c:f>[^<]*<\/c:f><c:strCache><c:ptCount val="1"\/><c:pt idx="0"><c:v>([^<]+)/g)].map((m) => m[1]);
    const bars = /<c:barChart>.*<\/c:barChart>/.exec(chart)![0];
    const lines = /<c:lineChart>.*<\/c:lineChart>/.exec(chart)![0];
    expect(names(bars)).toEqual(['地区生产总值', '园区总收入']);
    expect(names(lines)).toEqual(['科技进步贡献率']);
    expect(chart).not.toContain('规划面积');
    const axis = (id: string) => new RegExp(`<c:valAx><c:axId val="${id}"/>.*?</c:valAx>`).exec(chart)![0];
    const [barAxes, lineAxes] = [bars, lines].map((x) => [...x.matchAll(/<c:axId val="(\d+)"\/>/g)].map((m) => m[1]!));
    // Each chart has its own value axis: 亿元 on the left, % on the right crossing at the far end.
    expect(barAxes![1]).not.toBe(lineAxes![1]);
    expect(axis(barAxes![1]!)).toMatch(/<c:axPos val="l"\/>.*<a:t>亿元<\/a:t>/);
    expect(axis(lineAxes![1]!)).toMatch(/<c:axPos val="r"\/>.*<a:t>%<\/a:t>.*<c:crosses val="max"\/>/);
    expect(lines).toContain(`<c:val><c:numRef><c:f>'楚雄高新区'!$D$`);
  });

  it('leaves the workbook readable by the importer: the same figures, nothing changed', async () => {
    const file = await exportTable(['地区生产总值', '园区总收入']);
    const preview = await call<ImportPreview>('imports.preview', { fileName: file.fileName, base64: file.bytes.toString('base64') });
    expect(preview.counts).toMatchObject({ new: 0, changed: 0 });
    expect(preview.errors).toEqual([]);
  });

  it('puts the drawing before the cell notes shapes, as the sheet schema orders them', async () => {
    await edit('2022', '地区生产总值', { value: '45', unit: '亿美元' });
    const file = await exportTable(['园区总收入']);
    const sheet = await (await JSZip.loadAsync(file.bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(0);
    expect(sheet.indexOf('<drawing ')).toBeLessThan(sheet.indexOf('<legacyDrawing '));
  });

  it.skipIf(SKIP_LIBREOFFICE)('is read by LibreOffice as a chart of its own and printed under the table', { timeout: 120_000 }, async () => {
    await edit('2022', '科技进步贡献率', { value: '55' });
    const file = await exportTable(['地区生产总值', '园区总收入', '科技进步贡献率']);
    const xlsx = join(WORK, 'table.xlsx');
    writeFileSync(xlsx, file.bytes);
    const text = await pdfText(await convertWithLibreOffice(xlsx, 'pdf', WORK));
    expect(text).toContain('楚雄高新区地区生产总值、园区总收入、科技进步贡献率');
    const again = await convertWithLibreOffice(xlsx, 'xlsx', mkdtempSync(join(WORK, 'lo-')));
    const back = await JSZip.loadAsync(readFileSync(again));
    const charts = Object.keys(back.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBeGreaterThan(0);
    // LibreOffice keeps the combination: the % line on a value axis of its own, on the right.
    const chart = await back.file(charts[0]!)!.async('string');
    expect(chart).toMatch(/<c:lineChart>.*科技进步贡献率.*<\/c:lineChart>/);
    expect(chart.match(/<c:valAx>/g)).toHaveLength(2);
    expect(chart).toMatch(/<c:valAx>(?:(?!<\/c:valAx>).)*<c:axPos val="r"\/>/);
  });
});
