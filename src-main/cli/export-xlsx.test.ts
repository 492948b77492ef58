// `parkbrief export --format xlsx`: each template exits 0 and leaves exactly the finished file;
// every refusal names what it refuses, in Chinese (English on request), and leaves nothing behind.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBack } from '../../test/support/xlsx-readback.ts';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-xlsx-'));
  db = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const xlsx = (...args: string[]) => ['export', '--db', db, '--format', 'xlsx', ...args];
/** Files in the folder besides the store: an atomic write leaves no temporary file. */
const written = () => readdirSync(dir).filter((f) => !f.startsWith('store.sqlite'));

describe('export --format xlsx', () => {
  it.each([
    ['table', ['--park', '楚雄高新区', '--period', '2022'], '楚雄高新区'],
    ['compare', ['--period', '2017'], '2017年对比'],
    ['form', ['--park', '楚雄高新区', '--period', '2022'], '楚雄高新区'],
    ['fill', ['--park', '昆明高新区', '--period', '2017'], '昆明高新区'],
  ])('%s exits 0 and writes the workbook', async (template, args, sheet) => {
    const out = join(dir, `${template}.xlsx`);
    const r = await cli(xlsx('--template', template, ...args, '--out', out));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(new RegExp(`^已导出：.*${template}\\.xlsx（1 个工作表，\\d+ KB）$`));
    expect(written()).toEqual([`${template}.xlsx`]);
    const back = await readBack(readFileSync(out));
    expect(back.meta.template).toBe(template);
    expect(back.sheets.map((s) => s.sheet)).toEqual([sheet]);
  });

  it('writes the province workbook, a table sheet for every park with figures, with --template table --all-parks', async () => {
    const out = join(dir, 'province.xlsx');
    const r = await cli(xlsx('--template', 'table', '--all-parks', '--period', '2022', '--out', out));
    expect(r.code, r.err).toBe(0);
    const back = await readBack(readFileSync(out));
    expect(back.meta.template).toBe('table');
    const names = back.sheets.map((s) => s.sheet);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(expect.arrayContaining(['楚雄高新区', '昆明高新区']));
    expect(r.out).toContain(`（${names.length} 个工作表，`);
  });

  it('replaces an existing file whole', async () => {
    const out = join(dir, '指标表.xlsx');
    writeFileSync(out, 'old');
    expect((await cli(xlsx('--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out))).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(written()).toEqual(['指标表.xlsx']);
  });

  it('takes --years, --parks and --kind', async () => {
    const out = join(dir, 'x.xlsx');
    expect((await cli(xlsx('--template', 'table', '--park', '昆明高新区', '--period', '2018', '--years', '2016-2018', '--out', out))).code).toBe(0);
    let back = await readBack(readFileSync(out));
    expect(back.sheets[0]!.columns.filter((c) => c.field === 'value').map((c) => c.periodKey)).toEqual(['2017', '2018']);

    expect((await cli(xlsx('--template', 'compare', '--period', '2017', '--parks', '昆明高新区，楚雄高新区', '--out', out))).code).toBe(0);
    back = await readBack(readFileSync(out));
    expect(back.sheets[0]!.columns.filter((c) => c.field === 'value').map((c) => c.parkName)).toEqual(['昆明高新区', '楚雄高新区']);

    const r = await cli(xlsx('--template', 'fill', '--park', '昆明高新区', '--period', '2018', '--kind', 'target', '--out', out));
    expect(r.out).toContain('已导出');
    back = await readBack(readFileSync(out));
    expect(back.sheets[0]!.kind).toBe('target');
    expect(back.wb.worksheets[0]!.getCell('A1').value).toBe('昆明高新区2018年指标填报表（目标数）');
  });

  it.each([
    [['--template', 'table', '--park', '玉溪高新区', '--period', '2022'], 1, '错误：找不到园区「玉溪高新区」'],
    [['--template', 'compare', '--parks', '昆明高新区,玉溪高新区', '--period', '2022'], 1, '错误：找不到园区「玉溪高新区」'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2030'], 1, '错误：找不到期别「2030」'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2022年底'], 1, '「2022年底」不是有效的期别'],
    [['--template', 'chart', '--park', '楚雄高新区', '--period', '2022'], 1, '错误：未知的表格样式「chart」，可用：table（指标表）、compare（多园区对比）、form（统计报表）、fill（填报模板）'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--years', '2022-2018'], 1, '「2022-2018」不是有效的年份'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--years', '1990-1991'], 1, '库中没有「1990-1991」的年度期别'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--kind', 'target'], 1, '错误：楚雄高新区在 2022 没有任何目标数，未导出'],
    [['--template', 'compare', '--period', '2022', '--years', '2020-2022'], 2, '--years 只用于 --template table'],
    [['--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--parks', '楚雄高新区'], 2, '--parks 只用于 --template compare'],
    [['--template', 'table', '--period', '2022'], 2, '缺少 --park'],
    [['--template', 'fill', '--park', '楚雄高新区', '--period', '2022', '--allow-markers'], 2, '--allow-markers 只用于 Word 导出'],
    [['--template', 'form', '--park', '楚雄高新区', '--period', '2022', '--all-parks'], 2, '--all-parks 在 Excel 导出中只用于 table（每个园区一个工作表）和 compare'],
    [['--template', 'fill', '--park', '楚雄高新区', '--period', '2022', '--kind', 'plan'], 2, '--kind 只能是 actual 或 target'],
  ])('refuses %j with exit %i and says why', async (args, code, msg) => {
    const r = await cli(xlsx(...args, '--out', join(dir, 'x.xlsx')));
    expect(r.code).toBe(code);
    expect(r.err).toContain(msg);
    expect(written()).toEqual([]);
  });

  it('refuses an unknown format, and xlsx options on a Word export', async () => {
    const out = join(dir, 'x.xlsx');
    let r = await cli(['export', '--db', db, '--format', 'pdf', '--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out]);
    expect([r.code, r.err]).toEqual([1, '错误：未知的导出格式「pdf」，可用：docx（Word 文稿）、xlsx（Excel 表格）']);
    r = await cli(['export', '--db', db, '--template', 'magazine', '--park', '楚雄高新区', '--period', '2022', '--years', '2022', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--years 只用于 --format xlsx');
    r = await cli(['export', '--db', db, '--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未知的版式「table」'); // --format defaults to docx, as before
    expect(written()).toEqual([]);
  });

  it('speaks English on request', async () => {
    const r = await cli(xlsx('--template', 'chart', '--park', '楚雄高新区', '--period', '2022', '--out', join(dir, 'x.xlsx')), { PARKBRIEF_LANG: 'en' });
    expect(r.err).toBe('Error: Unknown table layout "chart"; use table, compare, form or fill');
  });

  it('leaves nothing when the folder cannot be written', async () => {
    const out = join(dir, 'no-such-folder', 'x.xlsx');
    const r = await cli(xlsx('--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out));
    expect(r.code).toBe(1);
    expect(r.err).toContain('无法写入文件');
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
