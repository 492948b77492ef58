// The Excel exports as an office suite reads and prints them: LibreOffice converts the table to CSV
// (cells as shown, so number formats count) and every template to PDF; poppler reads the PDF back.
// The page images land in test-results/xlsx/ for a person to look at.

import { convertExact } from '../../tables/shown.ts';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDecimal, mul, roundRational, writeExact } from '../../../shared/figure/exact.ts';
import type { TableTemplate } from '../../../shared/tables.ts';
import { figureText, QUALIFIERS } from '../../../shared/figure/qualifiers.ts';
import { conversionRatio } from '../../../shared/figure/units.ts';
import { writeBatch } from '../../history/change-log.ts';
import { insertPark } from '../../repos/parks.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfPageCount, pdfText, pdfToPngs } from '../../../../test/support/libreoffice.ts';
import type { TempStore } from '../../../../test/support/temp-store.ts';
import { exportXlsx, type XlsxRequest } from '../../tables/export-xlsx.ts';
import { CX, KM, xlsxStore } from '../../../../test/support/xlsx-fixture.ts';
import { storeFigures } from '../../../../test/support/xlsx-readback.ts';
import { writeValuesBulk } from '../../values/bulk-write.ts';

const OUT = fileURLToPath(new URL('../../../../test-results/xlsx/', import.meta.url));
// Conversions run in a private folder (Playwright empties test-results/ when an e2e run starts).
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-xlsx-'));

let s: TempStore;
const MORE_PARKS = ['玉溪高新区', '曲靖经开区', '红河综保区', '大理经开区', '保山工业园区', '文山高新区', '普洱绿色产业园'];

beforeAll(() => {
  s = xlsxStore();
  // Nine parks for 2022: the comparison runs over two pages across.
  const ids: string[] = [];
  writeBatch(s.ctx, '园区', (log) => MORE_PARKS.forEach((name) => ids.push(insertPark(s.ctx, log, { name }).id)));
  const period = s.ids(CX, '2022').periodId;
  const names = ['地区生产总值', '新材料产业产值', '规上企业数', '一般社会投资项目审批时限'];
  writeValuesBulk(
    s.ctx,
    '更多园区',
    ids.flatMap((parkId, i) => names.map((n, k) => ({ parkId, periodId: period, kind: 'actual' as const, indicatorId: s.indicatorId(n), value: String(100 + 7 * i + k) }))),
  );
});
afterAll(() => {
  s.dispose();
  rmSync(WORK, { recursive: true, force: true });
});

/** Copies the results to OUT, first removing page images of an earlier run that had more pages. */
function publish(name: string, files: string[]): void {
  mkdirSync(OUT, { recursive: true });
  for (const old of readdirSync(OUT)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) rmSync(join(OUT, old));
  for (const f of files) copyFileSync(f, join(OUT, basename(f)));
}

async function write(name: string, req: Omit<XlsxRequest, 'parkId' | 'periodId'>, park = CX, period = '2022'): Promise<string> {
  const path = join(WORK, `${name}.xlsx`);
  writeFileSync(path, (await exportXlsx(s.ctx, { ...s.ids(park, period), ...req } as XlsxRequest)).bytes);
  return path;
}

interface Printed {
  pages: string[];
  size: string;
}

async function print(name: string, req: Omit<XlsxRequest, 'parkId' | 'periodId'>, park?: string, period?: string): Promise<Printed> {
  const xlsx = await write(name, req, park, period);
  const pdf = await convertWithLibreOffice(xlsx, 'pdf', WORK);
  const pngs = await pdfToPngs(pdf, join(WORK, name), { dpi: 90 });
  publish(name, [xlsx, pdf, ...pngs]);
  const text = await pdfText(pdf);
  const pages = text.split('\f').filter((p) => p.trim());
  expect(pages).toHaveLength(await pdfPageCount(pdf));
  const size = /^Page size:\s+(.*)$/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? '';
  return { pages, size };
}

/** A CSV line into fields (quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let f: string;
    if (line[i] === '"') {
      // The closing quote is one not doubled; doubled ones are skipped two at a time.
      let j = i + 1;
      while (j < line.length && !(line[j] === '"' && line[j + 1] !== '"')) j += line[j] === '"' ? 2 : 1;
      f = line.slice(i + 1, j).replace(/""/g, '"');
      i = j + 1;
    } else {
      const j = line.indexOf(',', i);
      f = line.slice(i, j < 0 ? line.length : j);
      i = j < 0 ? line.length : j;
    }
    out.push(f);
    if (line[i] !== ',') return out;
    i++;
  }
}

/** The figure as a reader should see it, worked out from the stored text, not by the exporter. */
function shownText(f: { value: string | null; unit: string; indicatorUnit: string; decimals: number; qualifier: string | null }): string {
  if (f.value === null) return '';
  const ratio = conversionRatio(f.unit, f.indicatorUnit);
  if (ratio === null) return figureText(f.value, f.unit, f.qualifier);
  const q = QUALIFIERS.find((x) => x.code === f.qualifier);
  // An approximate figure keeps the decimals it was given (近60), an exact one takes the row's.
  const exact = convertExact(f.value, f.unit, f.indicatorUnit)!;
  const own = exact.includes('.') ? exact.length - exact.indexOf('.') - 1 : 0;
  const n = writeExact(roundRational(mul(fromDecimal(f.value), ratio), q ? own : f.decimals, 'half-up'));
  return !q ? n : q.at === 'before' ? q.code + n : n + q.code;
}

