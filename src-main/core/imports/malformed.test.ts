// The malformed-input corpus: every file here is refused with an error that says where (sheet, row,
// column) and why, in Chinese, and the store is byte-for-byte what it was.

import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../shared/tables.ts';
import { exportXlsx } from '../tables/export-xlsx.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { issueText } from './issues.ts';
import { applyImport } from './pending.ts';
import { previewImport } from './preview.ts';
import { docxLike, editXlsx, encodeGbk, makeZip, plainXlsx } from '../../../test/support/import-files.ts';
import { MAX_UNZIPPED_BYTES, ZipReader } from './zip.ts';

let s: TempStore;
let fill: Buffer;
beforeAll(async () => {
  s = tempStore();
  fill = (await exportXlsx(s.ctx, { template: 'fill', ...s.ids('楚雄高新区', '2022') })).bytes;
});
afterAll(() => s.dispose());

const SHEET = '楚雄高新区';

/** The data row of an indicator in the fill template, by its code in column B. */
function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(2).value === code) found = r;
  });
  return found!;
}

const editFill = (edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) => editXlsx(fill, (wb) => edit(wb.getWorksheet(SHEET)!, wb));

/** The fill template with one value cell (column E) of an indicator set to `value`. */
const fillValue = (code: string, value: ExcelJS.CellValue) => editFill((ws) => (rowOf(ws, code).getCell(5).value = value));

function editMeta(edit: (sheet: Record<string, unknown>) => void) {
  return editFill((_ws, wb) => {
    const meta = wb.getWorksheet('_parkbrief')!;
    const sheet = JSON.parse(meta.getCell(2, 1).value as string) as Record<string, unknown>;
    edit(sheet);
    meta.getCell(2, 1).value = JSON.stringify(sheet);
  });
}

interface Case {
  name: string;
  file: () => Buffer | Promise<Buffer>;
  fileName?: string;
  /** A plain table needs a park and period (all but one case give them). */
  noTarget?: boolean;
  code: string;
  /** What the Chinese message must say, its place first where the problem has one. */
  message: RegExp;
}

const csv = (text: string) => Buffer.from(text, 'utf8');
const V = (row = '\\d+') => new RegExp(`^工作表「${SHEET}」第${row}行 E列：`);

