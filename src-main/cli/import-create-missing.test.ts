// `import … --create-missing` (issue 12, part 7): a plain table may create the indicators and the
// period it lacks, and with --create-park the park, after listing them in the preview — one
// transaction, one undo step.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
let table: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-create-'));
  db = join(dir, 'store.sqlite');
  table = join(dir, '玉溪高新区2031.csv');
  writeFileSync(
    table,
    ['指标名称,计量单位,本期,同比增长(%)', '地区生产总值,亿元,288.5,6.1', '数字经济核心产业增加值,亿元,35.2,', '新增市场主体数,,突破1200户,', '园区总收入,,突破3000亿,'].join('\n'),
  );
  await cli(['parks', '--db', db]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function count(sql: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
}

const target = ['--park', '玉溪高新区', '--period', '2031'];

describe('import --create-missing', () => {
  it('lists the park, period and indicators it would create, and a dry run creates nothing', async () => {
    const batches = count('SELECT count(*) FROM batches');
    const r = await cli(['import', table, ...target, '--create-missing', '--create-park', '--dry-run', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('将新建园区：玉溪高新区');
    expect(r.out).toContain('将新建期别：2031');
    expect(r.out).toContain('将新建指标 2 个：');
    expect(r.out).toContain('  + 数字经济核心产业增加值（亿元）');
    expect(r.out).toContain('  + 新增市场主体数（户）');
    expect(r.out).toContain('试运行：未写入任何数据。');
    expect(count('SELECT count(*) FROM batches')).toBe(batches);
  });

  it('creates them with the figures as one undo step', async () => {
    const r = await cli(['import', table, ...target, '--create-missing', '--create-park', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导入：新增 4 项');
    const shown = JSON.parse((await cli(['show', ...target, '--json', '--db', db])).out) as { indicator: string; value: string; unit: string; qualifier: string | null }[];
    expect(shown.find((f) => f.indicator === '新增市场主体数')).toMatchObject({ value: '1200', unit: '户', qualifier: '突破' });
    expect(shown.find((f) => f.indicator === '园区总收入')).toMatchObject({ value: '3000', unit: '亿元', qualifier: '突破' });
    expect(count("SELECT count(*) FROM batches WHERE undo_state = 'done' AND label = '导入「玉溪高新区2031.csv」'")).toBe(1);
  });

  it('without it, or without a unit for a new indicator, refuses and writes nothing', async () => {
    await cli(['parks', 'add', '玉溪高新区', '--db', db]);
    await cli(['periods', 'add', '2031', '--db', db]);
    const batches = count('SELECT count(*) FROM batches');
    let r = await cli(['import', table, ...target, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('指标库中没有「数字经济核心产业增加值」');
    writeFileSync(table, '指标名称,本期\n营商环境评分,95.5\n');
    r = await cli(['import', table, ...target, '--create-missing', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('新建它需要计量单位');
    expect(count('SELECT count(*) FROM batches')).toBe(batches);
  });

  it('does not create a park unless asked', async () => {
    const r = await cli(['import', table, ...target, '--create-missing', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到园区「玉溪高新区」');
  });
});
