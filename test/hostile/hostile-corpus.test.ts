// The hostile-file corpus: every file goes through the real import path (run-one.ts) in a child
// process of its own, on a copy of the demo store, and must get exactly its outcome — refused with
// its message code and the store's every row unchanged, or imported with exactly its figures —
// within 30 s and 512 MB of peak memory (the child's whole process: Node, the store and the read,
// VmHWM from /proc).
// The table of file, outcome, time and peak memory is printed at the end:
//   npx vitest run test/hostile/hostile-corpus.test.ts

import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src-main/core/session/open-core.ts';
import { makeBigFiles } from './make-files.ts';
import type { RunResult } from './run-one.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const NODE = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'node');
const RUNNER = join(import.meta.dirname, 'run-one.ts');
const MAX_MS = 30_000;
const MAX_RSS_MB = 512;

type Outcome = { refused: string; message?: RegExp } | { imported: RunResult['figures'] };

interface Case {
  file: string;
  /** Made by makeBigFiles into the temp folder, not kept in the repository. */
  big?: true;
  /** A path outside both folders (/dev/zero). */
  path?: string;
  kind?: 'import' | 'article';
  outcome: Outcome;
}

const GDP = (value: string, growth: string | null = null) => ({ 地区生产总值: { value, unit: '亿元', growth } });

const CASES: Case[] = [
  { file: 'percent-growth.xlsx', outcome: { imported: GDP('333.52', '8.2') } },
  { file: 'date-in-count.xlsx', outcome: { refused: 'IMPORT_DATE_CELL', message: /第2行 B列：本期值单元格设为日期格式/ } },
  { file: 'semicolon-decimal.csv', outcome: { imported: GDP('84.220') } },
  { file: 'hex-number.csv', outcome: { refused: 'NOT_A_NUMBER', message: /本期值「0x1A」不是数字/ } },
  { file: 'utf16.csv', outcome: { imported: GDP('340.1') } },
  { file: 'gbk.csv', outcome: { imported: GDP('340.2') } },
  { file: 'duplicate-entry.xlsx', outcome: { refused: 'IMPORT_ZIP_DUPLICATE', message: /两个同名的部件「xl\/worksheets\/sheet1\.xml」/ } },
  { file: 'wps.et', outcome: { refused: 'IMPORT_WPS_ET', message: /WPS 表格文件（\.et）.*另存为/ } },
  { file: 'old.xls', outcome: { refused: 'IMPORT_OLE', message: /旧版 Excel 格式（\.xls）.*另存为 \.xlsx/ } },
  { file: 'old.doc', kind: 'article', outcome: { refused: 'ARTICLE_OLD_FORMAT', message: /旧版 Word 文档（\.doc）.*另存为 \.docx/ } },
  { file: 'malformed-xml.xlsx', outcome: { refused: 'IMPORT_CORRUPT', message: /「malformed-xml\.xlsx」已损坏.*损坏处：「xl\/worksheets\/sheet1\.xml/ } },
  { file: 'empty.xlsx', outcome: { refused: 'IMPORT_EMPTY_FILE' } },
  { file: 'junk.xlsx', outcome: { refused: 'IMPORT_NOT_XLSX' } },
  { file: 'unclosed-si.xlsx', outcome: { refused: 'IMPORT_XML_DEPTH', message: /xl\/sharedStrings\.xml」嵌套超过 100 层/ } },
  { file: 'deep-nesting.xlsx', outcome: { refused: 'IMPORT_XML_DEPTH', message: /xl\/worksheets\/sheet1\.xml」嵌套超过 100 层/ } },
  { file: 'deep-nesting.docx', kind: 'article', outcome: { refused: 'ARTICLE_DAMAGED', message: /「deep-nesting\.docx」已损坏/ } },
  { file: 'line-breaks-20mib.csv', big: true, outcome: { refused: 'IMPORT_LIMIT', message: /「line-breaks-20mib\.csv」超出可读取的上限：行数超过 1,000,000/ } },
  { file: 'line-breaks-20mib.txt', big: true, kind: 'article', outcome: { refused: 'ARTICLE_LIMIT', message: /行数超过 1,000,000/ } },
  { file: 'many-rows.csv', big: true, outcome: { refused: 'IMPORT_LIMIT', message: /有内容的行数超过 500,000/ } },
  { file: 'long-line.csv', big: true, outcome: { refused: 'IMPORT_LIMIT', message: /一行的字符数超过 1,048,576/ } },
  { file: 'sparse-10gb.csv', big: true, outcome: { refused: 'IMPORT_TOO_LARGE' } },
  { file: 'dev-zero.csv', path: '/dev/zero', outcome: { refused: 'IMPORT_NOT_A_FILE', message: /是设备文件，不是普通文件/ } },
  { file: 'fifo.csv', big: true, outcome: { refused: 'IMPORT_NOT_A_FILE', message: /是命名管道（FIFO），不是普通文件/ } },
  { file: 'folder.xlsx', big: true, outcome: { refused: 'IMPORT_NOT_A_FILE', message: /是文件夹，不是普通文件/ } },
  { file: 'sheets-3000-one-part.xlsx', big: true, outcome: { refused: 'IMPORT_CORRUPT', message: /损坏处：「xl\/worksheets\/sheet1\.xml/ } },
  { file: 'zip-bomb-one-part.xlsx', big: true, outcome: { refused: 'IMPORT_LIMIT', message: /单个部件解压后的大小超过 64 MB/ } },
  { file: 'zip-bomb-many-parts.xlsx', big: true, outcome: { refused: 'IMPORT_ZIP_BOMB', message: /解压后过大（300 MB，上限 256 MB）/ } },
  { file: 'many-entries.xlsx', big: true, outcome: { refused: 'IMPORT_LIMIT', message: /压缩包中的部件数超过 10,000/ } },
];