const CASES: Case[] = [
  { name: 'a fill template whose data sheet was renamed', file: () => editFill((ws) => (ws.name = '改过名的表')), code: 'IMPORT_SHEET_MISSING', message: new RegExp(`^工作表「${SHEET}」：找不到工作表「${SHEET}」`) },
  {
    name: 'merged value cells',
    file: () =>
      editFill((ws) => {
        const r = rowOf(ws, 'E02').number;
        ws.mergeCells(`E${r}:E${r + 1}`);
      }),
    code: 'IMPORT_MERGED',
    message: new RegExp(`${V().source}数值区域有合并单元格 E\\d+:E\\d+`),
  },
  { name: 'text in a number cell', file: () => fillValue('E01', '三百四十'), code: 'NOT_A_NUMBER', message: new RegExp(`${V().source}本期值「三百四十」不是数字`) },
  { name: 'a number out of range (1e308)', file: () => fillValue('E01', 1e308), code: 'OUT_OF_RANGE', message: new RegExp(`${V().source}本期值「1E\\+308」超出可接受的范围`, 'i') },
  { name: 'Infinity typed in a CSV', fileName: 'x.csv', file: () => csv('指标名称,本期值\n地区生产总值,Infinity\n'), code: 'OUT_OF_RANGE', message: /^工作表「x\.csv」第2行 B列：本期值「Infinity」超出/ },
  { name: 'hexadecimal in a number cell (0x1A)', file: () => numberAs('0x1A'), code: 'NOT_A_NUMBER', message: /^工作表「表1」第2行 B列：本期值「0x1A」不是数字/ },
  { name: 'binary notation in a number cell (0b11)', file: () => numberAs('0b11'), code: 'NOT_A_NUMBER', message: /^工作表「表1」第2行 B列：本期值「0b11」不是数字/ },
  { name: 'a zip with two entries of one name', file: () => withExtraEntry(fill, (names) => names.find((n) => /^xl\/worksheets\/sheet\d\.xml$/.test(n))!), code: 'IMPORT_ZIP_DUPLICATE', message: /^文件中有两个同名的部件「xl\/worksheets\/sheet\d\.xml」.*另存为 \.xlsx/ },
  { name: 'a zip with two entries differing only in case', file: () => withExtraEntry(fill, () => 'XL/Workbook.xml'), code: 'IMPORT_ZIP_DUPLICATE', message: /^文件中有两个同名的部件「XL\/Workbook\.xml」/ },
  { name: '3,000 sheet entries pointing at one sheet part', file: () => manySheetsOnePart(3000), code: 'IMPORT_CORRUPT', message: /^「input\.xlsx」已损坏或不完整，无法读取（损坏处：「xl\/worksheets\/sheet1\.xml」）/ },
  { name: '100,000 unclosed <si> elements', file: () => unclosedStrings(100_000), code: 'IMPORT_XML_DEPTH', message: /^「input\.xlsx」的部件「xl\/sharedStrings\.xml」嵌套超过 100 层/ },
  { name: 'a negative count', file: () => fillValue('V02', -3), code: 'NEGATIVE_NOT_ALLOWED', message: new RegExp(`${V().source}重点项目数不能为负数`) },
  { name: 'a fraction of a count', file: () => fillValue('V02', 12.5), code: 'INTEGER_REQUIRED', message: new RegExp(`${V().source}重点项目数应为整数`) },
  {
    name: 'an unknown indicator',
    file: () => plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 1], ['园区幸福指数', 99]] }),
    code: 'INDICATOR_NOT_FOUND',
    message: /^工作表「表1」第3行 A列：指标库中没有「园区幸福指数」/,
  },
  {
    name: 'the same indicator twice (both rows named)',
    file: () => plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 1], ['园区总收入', 2], ['地区生产总值', 3]] }),
    code: 'IMPORT_DUPLICATE_ROW',
    message: /^工作表「表1」第4行：地区生产总值重复：工作表「表1」第2行已填/,
  },
  {
    name: 'a unit that does not convert',
    file: () => editFill((ws) => (rowOf(ws, 'E01').getCell(3).value = '户')),
    code: 'UNIT_MISMATCH',
    message: new RegExp(`^工作表「${SHEET}」第\\d+行 C列：计量单位「户」不适用于地区生产总值`),
  },
  { name: 'a formula without a cached value', file: () => fillValue('E01', { formula: 'F7*1.1' } as ExcelJS.CellValue), code: 'IMPORT_FORMULA_NO_VALUE', message: new RegExp(`${V().source}单元格是公式（=F7\\*1\\.1）但没有计算结果`) },
  { name: 'an error value', file: () => fillValue('E01', { error: '#DIV/0!' } as ExcelJS.CellValue), code: 'IMPORT_CELL_ERROR', message: new RegExp(`${V().source}单元格是错误值 #DIV/0!`) },
  { name: 'a .docx renamed .xlsx', file: docxLike, code: 'IMPORT_WRONG_OFFICE', message: /^这是 Word 文件而不是 Excel 工作簿/ },
  { name: 'a truncated zip', file: () => fill.subarray(0, Math.floor(fill.length / 2)), code: 'IMPORT_CORRUPT_ZIP', message: /^「input\.xlsx」已损坏或不完整（文件被截断/ },
  { name: 'a zip with a damaged entry', file: () => damaged(fill), code: 'IMPORT_CORRUPT', message: /^「input\.xlsx」已损坏或不完整，无法读取（损坏处：「xl\/worksheets\/sheet1\.xml」）/ },
  { name: 'random bytes', file: () => Buffer.concat([Buffer.from([0]), randomBytes(4095)]), code: 'IMPORT_NOT_XLSX', message: /^文件不是 Excel 工作簿/ },
  { name: 'an oversized file', file: () => Buffer.alloc(IMPORT_MAX_BYTES + 1), code: 'IMPORT_TOO_LARGE', message: /^文件过大（20.1 MB），最大 20 MB/ },
  { name: 'a zip bomb (refused by its directory)', file: bomb, code: 'IMPORT_ZIP_BOMB', message: /^文件解压后过大（\d+ MB，上限 256 MB），已拒绝读取/ },
  {
    name: 'a zip entry that inflates past its declared size',
    file: () => makeZip([{ name: '_rels/.rels', data: Buffer.alloc(1024 * 1024), declaredSize: 100 }]),
    code: 'IMPORT_CORRUPT',
    message: /^「input\.xlsx」已损坏或不完整，无法读取（损坏处：「_rels\/\.rels」）/,
  },
  { name: 'an empty workbook', file: () => plainXlsx({ Sheet1: [] }), code: 'IMPORT_NO_SHEET', message: /^工作簿中没有可导入的工作表/ },
  { name: 'an empty file', file: () => Buffer.alloc(0), code: 'IMPORT_EMPTY_FILE', message: /^文件是空的/ },
  { name: 'an old .xls (or a password-protected workbook)', file: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]), code: 'IMPORT_OLE', message: /^文件是旧版 Excel 格式/ },
  {
    name: 'a GBK CSV with text in a number',
    fileName: '报表.csv',
    file: () => encodeGbk('指标名称,计量单位,本期值\r\n地区生产总值,亿元,约三百\r\n'),
    code: 'NOT_A_NUMBER',
    message: /^工作表「报表\.csv」第2行 C列：本期值「约三百」不是数字/,
  },
  { name: 'a CSV with a quote never closed', fileName: 'q.csv', file: () => csv('指标名称,本期值\n地区生产总值,"340\n园区总收入,1\n'), code: 'IMPORT_CSV_QUOTE', message: /^工作表「q\.csv」第2行：CSV 的引号不成对/ },
  { name: 'a CSV with text after a closing quote', fileName: 'q.csv', file: () => csv('指标名称,本期值\n"地区生产总值"亿元,340\n'), code: 'IMPORT_CSV_AFTER_QUOTE', message: /^工作表「q\.csv」第2行：CSV 第2行：引号结束后/ },
  { name: 'a plain table without park and period', noTarget: true, file: () => plainXlsx({ S: [['指标名称', '本期值'], ['地区生产总值', 1]] }), code: 'IMPORT_TARGET_MISSING', message: /^普通表格没有写明园区和期别/ },
  { name: 'a table without a header row', file: () => plainXlsx({ 表1: [['地区生产总值', 1], ['园区总收入', 2]] }), code: 'IMPORT_HEADER_NOT_FOUND', message: /^工作表「表1」：找不到表头行/ },
  { name: 'a header with only empty rows under it', file: () => plainXlsx({ 表1: [['指标名称', '本期值'], [null, null], ['地区生产总值', null]] }), code: 'IMPORT_NOTHING', message: /^文件中没有任何可导入的数值/ },
  {
    name: 'a tampered workbook map',
    file: () => editFill((_ws, wb) => (wb.getWorksheet('_parkbrief')!.getCell(1, 1).value = '{"app":"ParkBrief"')),
    code: 'IMPORT_META_INVALID',
    message: /^工作表「_parkbrief」第1行 A列：ParkBrief 隐藏映射表第1行无效/,
  },
  {
    name: 'a map naming a park the store lacks',
    file: () => editMeta((m) => Object.assign(m, { parkId: crypto.randomUUID(), parkName: '不存在的园区' })),
    code: 'IMPORT_META_PARK',
    message: new RegExp(`^工作表「${SHEET}」：文件中的园区「不存在的园区」在库中不存在`),
  },
  {
    name: 'a map naming a period the store lacks',
    file: () =>
      editMeta((m) => {
        const columns = (m.columns as Record<string, unknown>[]).map((c) => ({ ...c, periodId: crypto.randomUUID(), periodKey: '2031' }));
        Object.assign(m, { periodId: crypto.randomUUID(), periodKey: '2031', columns });
      }),
    code: 'IMPORT_META_PERIOD',
    message: /文件中的期别「2031」在库中不存在；导入不新建期别/,
  },
  {
    name: 'a qualifier in the figure that contradicts the qualifier column',
    file: () =>
      editFill((ws) => {
        const r = rowOf(ws, 'E01');
        r.getCell(5).value = '近340';
        r.getCell(4).value = '约';
      }),
    code: 'IMPORT_CONFLICT',
    message: new RegExp(`^工作表「${SHEET}」第\\d+行 D列：限定词前后不一致`),
  },
];

