import { SCHEMA_VERSION } from '../store/migrate.ts';
import { BUILTIN_CATALOG } from '../catalog/seed.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCatalog } from '../catalog/get-catalog.ts';
import { writeBatch } from '../history/change-log.ts';
import { ensurePeriod } from '../repos/periods.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
import { readGrid } from '../values/grid.ts';
import { checkFigures } from './run-checks.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  s.dispose();
});

function set(park: string, period: string, fields: Record<string, Record<string, string>>, kind: 'actual' | 'target' = 'actual') {
  writeBatch(s.ctx, 'p', (log) => ensurePeriod(s.ctx, log, period));
  const edits = Object.entries(fields).flatMap(([name, f]) =>
    Object.entries(f).map(([field, text]) => ({ indicatorId: s.indicatorId(name), field: field as 'value', text })),
  );
  editValues(s.ctx, { ...s.ids(park, period), kind, edits });
}

const grid = (park: string, period: string, kind: 'actual' | 'target' = 'actual') => {
  const { parkId, periodId } = s.ids(park, period);
  return readGrid(s.ctx.db, parkId, periodId, kind);
};

describe('check rules over the store', () => {
  it('the demo figures of both seed articles breach none of the built-in rules', () => {
    const periods = ['2017', '2018', '2018M1-4', '2018M1-6', '2021', '2022'];
    for (const park of ['楚雄高新区', '昆明高新区'])
      for (const period of periods)
        for (const kind of ['actual', 'target'] as const) expect(grid(park, period, kind).checks, `${park} ${period} ${kind}`).toEqual([]);
  });

  it('the grid carries a warning as soon as a figure breaches a rule, and drops it once fixed', () => {
    set('楚雄高新区', '2022', { 高新技术企业数: { value: '20' }, 新增高新技术企业数: { value: '25' } });
    const g = grid('楚雄高新区', '2022');
    expect(g.checks).toHaveLength(1);
    expect(g.checks[0]).toMatchObject({
      rule: 'R10',
      code: 'CHECK_MORE',
      message: '新增高新技术企业数（25户）多于高新技术企业数（20户），请核对',
      indicatorIds: [s.indicatorId('新增高新技术企业数'), s.indicatorId('高新技术企业数')],
    });
    set('楚雄高新区', '2022', { 新增高新技术企业数: { value: '15' } });
    expect(grid('楚雄高新区', '2022').checks).toEqual([]);
  });

  it('reads this period and the same period a year earlier for growth consistency', () => {
    set('楚雄高新区', '2021', { 新材料产业产值: { value: '150' } });
    const [w] = grid('楚雄高新区', '2022').checks;
    expect(w).toMatchObject({ rule: 'R14', code: 'CHECK_GROWTH', indicatorIds: [s.indicatorId('新材料产业产值')] });
    expect(w!.message).toBe('新材料产业产值填报同比增长42.5%，按本期248.11亿元、上年同期150亿元计算为增长65.41%，相差22.91个百分点，请核对');
    set('楚雄高新区', '2021', { 新材料产业产值: { unit: '万元', value: '1741100' } });
    expect(grid('楚雄高新区', '2022').checks).toEqual([]);
  });

  it('checks a target against its own kind', () => {
    set('昆明高新区', '2018', { 高新技术企业数: { value: '15' } }, 'target');
    expect(grid('昆明高新区', '2018', 'target').checks.map((w) => w.message)).toEqual(['新增高新技术企业数（不少于20户）多于高新技术企业数（15户），请核对']);
    expect(grid('昆明高新区', '2018', 'actual').checks).toEqual([]);
  });

  it('checkFigures puts pending figures in place of stored ones, a cleared one counting as missing', () => {
    const scope = { ...s.ids('昆明高新区', '2017'), kind: 'actual' as const };
    const station = s.indicatorId('院士、专家、博士后工作站数'); // 33 stored; 新增院士工作站数 8
    expect(checkFigures(s.ctx.db, scope)).toEqual([]);
    const pending = new Map([[station, { value: '5', unit: '个', qualifier: null, growth: null }]]);
    expect(checkFigures(s.ctx.db, scope, pending).map((w) => w.message)).toEqual(['新增院士工作站数（8个）多于院士、专家、博士后工作站数（5个），请核对']);
    set('昆明高新区', '2017', { '院士、专家、博士后工作站数': { value: '5' } });
    expect(checkFigures(s.ctx.db, scope)).toHaveLength(1);
    expect(checkFigures(s.ctx.db, scope, new Map([[station, { value: null, unit: '个', qualifier: null, growth: null }]]))).toEqual([]);
  });

  it('values.edit answers with the warnings its edit is part of, not older ones elsewhere', async () => {
    set('昆明高新区', '2017', { 营收超十亿元企业数: { value: '3' } }); // 超百亿 4 > 超十亿 3: an older breach
    const ids = s.ids('昆明高新区', '2017');
    const edit = (name: string, text: string) =>
      dispatch(s.ctx, 'values.edit', { ...ids, kind: 'actual', edits: [{ indicatorId: s.indicatorId(name), field: 'value', text }] });
    expect(await edit('进出口总额', '10')).toMatchObject({ ok: true, value: { changed: 1, warnings: [] } });
    // 进出口总额 stays in 亿美元 (16.5亿美元 in the article): 12亿元 of exports is never compared with it.
    expect(await edit('出口总额', '12')).toMatchObject({ ok: true, value: { changed: 1, warnings: [] } });
    const breach = await edit('院士、专家、博士后工作站数', '5');
    expect(breach).toMatchObject({ ok: true, value: { warnings: [{ rule: 'R11', message: '新增院士工作站数（8个）多于院士、专家、博士后工作站数（5个），请核对' }] } });
    expect(await edit('院士、专家、博士后工作站数', '40')).toMatchObject({ ok: true, value: { warnings: [] } });
    expect(grid('昆明高新区', '2017').checks.map((w) => w.rule)).toEqual(['R05']);
  });

  it('a bad rule in the store is skipped and reported once; the other rules still run', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    s.ctx.db
      .prepare("INSERT INTO check_rules (code, kind, expr, description, sort, created_at, updated_at) VALUES ('X01', 'compare', 'E03 >= (I01', '坏规则', 5, '', '')")
      .run();
    s.ctx.db
      .prepare("INSERT INTO check_rules (code, kind, expr, description, sort, created_at, updated_at) VALUES ('X02', 'compare', 'E03 >= Z99', '指标已删', 6, '', '')")
      .run();
    set('楚雄高新区', '2022', { 高新技术企业数: { value: '20' }, 新增高新技术企业数: { value: '25' } });
    expect(grid('楚雄高新区', '2022').checks.map((w) => w.rule)).toEqual(['R10']);
    expect(grid('昆明高新区', '2017').checks).toEqual([]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[parkbrief] 审核规则 X01（E03 >= (I01）无法执行：第12个字符处缺少右括号',
      '[parkbrief] 审核规则 X02（E03 >= Z99）无法执行：指标库中没有代码为「Z99」的指标',
    ]);
    const rules = getCatalog(s.ctx.db).rules;
    expect(rules.find((r) => r.code === 'X02')).toMatchObject({ builtin: false, problem: { code: 'UNKNOWN_INDICATOR', params: { token: 'Z99' } } });
    expect(rules.filter((r) => r.problem).map((r) => r.code)).toEqual(['X01', 'X02']);
  });

  it('a switched-off rule does not run', () => {
    set('楚雄高新区', '2022', { 高新技术企业数: { value: '20' }, 新增高新技术企业数: { value: '25' } });
    s.ctx.db.prepare("UPDATE check_rules SET enabled = 0 WHERE code = 'R10'").run();
    expect(grid('楚雄高新区', '2022').checks).toEqual([]);
  });
});

