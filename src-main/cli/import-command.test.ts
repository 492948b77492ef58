import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainXlsx } from '../../test/support/import-files.ts';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-import-'));
  db = join(dir, 'store.sqlite');
  await cli(['parks', '--db', db]); // create the demo store first, so later hashes only see the import
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The store's bytes on disk (main file and any write-ahead log). */
function storeHash(): string {
  const h = createHash('sha256');
  for (const f of [db, `${db}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const GOOD = '指标名称,计量单位,本期值,限定词\n地区生产总值,亿元,340.1,\n园区总收入,亿元,1000,近\n生物医药产业产值,亿元,78.13,\n';

describe('parkbrief import', () => {
  it('prints the preview and applies it as one undo step', async () => {
    const f = file('指标.csv', GOOD);
    const before = readFileSync(f);
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('导入预览「指标.csv」（CSV 表格）：新增 1 · 修改 1 · 未变 1 · 警告 0 · 错误 0');
    expect(r.out).toContain('楚雄高新区 · 2022年 · 地区生产总值：333.52亿元 → 340.1亿元');
    expect(r.out).toContain('楚雄高新区 · 2022年 · 园区总收入：近1000亿元');
    expect(r.out).toContain('已导入：新增 1 项，修改 1 项（可一步撤销：导入「指标.csv」）');
    expect(readFileSync(f)).toEqual(before); // the user's file is only read
    const show = await cli(['show', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--json']);
    expect(JSON.parse(show.out).find((x: { indicator: string }) => x.indicator === '园区总收入')).toMatchObject({ value: '1000', qualifier: '近' });
  });

  it.skipIf(process.platform === 'win32')('refuses a folder, a FIFO and a device before reading, naming the file, and writes nothing', async () => {
    const folder = join(dir, '文件夹.xlsx');
    mkdirSync(folder);
    const fifo = join(dir, '管道.csv');
    execFileSync('mkfifo', [fifo]);
    const hash = storeHash();
    const cases: [string, string][] = [
      [folder, '文件夹'],
      [fifo, '命名管道（FIFO）'],
      ['/dev/zero', '设备文件'],
    ];
    for (const [path, kind] of cases) {
      const started = Date.now();
      const r = await cli(['import', path, '--park', '楚雄高新区', '--period', '2022', '--db', db]);
      // A FIFO without a writer used to block the read for good, /dev/zero to fill the memory.
      expect(Date.now() - started, path).toBeLessThan(5_000);
      expect(r.code, path).toBe(1);
      expect(r.err).toBe(`错误：「${path}」是${kind}，不是普通文件，未读取；请给出要导入的 .xlsx 工作簿或 .csv 表格文件`);
    }
    expect(storeHash()).toBe(hash);
  });

  it('--dry-run prints the same preview and leaves the store file byte for byte', async () => {
    const f = file('指标.csv', GOOD);
    const hash = storeHash();
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--dry-run', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新增 1 · 修改 1');
    expect(r.out).toContain('试运行：未写入任何数据。');
    expect(storeHash()).toBe(hash);
  });

  it('refuses a file with errors (exit 1), each named by place, and writes nothing', async () => {
    const f = file('坏.csv', '指标名称,本期值\n地区生产总值,abc\n重点项目数,-2\n园区幸福指数,1\n');
    const hash = storeHash();
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('错误（3）：');
    expect(r.err).toContain('工作表「坏.csv」第2行 B列：本期值「abc」不是数字');
    expect(r.err).toContain('工作表「坏.csv」第3行 B列：重点项目数不能为负数');
    expect(r.err).toContain('工作表「坏.csv」第4行 A列：指标库中没有「园区幸福指数」');
    expect(r.err).toContain('未导入：有 3 处错误，未写入任何数据。');
    expect(storeHash()).toBe(hash);
  });

  it('says in English what is wrong when asked', async () => {
    const f = file('bad.csv', '指标名称,本期值\n地区生产总值,abc\n');
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--db', db], { PARKBRIEF_LANG: 'en' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('sheet "bad.csv", row 2, column B: Value "abc" is not a number');
  });

  it('a plain table without --park/--period is a usage error (exit 2); so is a missing file argument', async () => {
    const f = file('t.xlsx', await plainXlsx({ S: [['指标名称', '本期值'], ['地区生产总值', 1]] }));
    const r = await cli(['import', f, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('普通表格没有写明园区和期别');
    expect((await cli(['import', '--db', db])).code).toBe(2);
    expect((await cli(['import', f, '--park', '楚雄高新区', '--db', db])).code).toBe(2);
    expect((await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--kind', 'plan', '--db', db])).code).toBe(2);
  });

  it('an unknown park or period, or a missing file, is refused (exit 1)', async () => {
    const f = file('指标.csv', GOOD);
    expect((await cli(['import', f, '--park', '无名园区', '--period', '2022', '--db', db])).code).toBe(1);
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2031', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到期别「2031」');
    const m = await cli(['import', join(dir, 'nope.xlsx'), '--db', db]);
    expect(m.code).toBe(1);
    expect(m.err).toContain(`找不到文件「${join(dir, 'nope.xlsx')}」：请检查文件夹和文件名`);
  });

  it('imports a filled template, which names its own park and period', async () => {
    const f = join(dir, '填报.xlsx');
    expect((await cli(['export', '--format', 'xlsx', '--template', 'fill', '--park', '楚雄高新区', '--period', '2022', '--out', f, '--db', db])).code).toBe(0);
    const { editXlsx } = await import('../../test/support/import-files.ts');
    writeFileSync(
      f,
      await editXlsx(readFileSync(f), (wb) =>
        wb.worksheets[0]!.eachRow((r) => {
          if (r.getCell(2).value === 'E01') r.getCell(5).value = 345.6;
        }),
      ),
    );
    const r = await cli(['import', f, '--park', '昆明高新区', '--period', '2017', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('（填报模板）：新增 0 · 修改 1');
    expect(r.out).toContain('楚雄高新区 · 2022年 · 地区生产总值：333.52亿元 → 345.6亿元');
    expect(r.out).toContain('文件自带园区和期别的对应关系，指定的园区、期别未使用');
  });

  it('lists at most 20 lines of new figures and says how many more', async () => {
    const { openCore } = await import('../core/session/open-core.ts');
    const { listIndicators } = await import('../core/catalog/catalog.ts');
    const ctx = openCore(db, { origin: 'test' });
    const inds = listIndicators(ctx.db);
    ctx.db.close();
    const lines = inds.map((i) => `${i.code},${i.integerOnly ? 3 : 3.5}`);
    const f = file('all.csv', `代码,本期值\n${lines.join('\n')}\n`);
    const r = await cli(['import', f, '--park', '昆明高新区', '--period', '2018M1-4', '--dry-run', '--db', db]);
    expect(r.code).toBe(0);
    const m = /新增（(\d+)）/.exec(r.out);
    const n = Number(m?.[1]);
    expect(n).toBeGreaterThan(20);
    expect(r.out).toContain(`… 另有 ${n - 20} 项未列出`);
  });
});