/** A workbook re-zipped entry by entry, each through `edit`, and `extra` entries appended. */
function rezip(bytes: Buffer, edit: (name: string, data: Buffer) => Buffer = (_n, d) => d, extra: { name: string; data: Buffer }[] = []): Buffer {
  const zip = new ZipReader(bytes);
  return makeZip([...zip.names().map((name) => ({ name, data: edit(name, zip.read(name)!) })), ...extra]);
}

/** A plain table whose one figure (B2) the sheet XML holds as `text`, as a hand-made file could. */
async function numberAs(text: string): Promise<Buffer> {
  const bytes = await plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 26]] });
  return rezip(bytes, (name, data) => (name.startsWith('xl/worksheets/') ? Buffer.from(data.toString('utf8').replace('<v>26</v>', `<v>${text}</v>`)) : data));
}

/** The workbook with a second entry under the name `pick` chooses, holding the first entry's bytes. */
function withExtraEntry(bytes: Buffer, pick: (names: string[]) => string): Buffer {
  const zip = new ZipReader(bytes);
  const name = pick(zip.names());
  return rezip(bytes, undefined, [{ name, data: zip.read(zip.names()[0]!)! }]);
}

/** A plain table whose workbook lists `n` sheets, every one pointing at the same sheet part. */
async function manySheetsOnePart(n: number): Promise<Buffer> {
  const bytes = await plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 1]] });
  return rezip(bytes, (name, data) => {
    if (name !== 'xl/workbook.xml') return data;
    const xml = data.toString('utf8');
    const sheet = /<sheet\b[^>]*\/>/.exec(xml)![0];
    const many = Array.from({ length: n }, (_, i) => sheet.replace(/name="[^"]*"/, `name="S${i}"`).replace(/sheetId="\d+"/, `sheetId="${i + 1}"`)).join('');
    return Buffer.from(xml.replace(sheet, many));
  });
}

