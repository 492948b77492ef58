// Test support: the hostile-file corpus. Small files are made once by `node test/hostile/make-small.ts`
// and kept in test/fixtures/hostile/ (so the bytes a test reads are the bytes in the repository);
// the big ones — a few MB to a sparse 10 GB — are made by makeBigFiles() into a temp folder each run.

import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { ZipReader } from '../../src-main/core/imports/zip.ts';
import { encodeGbk, makeZip, plainXlsx, type ZipEntry } from '../support/import-files.ts';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A workbook re-zipped entry by entry through `edit`, with `extra` entries appended. */
function rezip(bytes: Buffer, edit: (name: string, xml: string) => string = (_n, x) => x, extra: ZipEntry[] = []): Buffer {
  const zip = new ZipReader(bytes);
  return makeZip([...zip.names().map((name) => ({ name, data: Buffer.from(edit(name, zip.read(name)!.toString('utf8'))) })), ...extra]);
}

const table = () => plainXlsx({ 表1: [['指标名称', '本期值'], ['地区生产总值', 333.52]] });

/** A compound-file header followed by zeros: what an old .xls or a WPS .et starts with. */
const compound = () => Buffer.concat([OLE_MAGIC, Buffer.alloc(4088)]);

/** Deterministic junk: a file of random-looking bytes that is the same in every checkout. */
function junk(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  b[0] = 0x00;
  return b;
}

export const SMALL_FILES: Record<string, () => Buffer | Promise<Buffer>> = {
  'percent-growth.xlsx': () =>
    plainXlsx({ 表1: [['指标名称', '本期值', '同比增长'], ['地区生产总值', 333.52, 0.082]] }, (wb) => {
      wb.getWorksheet('表1')!.getCell('C2').numFmt = '0.0%';
    }),
  'date-in-count.xlsx': () =>
    plainXlsx({ 表1: [['指标名称', '本期值'], ['重点项目数', 44926]] }, (wb) => {
      wb.getWorksheet('表1')!.getCell('B2').numFmt = 'yyyy-mm-dd';
    }),
  'semicolon-decimal.csv': () => Buffer.from('指标名称;本期值\n地区生产总值;84,220\n'),
  'hex-number.csv': () => Buffer.from('指标名称,本期值\n地区生产总值,0x1A\n'),
  'utf16.csv': () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('指标名称\t本期值\r\n地区生产总值\t340.1\r\n', 'utf16le')]),
  'gbk.csv': () => encodeGbk('指标名称,本期值\r\n地区生产总值,340.2\r\n'),
  'duplicate-entry.xlsx': async () => {
    const bytes = await table();
    const zip = new ZipReader(bytes);
    return rezip(bytes, undefined, [{ name: 'xl/worksheets/sheet1.xml', data: zip.read('xl/worksheets/sheet1.xml')! }]);
  },
  'wps.et': compound,
  'old.xls': compound,
  'old.doc': compound,
  'malformed-xml.xlsx': async () => rezip(await table(), (name, xml) => (name === 'xl/worksheets/sheet1.xml' ? xml.replace('</sheetData>', '</sheetDat>') : xml)),
  'empty.xlsx': () => Buffer.alloc(0),
  'junk.xlsx': () => junk(4096),
  /** 100,000 <si> never closed: each opens inside the last (4 KB deflated). */
  'unclosed-si.xlsx': async () => rezip(await table(), (name, xml) => (name === 'xl/sharedStrings.xml' ? xml.replace('</sst>', '<si><t>x</t>'.repeat(100_000) + '</sst>') : xml)),
  /** A cell holding 100,000 nested elements. */
  'deep-nesting.xlsx': async () =>
    rezip(await table(), (name, xml) => (name === 'xl/worksheets/sheet1.xml' ? xml.replace('</sheetData>', `<row r="9"><c r="A9">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</c></row></sheetData>`) : xml)),
  /** A Word document whose body nests 100,000 elements: mammoth's parser recursed until its stack ran out. */
  'deep-nesting.docx': () =>
    makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      {
        name: '_rels/.rels',
        data: Buffer.from(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
      },
      {
        name: 'word/document.xml',
        data: Buffer.from(
          `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:p><w:r><w:t>地区生产总值333.52亿元</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(50_000)}</w:body></w:document>`,
        ),
      },
    ]),
};

/** The big files, made into `dir`; each name is a file (or FIFO, or folder) there. */
export async function makeBigFiles(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, data: Buffer | string) => writeFileSync(join(dir, name), data);
  // The documented upload limit exactly, all line breaks: 21 million empty rows (V8 died at 4.8 GB).
  const breaks = Buffer.alloc(20 * 1024 * 1024, 0x0a);
  put('line-breaks-20mib.csv', breaks);
  put('line-breaks-20mib.txt', breaks);
  // 600,000 short rows in 1.4 MB: under the line limit, over the row limit.
  put('many-rows.csv', '指标名称,本期值\n' + 'a,1\n'.repeat(600_000));
  // One line of 2 million characters.
  put('long-line.csv', '指标名称,本期值\n地区生产总值,' + '9'.repeat(2_000_000) + '\n');
  // An endless file as /dev/zero is one, but a regular file: 10 GB, sparse, so it takes no disk.
  const fd = openSync(join(dir, 'sparse-10gb.csv'), 'w');
  ftruncateSync(fd, 10 * 1024 * 1024 * 1024);
  closeSync(fd);
  execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
  mkdirSync(join(dir, 'folder.xlsx'));
  // 3,000 sheets all pointing at the one sheet part (180 KB; ran past 60 s at 4.3 GB).
  put(
    'sheets-3000-one-part.xlsx',
    rezip(await table(), (name, xml) => {
      if (name !== 'xl/workbook.xml') return xml;
      const sheet = /<sheet\b[^>]*\/>/.exec(xml)![0];
      const many = Array.from({ length: 3000 }, (_, i) => sheet.replace(/name="[^"]*"/, `name="S${i}"`).replace(/sheetId="\d+"/, `sheetId="${i + 1}"`)).join('');
      return xml.replace(sheet, many);
    }),
  );
  // A zip bomb: one part of 1 GB of zeros in 1 MB, its size declared honestly.
  const gig = 1024 * 1024 * 1024;
  const chunk = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  put('zip-bomb-one-part.xlsx', bombZip([{ name: 'xl/worksheets/sheet1.xml', size: gig, chunk, chunks: 16 }]));
  // Six parts of 50 MB each: each under the part limit, together over the total.
  const fifty = deflateRawSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
  put('zip-bomb-many-parts.xlsx', makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.alloc(0), deflated: fifty, declaredSize: 50 * 1024 * 1024 }))));
  // 20,000 tiny parts.
  put('many-entries.xlsx', makeZip(Array.from({ length: 20_000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') }))));
}

/**
 * A zip whose one entry declares `size` bytes: its data is never checked, as the reader must
 * refuse it from the directory alone.
 */
function bombZip(parts: { name: string; size: number; chunk: Buffer; chunks: number }[]): Buffer {
  return makeZip(parts.map((p) => ({ name: p.name, data: Buffer.alloc(0), deflated: Buffer.concat(Array.from({ length: p.chunks }, () => p.chunk)), declaredSize: p.size })));
}
