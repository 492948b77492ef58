// Every file ParkBrief writes for Word, WPS and Excel, checked by the Open XML SDK's validator (the
// schema and semantic checks Microsoft's own SDK applies, compiled to WebAssembly): LibreOffice, which
// renders our pages in the other tests, forgives what Office refuses or "repairs" — Excel's prompt
// "We found a problem with some content" for a `sheetPr` whose children are out of order, say.
// Checked as Office 2016 reads them, the oldest Office our users are asked to have.

import validate from '@ooxml-tools/validate';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableTemplate } from '../../src-main/shared/tables.ts';
import { exportDocx } from '../../src-main/core/documents/export-docx.ts';
import { exportCatalogWorkbook } from '../../src-main/core/tables/catalog-workbook.ts';
import { exportXlsx } from '../../src-main/core/tables/export-xlsx.ts';
import { CX, KM, xlsxStore } from '../support/xlsx-fixture.ts';
import type { TempStore } from '../support/temp-store.ts';
import { renderYearbook } from '../support/yearbook-fixture.ts';
import { PHOTO, seedFeature } from '../support/docx-fixtures.ts';
import { docxParts } from '../support/docx-parts.ts';
import { renderDocx } from '../../src-main/core/reports/docx/index.ts';
import { DEFAULT_FONTS } from '../../src-main/shared/settings.ts';

type Problem = Awaited<ReturnType<typeof validate>>[number];
/** One line per problem: the part, where in it, and what the validator says. */
const described = (problems: Problem[]) => problems.map((p) => `${p.path.partUri} ${p.path.xpath}: ${p.description}`);

async function problems(bytes: Uint8Array, format: 'docx' | 'xlsx'): Promise<string[]> {
  return described(await validate(bytes, format, 'Office2016'));
}

let s: TempStore;
beforeAll(() => {
  s = xlsxStore();
});
afterAll(() => s.dispose());

describe('Word files', () => {
  it.each([
    ['magazine', CX, '2022', false],
    ['bulletin', CX, '2022', false],
    ['magazine', KM, '2017', true],
    ['bulletin', KM, '2017', true],
  ] as const)('%s of %s %s (sources %s) is valid Office 2016 XML', async (template, park, period, sources) => {
    const file = await exportDocx(s.ctx, { documents: [s.ids(park, period)], template, allowMarkers: true, sources });
    expect(await problems(file.bytes, 'docx')).toEqual([]);
  }, 60_000);

  it('a magazine with photos set at the top of a column and of a page (a cut paragraph, column and page breaks) is valid Office 2016 XML', async () => {
    const doc = seedFeature();
    // Two features: the lead twice over, a photo at the top of page 2's right column; three times, one across both columns at page 2's top.
    const feature = (leads: number, span: 'column' | 'full', afterSection: number) => ({
      ...doc,
      lead: Array.from({ length: leads }, () => doc.lead).flat(),
      photos: doc.photos.map((p) => ({ ...p, span, afterSection, place: 'top' as const })),
    });
    const bytes = await renderDocx([feature(2, 'column', 3), feature(3, 'full', 1)], { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO });
    const xml = (await docxParts(bytes)).document;
    for (const used of ['w:type="column"', '<w:pageBreakBefore/>', 'w:val="distribute"']) expect(xml).toContain(used);
    expect(await problems(bytes, 'docx')).toEqual([]);
  }, 60_000);

  it('the yearbook (cover, contents, features on right-hand pages) is valid Office 2016 XML', async () => {
    expect(await problems(await renderYearbook(), 'docx')).toEqual([]);
  }, 60_000);
});

describe('Excel files', () => {
  it.each(['table', 'compare', 'form', 'fill'] satisfies TableTemplate[])('the %s layout is valid Office 2016 XML', async (template) => {
    // The fixture's 2020 and 2021 figures give the 指标表 three period columns and its native chart.
    const file = await exportXlsx(s.ctx, { ...s.ids(CX, '2022'), template });
    if (template === 'table') expect(Buffer.from(file.bytes).includes('xl/charts/chart1.xml')).toBe(true);
    expect(await problems(file.bytes, 'xlsx')).toEqual([]);
  }, 60_000);

  it('the province workbook (streamed, a sheet per park) is valid Office 2016 XML', async () => {
    const file = await exportXlsx(s.ctx, { ...s.ids(CX, '2022'), template: 'table', allParks: true });
    expect(await problems(file.bytes, 'xlsx')).toEqual([]);
  }, 60_000);

  it('the catalogue workbook is valid Office 2016 XML', async () => {
    expect(await problems((await exportCatalogWorkbook(s.ctx)).bytes, 'xlsx')).toEqual([]);
  }, 60_000);
});

describe('one way to exceljs', () => {
  it('production code loads exceljs only through reports/xlsx/exceljs.ts, which writes what Office reads', () => {
    const root = fileURLToPath(new URL('../../src-main/', import.meta.url));
    const loaders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .filter((f) => /^import (?!type )[^;]*from 'exceljs'|import\('exceljs'\)|require\('exceljs'\)/m.test(readFileSync(join(root, f), 'utf8')));
    expect(loaders).toEqual([join('core', 'reports', 'xlsx', 'exceljs.ts')]);
  });
});