/** A plain table whose shared strings part holds `n` items never closed (a few KB deflated). */
async function unclosedStrings(n: number): Promise<Buffer> {
  const bytes = await plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 1]] });
  return rezip(bytes, (name, data) => (name === 'xl/sharedStrings.xml' ? Buffer.from(data.toString('utf8').replace('</sst>', '<si><t>x</t>'.repeat(n) + '</sst>')) : data));
}

/** One entry's CRC spoiled: a file damaged in transit. */
function damaged(bytes: Buffer): Buffer {
  const b = Buffer.from(bytes);
  const at = b.indexOf('xl/worksheets/sheet1.xml', b.length - 4096);
  const cd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at);
  b.writeUInt32LE((b.readUInt32LE(cd + 16) ^ 0xffff) >>> 0, cd + 16);
  return b;
}

/** Nine entries of 50 MB of zeros each (~50 KB deflated): 450 MB claimed, over the cap. */
function bomb(): Buffer {
  const zeros = Buffer.alloc(50 * 1024 * 1024);
  const deflated = deflateRawSync(zeros, { level: 9 });
  const entries = Array.from({ length: Math.ceil(MAX_UNZIPPED_BYTES / zeros.length) + 1 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: zeros, deflated }));
  return makeZip(entries);
}

const hash = () => createHash('sha256').update(JSON.stringify(dumpStore(s.ctx))).digest('hex');

describe('malformed inputs', () => {
  it('has at least 20 of them', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('$name → $code, placed, nothing written', async (c) => {
    const bytes = await c.file();
    const before = hash();
    const target = c.noTarget ? {} : { ...s.ids('楚雄高新区', '2022'), kind: 'actual' as const };
    const p = previewImport(s.ctx, { fileName: c.fileName ?? 'input.xlsx', bytes, ...target });
    expect(p.errors.map((e) => e.code)).toContain(c.code);
    const e = p.errors.find((x) => x.code === c.code)!;
    expect(e.message).toMatch(c.message);
    expect(p.canApply).toBe(false);
    expect(p.previewId).toBe('');
    expect(() => applyImport(s.ctx, p.previewId)).toThrow(expect.objectContaining({ code: 'IMPORT_EXPIRED' }));
    expect(hash()).toBe(before);
  });

  it('words the same errors in English with their place', async () => {
    const p = previewImport(s.ctx, { fileName: 'input.xlsx', bytes: await fillValue('V02', -3) });
    expect(issueText(p.errors[0]!, 'en')).toMatch(new RegExp(`^sheet "${SHEET}", row \\d+, column E: 重点项目数 cannot be negative`));
  });

  it('refuses the whole file when one cell is bad, listing every bad cell', async () => {
    const bytes = await editFill((ws) => {
      rowOf(ws, 'E01').getCell(5).value = 340; // fine on its own
      rowOf(ws, 'V02').getCell(5).value = -1;
      rowOf(ws, 'V03').getCell(5).value = 'abc';
    });
    const before = hash();
    const p = previewImport(s.ctx, { fileName: 'input.xlsx', bytes });
    expect(p.counts.errors).toBe(2);
    expect(p.counts.changed).toBe(1);
    expect(p.canApply).toBe(false);
    expect(hash()).toBe(before);
  });
});