const LANDSCAPE_A4 = /^841\.\d+ x 595\.\d+ pts \(A4\)/;
const PORTRAIT_A4 = /^595\.\d+ x 841\.\d+ pts \(A4\)/;

describe.skipIf(SKIP_LIBREOFFICE)('Excel exports read by LibreOffice', { timeout: 180_000 }, () => {
  it('the table converted to CSV holds every figure of the store as shown', async () => {
    const csv = await convertWithLibreOffice(await write('table-csv', { template: 'table' }), 'csv', WORK);
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map(fields);
    const header = lines[2]!;
    expect(header.slice(0, 8)).toEqual(['指标名称', '代码', '计量单位', '2020年', '2021年', '2022年', '同比增长(%)', '改革前']);
    // No id in any cell: the rows are told apart by their 代码, as a reader would.
    expect(lines.flat().some((c) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(c))).toBe(false);
    const periods = ['2020', '2021', '2022'].map((k) => s.ids(CX, k).periodId);
    const figs = storeFigures(s.ctx).filter((f) => f.parkId === s.ids(CX, '2022').parkId && periods.includes(f.periodId));
    const codes = new Set(figs.map((f) => f.code));
    const rows = lines.slice(3).filter((l) => codes.has(l[1] ?? ''));
    expect(rows.length).toBeGreaterThan(25);
    let compared = 0;
    for (const row of rows) {
      periods.forEach((p, i) => {
        const f = figs.find((x) => x.code === row[1] && x.periodId === p);
        expect(row[3 + i]!.trim(), `${row[0]} ${i}`).toBe(f ? shownText(f) : '');
        if (f?.value) compared++;
      });
    }
    expect(compared).toBe(figs.filter((f) => f.value !== null).length);
    const gdp = rows.find((r) => r[0] === '地区生产总值')!;
    expect(gdp.slice(3, 7).map((x) => x.trim())).toEqual(['280.00', '300.00', '333.52', '11.2']);
    const rate = rows.find((r) => r[0] === '高新技术企业营业收入占园区总收入比重')!;
    expect(rate[6]!.trim()).toBe('3.5个百分点');
    expect(rows.find((r) => r[0] === '其中：出口总额')).toBeTruthy();
    // 改革前 as shown: 35 → 5 个工作日.
    const days = rows.find((r) => r[0] === '一般社会投资项目审批时限')!;
    expect([days[5]!.trim(), days[7]!.trim()]).toEqual(['5', '35']);
  });

  const templates: [TableTemplate, Omit<XlsxRequest, 'parkId' | 'periodId'>, string?, string?, string[]?][] = [
    ['table', { template: 'table' }, CX, '2022', ['楚雄高新区主要指标', '333.52', '同比增长(%)', '近60', '569余', '2.5亿美元']],
    // 合计 where every park has the figure (1680.52), 不完整 where one does not.
    ['compare', { template: 'compare' }, CX, '2022', ['2022年各园区主要指标对比', '1680.52', '不完整', '位次', '3亿美元', '569余']],
    ['form', { template: 'form', frame: { tableNo: '园统1表', authority: '楚雄高新区管委会', reportDate: '2023年1月15日', unitHead: '张三' } }, CX, '2022', ['园统1表', '填报单位（盖章）：楚雄高新区', '单位负责人：张三', '报出日期：2023年1月15日']],
    ['fill', { template: 'fill' }, KM, '2017', ['填写说明', '昆明高新区2017年指标填报表', '突破', '16.5', '亿美元', '备注/来源']],
  ];

  it.each(templates)('%s prints on A4, upright when narrow, with the header on every page and nothing cut at the right', async (name, req, park, period, wanted) => {
    const { pages, size } = await print(name, req, park, period);
    // The 统计报表 fits upright; the comparison, the template and this 指标表 (three years and 改革前) do not.
    expect(size).toMatch(name === 'form' ? PORTRAIT_A4 : LANDSCAPE_A4);
    const flat = pages.map((p) => p.replace(/\s+/g, ''));
    pages.forEach((p, i) => expect(flat[i], `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`));
    // The column header repeats on every page, the rightmost column included.
    const last = { table: '改革前', compare: '计量单位', form: '同比增长(%)', fill: '备注/来源' }[name];
    flat.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain('指标名称');
      expect(p, `page ${i + 1}`).toContain(last);
    });
    const all = flat.join('');
    for (const w of wanted!) expect(all).toContain(w.replace(/\s+/g, ''));
    if (name === 'form') {
      expect(pages.length).toBeGreaterThan(1);
      // The labels left blank in the frame are not printed (批准机关, 文号, 有效期至, 统计负责人, 填表人, 联系电话).
      for (const label of ['批准（备案）机关', '文号', '有效期至', '统计负责人', '填表人', '联系电话']) expect(all, label).not.toContain(label);
    }
    if (name === 'compare') {
      // Two pages across, each with the indicator columns, and every park on one of them.
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const p of [KM, CX, ...MORE_PARKS]) expect(all).toContain(p);
    }
  });
});
