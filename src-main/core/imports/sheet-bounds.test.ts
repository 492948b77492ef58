// Row numbers, cell references and merges come from the user's file: one outside the sheet is an
// error naming it, never a figure filed somewhere else or a read that runs for minutes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../tables/export-xlsx.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { clearPending } from './pending.ts';
import { previewImport } from './preview.ts';
import { editXlsx, makeZip } from '../../../test/support/import-files.ts';

let s: TempStore;
beforeAll(() => {
  s = tempStore();
  clearPending();
});
afterAll(() => s.dispose());

/** A one-sheet workbook (表1) around this sheet XML, as a minimal writer would make it. */
function workbook(sheetXml: string): Buffer {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return makeZip([
    { name: '_rels/.rels', data: Buffer.from(`<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`) },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships>${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}</Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${sheetXml}</worksheet>`) },
  ]);
}

const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
const HEADER = `<row r="1">${text('A1', '指标名称')}${text('B1', '本期值')}${text('C1', '计量单位')}</row>`;

function preview(bytes: Buffer) {
  const t0 = performance.now();
  const p = previewImport(s.ctx, { fileName: 'b.xlsx', bytes, ...s.ids('楚雄高新区', '2022') });
  return { p, ms: performance.now() - t0 };
}

describe('places the file names', () => {
  it('a row number beyond the sheet is refused at once', () => {
    const { p, ms } = preview(workbook(`${HEADER}<row r="99999999999"><c t="inlineStr"><is><t>地区生产总值</t></is></c><c><v>5</v></c></row></sheetData>`));
    expect(ms).toBeLessThan(2000);
    expect(p.canApply).toBe(false);
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_CORRUPT', message: expect.stringContaining('<row r="99999999999">') });
  });

  it('a row number that is no number does not drop its figures silently', () => {
    const { p } = preview(workbook(`${HEADER}<row r="abc"><c t="inlineStr"><is><t>地区生产总值</t></is></c><c><v>5</v></c></row></sheetData>`));
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_CORRUPT', message: expect.stringContaining('<row r="abc">') });
  });

  it('a cell reference outside the sheet is not read as the next cell', () => {
    const { p } = preview(workbook(`${HEADER}<row r="2">${text('A2', '地区生产总值')}<c r="XFD1048577"><v>5</v></c></row></sheetData>`));
    expect(p.canApply).toBe(false);
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_CORRUPT', message: expect.stringContaining('XFD1048577') });
  });

  it('a merge down a text column to row 9,999,999 costs nothing beyond the rows there are', () => {
    const row2 = `<row r="2">${text('A2', '地区生产总值')}<c r="B2"><v>5</v></c>${text('C2', '亿元')}</row>`;
    const merges = Array.from({ length: 200 }, () => '<mergeCell ref="C2:C9999999"/>').join('');
    const { p, ms } = preview(workbook(`${HEADER}${row2}</sheetData><mergeCells>${merges}</mergeCells>`));
    expect(ms).toBeLessThan(2000);
    // The first merge is read; the other 199 overlap it, which no spreadsheet writes.
    expect(p.counts.errors).toBe(199);
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_MERGED', place: { sheet: '表1', row: 2, column: 'C' } });
  });
});

describe('the hidden map', () => {
  it('refuses a second map of the same sheet, naming its row', async () => {
    const fill = (await exportXlsx(s.ctx, { template: 'fill', ...s.ids('楚雄高新区', '2022') })).bytes;
    const bytes = await editXlsx(fill, (wb) => {
      const meta = wb.getWorksheet('_parkbrief')!;
      meta.getCell(3, 1).value = meta.getCell(2, 1).value;
    });
    const { p } = preview(bytes);
    expect(p.canApply).toBe(false);
    expect(p.errors[0]).toMatchObject({ code: 'IMPORT_META_INVALID', place: { sheet: '_parkbrief', row: 3 } });
    expect(p.errors[0]!.message).toContain('隐藏映射表第3行无效');
  });
});
