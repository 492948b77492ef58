// The catalogue, parks and periods from the command line (issue 12, part 8): each command validates
// like the app, prints what it did, exits 0 / 1 / 2 as the README says, and a refusal leaves the
// store exactly as it was.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-cat-'));
  db = join(dir, 'store.sqlite');
  await cli(['parks', '--db', db]); // the demo store
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table but the change log's own bookkeeping of reads: what a refusal must not touch. */
function dump(): string {
  const d = new Database(db, { readonly: true });
  try {
    const tables = d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, (d.prepare(`SELECT * FROM ${t}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
  } finally {
    d.close();
  }
}

async function refused(args: string[], code: number, message: RegExp) {
  const before = dump();
  const r = await cli([...args, '--db', db]);
  expect(r.code).toBe(code);
  expect(r.err).toMatch(message);
  expect(dump()).toBe(before);
}

describe('parkbrief parks add / rename, periods add', () => {
  it('adds and renames a park and adds a period, saying so', async () => {
    let r = await cli(['parks', 'add', '大理高新区', '--short', '大理', '--region', '云南省大理州', '--level', '省级', '--db', db]);
    expect(r).toMatchObject({ code: 0, out: '已新增园区：大理高新区' });
    r = await cli(['parks', 'rename', '大理', '大理国家高新区', '--db', db]);
    expect(r).toMatchObject({ code: 0, out: '已改名：大理高新区 → 大理国家高新区' });
    r = await cli(['parks', '--db', db, '--json']);
    expect(JSON.parse(r.out)).toContainEqual(expect.objectContaining({ name: '大理国家高新区', shortName: '大理', region: '云南省大理州', level: '省级' }));
    r = await cli(['periods', 'add', '2023q3', '--db', db]);
    expect(r).toMatchObject({ code: 0, out: '已新增期别：2023年第三季度（2023Q3）' });
  });

  it('refuses a duplicate name or period, an unknown park and a bad period key, changing nothing', async () => {
    await refused(['parks', 'add', '楚雄高新区'], 1, /已有同名的园区「楚雄高新区」/);
    await refused(['parks', 'rename', '楚雄高新区', '昆明高新区'], 1, /已有同名的园区「昆明高新区」/);
    await refused(['parks', 'rename', '不存在园区', '新名'], 1, /找不到园区「不存在园区」/);
    await refused(['periods', 'add', '2017'], 1, /已有同名的期别「2017」/);
    await refused(['periods', 'add', '2017年末'], 1, /不是有效的期别/);
    await refused(['parks', 'add'], 2, /parks add 需要一个园区名称/);
  });
});

describe('parkbrief indicators add / list, units add', () => {
  it('adds an indicator with aliases to a category, and lists it (--json)', async () => {
    const r = await cli(['indicators', 'add', '夜间经济营业额', '--unit', '亿元', '--category', '经济总量', '--alias', '夜经济营业额', '--alias', '夜间经济收入', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已新增指标 U\d{3}：夜间经济营业额（亿元，别名 夜经济营业额、夜间经济收入）$/);
    const list = JSON.parse((await cli(['indicators', 'list', '--json', '--db', db])).out) as { name: string; category: string; aliases: string[] }[];
    expect(list.find((i) => i.name === '夜间经济营业额')).toMatchObject({ category: '经济总量', aliases: ['夜经济营业额', '夜间经济收入'] });
    expect(list.find((i) => i.name === '地方一般公共预算收入')?.aliases).toContain('一般公共预算收入');
  });

  it('refuses a duplicate name, an unknown unit or category, and an alias that names another indicator, changing nothing', async () => {
    await refused(['indicators', 'add', '地区生产总值', '--unit', '亿元'], 1, /已有同名的指标「地区生产总值」/);
    await refused(['indicators', 'add', '税收收入', '--unit', '斤'], 1, /未知的计量单位「斤」/);
    await refused(['indicators', 'add', '税收收入', '--unit', '亿元', '--category', '税务'], 1, /没有分类「税务」/);
    await refused(['indicators', 'add', '营业收入', '--unit', '亿元', '--alias', '规模以上工业增加值'], 1, /别名「规模以上工业增加值」已是指标「规上工业增加值」的名称或别名/);
    await refused(['indicators', 'add', '营业收入'], 2, /缺少 --unit/);
  });

  it('adds a unit by an exact amount of a known one, then takes figures in it', async () => {
    let r = await cli(['units', 'add', '万平方米', '--equals', '0.01 平方公里', '--db', db]);
    expect(r).toMatchObject({ code: 0, out: '已新增计量单位 万平方米 = 0.01 平方公里（量纲 area，折合基本单位 1/100）' });
    r = await cli(['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '规划面积', '--value', '8422万平方米', '--db', db]);
    expect(r.code).toBe(0);
    r = await cli(['show', '--park', '楚雄高新区', '--period', '2022', '--json', '--db', db]);
    expect((JSON.parse(r.out) as { indicator: string }[]).find((x) => x.indicator === '规划面积')).toMatchObject({ value: '8422', unit: '万平方米' });
  });

  it('refuses an unknown unit, a bad factor and a duplicate unit, changing nothing', async () => {
    await refused(['units', 'add', '公斤', '--equals', '1 斤'], 1, /未知的计量单位「斤」/);
    await refused(['units', 'add', '公斤', '--equals', '0 平方公里'], 1, /不是有效的换算关系/);
    await refused(['units', 'add', '公斤', '--equals', 'abc'], 1, /不是有效的换算关系/);
    await refused(['units', 'add', '亿元', '--equals', '1 亿元'], 1, /已有同名的计量单位「亿元」/);
    await refused(['units', 'add', '公斤'], 2, /缺少 --equals/);
  });

  it('speaks English with PARKBRIEF_LANG=en', async () => {
    const r = await cli(['units', 'add', '亿', '--equals', '1 亿元', '--db', db], { PARKBRIEF_LANG: 'en' });
    expect(r.out).toBe('Added unit 亿 = 1 亿元 (cny, exactly 100000000/1 of the base unit)');
  });
});
