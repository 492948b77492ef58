// `parkbrief export … --out` into a folder the user may not write, as a real process: the message a
// person at the terminal reads, the exit code a script sees, and nothing left in the folder. As
// root the CLI runs as another user (root may write anywhere); otherwise the folder is chmod 555.

import { mkdirSync, mkdtempSync, chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restrictedWriter, runNode } from '../../test/support/processes.ts';
import { EXIT } from './io.ts';

const writer = restrictedWriter();
const why = 'skip' in writer ? writer.skip : '';

let dir: string;
let db: string;
let locked: string;
beforeAll(() => {
  if ('skip' in writer) return;
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-export-'));
  chmodSync(dir, 0o755);
  const storeDir = join(dir, 'store');
  mkdirSync(storeDir);
  writer.own(storeDir);
  db = join(storeDir, 'parkbrief.sqlite');
  locked = join(dir, '只读');
  mkdirSync(locked);
  writeFileSync(join(locked, '指标表.xlsx'), 'the old workbook');
  writer.lock(locked);
});
afterAll(() => {
  if ('skip' in writer || !dir) return;
  writer.unlock(locked);
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runNode(['src-main/cli.ts', ...args, '--db', db], { identity: 'skip' in writer ? {} : writer.identity, env: { PARKBRIEF_LANG: '', ...env } });

describe.skipIf(why)(`parkbrief export into a read-only folder ${why || ('how' in writer ? `(${writer.how})` : '')}`, () => {
  const xlsx = (out: string) => ['export', '--format', 'xlsx', '--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out];
  const docx = (out: string) => ['export', '--park', '楚雄高新区', '--period', '2022', '--template', 'bulletin', '--out', out];

  it.each([
    ['Excel, over an existing file', () => xlsx(join(locked, '指标表.xlsx')), '指标表.xlsx'],
    ['Excel, a new file', () => xlsx(join(locked, '新表.xlsx')), '新表.xlsx'],
    ['Word', () => docx(join(locked, '简报.docx')), '简报.docx'],
  ])('%s: says why in Chinese, exits 1, leaves the folder as it was', async (_, args, name) => {
    const r = await cli(args());
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`错误：无法写入文件「${join(locked, name)}」：目标文件夹只读或没有写入权限，请另选一个文件夹（如“文档”或桌面）保存`);
    expect(r.code).toBe(EXIT.failed);
    expect(readdirSync(locked)).toEqual(['指标表.xlsx']);
    expect(readFileSync(join(locked, '指标表.xlsx'), 'utf8')).toBe('the old workbook');
  });

  it('in English on request', async () => {
    const r = await cli(xlsx(join(locked, 'x.xlsx')), { PARKBRIEF_LANG: 'en' });
    expect(r.stderr.trim()).toBe(`Error: Cannot write "${join(locked, 'x.xlsx')}": the folder is read-only or you may not write there; choose another folder (such as Documents or the desktop)`);
    expect(r.code).toBe(EXIT.failed);
  });

  it('the same command into a folder it may write succeeds (the folder refused, not the command)', async () => {
    const out = join(dir, 'store', '指标表.xlsx');
    const r = await cli(xlsx(out));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
