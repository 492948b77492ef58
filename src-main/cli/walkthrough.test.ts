// The walk-through of issue 12: delete 昆明高新区 from a demo store, then bring all of its 2017
// figures back with `parks add` and one plain-table `import --create-missing` — a table as an office
// keeps it, with the names its reports use (一般公共预算收入, 规模以上工业增加值, 全社会固定资产投资),
// 限定词, 同比增长 and 改革前 columns. Two commands; the figures come back exactly.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';
import { dispatch } from '../core/rpc/dispatch.ts';
import { openCore } from '../core/session/open-core.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-walk-'));
  db = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Shown {
  indicator: string;
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
  growthSource: string | null;
  baseline: string | null;
  source: string | null;
}

const KUNMING = ['--park', '昆明高新区', '--period', '2017'];
/** The names an office's own table uses for some of the catalogue's indicators (its aliases). */
const OFFICE_NAMES: Record<string, string> = {
  地方一般公共预算收入: '一般公共预算收入',
  规上工业增加值: '规模以上工业增加值',
  固定资产投资: '全社会固定资产投资',
  规上企业数: '规模以上企业数',
};

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

it('deleting 昆明高新区 and bringing its 2017 figures back takes 2 commands', async () => {
  const before = JSON.parse((await cli(['show', ...KUNMING, '--json', '--db', db])).out) as Shown[];
  expect(before).toHaveLength(24);

  // Deleted as the app deletes it (parks.delete with the cascade confirmed): figures and documents go with it.
  const ctx = openCore(db, { origin: 'test', actor: 'tester' });
  try {
    const park = (ctx.db.prepare("SELECT id FROM parks WHERE name = '昆明高新区'").get() as { id: string }).id;
    const r = await dispatch(ctx, 'parks.delete', { id: park, cascade: true });
    expect(r.ok).toBe(true);
  } finally {
    ctx.db.close();
  }
  expect((await cli(['show', ...KUNMING, '--db', db])).code).toBe(1);

  // The table an office keeps (no 上年同期 arithmetic, reported growths only).
  const lines = [['指标名称', '计量单位', '本期', '限定词', '同比增长(%)', '改革前', '备注']];
  for (const f of before) {
    const growth = f.growthSource === 'reported' ? f.growth! : '';
    lines.push([OFFICE_NAMES[f.indicator] ?? f.indicator, f.unit, f.value ?? '', f.qualifier ?? '', growth, f.baseline ?? '', f.source ?? '']);
  }
  const table = join(dir, '昆明高新区2017.csv');
  writeFileSync(table, '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n'));

  const steps = [
    ['parks', 'add', '昆明高新区', '--short', '昆明', '--region', '云南省昆明市', '--level', '国家级'],
    ['import', table, ...KUNMING, '--create-missing'],
  ];
  for (const step of steps) {
    const r = await cli([...step, '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
  expect(steps).toHaveLength(2);

  const after = JSON.parse((await cli(['show', ...KUNMING, '--json', '--db', db])).out) as Shown[];
  const key = (f: Shown) => JSON.stringify([f.indicator, f.value, f.unit, f.qualifier, f.growth, f.baseline, f.source]);
  expect(after.map(key).sort()).toEqual(before.map(key).sort());

  // One undo step takes the whole import back.
  const d = new Database(db, { readonly: true });
  try {
    expect(d.prepare("SELECT label FROM batches WHERE undo_state = 'done' ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('导入「昆明高新区2017.csv」');
  } finally {
    d.close();
  }
});