let dir: string;
let template: string;
const table: { file: string; outcome: string; ms: number; mb: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-hostile-'));
  template = join(dir, 'template.sqlite');
  openCore(template, { origin: 'test', actor: 'tester', demoIfNew: true }).db.close();
  await makeBigFiles(join(dir, 'big'));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const line = (c: string[]) => `| ${c.join(' | ')} |`;
  const rows = table.map((r) => line([r.file, r.outcome, `${(r.ms / 1000).toFixed(2)} s`, `${r.mb} MB`]));
  process.stdout.write(['', line(['file', 'outcome', 'time', 'peak memory']), line(['---', '---', '---:', '---:']), ...rows, ''].join('\n') + '\n');
});

function runChild(spec: object): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [RUNNER, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), MAX_MS + 10_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`runner ended with ${signal ?? code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as RunResult);
    });
  });
}

describe('hostile files', () => {
  it.each(CASES)('$file', async (c) => {
    const db = join(dir, `${c.file}.sqlite`);
    copyFileSync(template, db);
    const file = c.path ?? join(c.big ? join(dir, 'big') : FIXTURES, c.file);
    const r = await runChild({ db, file, kind: c.kind ?? 'import', park: '楚雄高新区', period: '2022' });
    const outcome = 'refused' in c.outcome ? `refused ${r.codes.join(', ')}` : `imported ${Object.entries(r.figures).map(([k, f]) => `${k} ${f.value}${f.unit}${f.growth === null ? '' : ` 同比${f.growth}%`}`).join('; ')}`;
    table.push({ file: c.file, outcome, ms: r.ms, mb: r.maxRssMB });
    if ('refused' in c.outcome) {
      expect(r.codes).toEqual([c.outcome.refused]);
      if (c.outcome.message) expect(r.message).toMatch(c.outcome.message);
      expect(r.hashAfter).toBe(r.hashBefore);
    } else {
      expect(r.codes).toEqual([]);
      expect(r.figures).toEqual(c.outcome.imported);
      expect(r.written).toBe(Object.keys(c.outcome.imported).length);
      expect(r.hashAfter).not.toBe(r.hashBefore);
    }
    expect(r.ms).toBeLessThanOrEqual(MAX_MS);
    expect(r.maxRssMB).toBeLessThanOrEqual(MAX_RSS_MB);
    rmSync(db, { force: true });
  }, MAX_MS + 20_000);
});