describe('a store made by the previous catalogue (version 1)', () => {
  it('gets the rules and the new 其中 parents when opened, keeping what its users set', () => {
    const db = s.ctx.db;
    // What a build with schema 2 and catalogue 1 left behind.
    db.exec("DROP TABLE check_rules; DROP TABLE indicator_aliases; DROP TABLE indicator_use; DROP TABLE units; DROP TABLE qualifiers; PRAGMA user_version = 2; UPDATE meta SET value = '1' WHERE key = 'catalog_version';");
    db.exec("UPDATE indicators SET parent_code = NULL WHERE code IN ('N02', 'N09')");
    db.exec("UPDATE indicators SET parent_code = 'N03' WHERE code = 'N09'"); // a user's own choice
    const ctx = s.reopen();
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const cat = getCatalog(ctx.db);
    expect(cat.version).toBe(BUILTIN_CATALOG.version);
    expect(cat.rules.map((r) => r.code)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12', 'R13', 'R14']);
    expect(cat.rules.every((r) => r.builtin && r.enabled && r.problem === null)).toBe(true);
    const parent = (code: string) => cat.indicators.find((i) => i.code === code)!.parentCode;
    expect([parent('N02'), parent('N09'), parent('O02')]).toEqual(['N01', 'N03', 'O01']);
    set('楚雄高新区', '2022', { 高新技术企业数: { value: '20' }, 新增高新技术企业数: { value: '25' } });
    expect(grid('楚雄高新区', '2022').checks.map((w) => w.rule)).toEqual(['R10']);
  });
});
