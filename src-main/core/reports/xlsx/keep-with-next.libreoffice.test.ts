// A long 指标表 printed by LibreOffice: no page ends with a category row (keep-with-next.ts). The
// categories are of many lengths, so that without the breaks some of them fall on a page's foot.
// The page images land in test-results/xlsx/ for a person to look at.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCategory, insertIndicator } from '../../catalog/catalog.ts';
import { writeBatch } from '../../history/change-log.ts';
import { exportXlsx } from '../../tables/export-xlsx.ts';
import { writeValuesBulk, type BulkValue } from '../../values/bulk-write.ts';
import { convertWithLibreOffice, pdfLines, pdfToPngs, SKIP_LIBREOFFICE } from '../../../../test/support/libreoffice.ts';
import { tempStore, type TempStore } from '../../../../test/support/temp-store.ts';

const OUT = fileURLToPath(new URL('../../../../test-results/xlsx/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-keep-'));
const CX = '楚雄高新区';
/** Indicators per added category: uneven, so category rows fall at every height of a page. */
const SIZES = [9, 7, 3, 9, 4, 8, 6, 2, 7, 5, 9, 3, 6, 4, 8, 2, 5, 7];
const DIGITS = '〇一二三四五六七八九';
const numeral = (n: number) => [...String(n)].map((d) => DIGITS[Number(d)]).join('');

let s: TempStore;
const categories: string[] = [];
beforeAll(() => {
  s = tempStore();
  const { parkId, periodId } = s.ids(CX, '2022');
  const values: BulkValue[] = [];
  writeBatch(s.ctx, '长表', (log) => {
    SIZES.forEach((n, c) => {
      const cat = insertCategory(s.ctx, log, { name: `专项${numeral(c + 1)}类` });
      categories.push(cat.name);
      for (let i = 0; i < n; i++) {
        const ind = insertIndicator(s.ctx, log, { categoryCode: cat.code, name: `专项${numeral(c + 1)}类第${numeral(i + 1)}项产值`, unit: '亿元', decimals: 2 });
        values.push({ parkId, periodId, kind: 'actual', indicatorId: ind.id, value: String(10 + c + i / 100) });
      }
    });
    // Four more rows early in the 填报模板 only (it lists indicators without figures; the 指标表 does
    // not), so that without the breaks one of its pages, too, ends with a category row.
    for (let i = 0; i < 4; i++) insertIndicator(s.ctx, log, { categoryCode: 'ECO', name: `待填经济指标${numeral(i + 1)}`, unit: '亿元', decimals: 2 });
  });
  writeValuesBulk(s.ctx, '长表数据', values);
  for (const r of s.ctx.db.prepare('SELECT name FROM categories').pluck().all() as string[]) if (!categories.includes(r)) categories.push(r);
});
afterAll(() => {
  s.dispose();
  rmSync(WORK, { recursive: true, force: true });
});

/** Each printed page's rows as text (cells of a row joined), down to the note under the table. */
async function printedRows(name: string, bytes: Buffer): Promise<string[][]> {
  const xlsx = join(WORK, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const pdf = await convertWithLibreOffice(xlsx, 'pdf', WORK);
  const pngs = await pdfToPngs(pdf, join(WORK, name), { dpi: 90 });
  mkdirSync(OUT, { recursive: true });
  for (const f of [xlsx, pdf, ...pngs]) copyFileSync(f, join(OUT, basename(f)));
  return (await pdfLines(pdf)).map((page) => {
    // poppler gives each cell as a line of its own: a printed row is the lines sharing a baseline.
    const rows = new Map<number, typeof page.lines>();
    for (const l of page.lines) {
      const key = [...rows.keys()].find((y) => Math.abs(y - l.y1) < 2) ?? l.y1;
      rows.set(key, [...(rows.get(key) ?? []), l]);
    }
    const texts = [...rows.entries()].sort(([a], [b]) => a - b).map(([, ls]) => ls.sort((a, b) => a.x0 - b.x0).map((l) => l.text).join(''));
    // The table ends above the footer (第 N 页 共 M 页) and, on the last page, above the note and the chart.
    const noteAt = texts.findIndex((t) => t.startsWith('注：'));
    return texts.slice(0, noteAt >= 0 ? noteAt : texts.length).filter((t) => !/^第\d+页共\d+页$/.test(t));
  });
}

function expectNoCategoryAtFoot(pages: string[][]): void {
  const names = new Set(categories);
  pages.slice(0, -1).forEach((rows, p) => expect(names.has(rows[rows.length - 1]!), `page ${p + 1} ends with the category row ${rows[rows.length - 1]}`).toBe(false));
  // The check looked at real category rows: every added category was printed as one.
  expect(pages.flat().filter((t) => names.has(t)).length).toBeGreaterThanOrEqual(SIZES.length);
}

describe.skipIf(SKIP_LIBREOFFICE)('a long table printed', { timeout: 180_000 }, () => {
  it('指标表: never ends a page with a category row', async () => {
    const ids = s.ids(CX, '2022');
    const pages = await printedRows('table-long', (await exportXlsx(s.ctx, { template: 'table', ...ids, periodIds: [ids.periodId] })).bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectNoCategoryAtFoot(pages);
  });

  it('填报模板: never ends a page with a category row', async () => {
    const pages = await printedRows('fill-long', (await exportXlsx(s.ctx, { template: 'fill', ...s.ids(CX, '2022') })).bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectNoCategoryAtFoot(pages);
  });
});
