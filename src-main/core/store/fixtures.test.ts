// Stores written by every earlier release of the schema (fixtures/, made by that release's own code:
// scripts/make-store-fixture.ts) open in today's ParkBrief with nothing lost, and end with exactly the
// schema a new store gets.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { callOk } from '../../../test/support/rpc-calls.ts';
import { openCore } from '../session/open-core.ts';
import { SCHEMA_VERSION } from './migrate.ts';
import { schemaText } from '../../../test/support/schema-dump.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const VERSIONS = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1);
const fixtureFile = (v: number) => join(FIXTURES, `v${v}-demo.sqlite`);

type Row = Record<string, unknown>;

/** What the old store held, read with plain SQL before today's code touches it. */
interface Before {
  tables: Record<string, Row[]>;
  columns: Record<string, string[]>;
  lastDone: { seq: number; label: string } | undefined;
}

/** Primary-key order for every table; a table added later falls back to its rowid-less full sort. */
const ORDER: Record<string, string> = {
  meta: 'key',
  parks: 'pk',
  periods: 'pk',
  categories: 'code',
  indicators: 'pk',
  indicator_values: 'park, period, kind, indicator',
  batches: 'seq',
  changes: 'seq',
  documents: 'pk',
  photos: 'sha256',
  settings: 'key',
  check_rules: 'code',
};

function userTables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function readRows(db: Database.Database, table: string, columns?: string[]): Row[] {
  const cols = columns ? columns.join(', ') : '*';
  const order = ORDER[table] ?? '1';
  return db.prepare(`SELECT ${cols} FROM ${table} ORDER BY ${order}`).all() as Row[];
}

function readBefore(path: string): Before {
  const db = new Database(path, { readonly: true });
  try {
    const tables: Record<string, Row[]> = {};
    const columns: Record<string, string[]> = {};
    for (const t of userTables(db)) {
      columns[t] = (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
      tables[t] = readRows(db, t);
    }
    const lastDone = db.prepare("SELECT seq, label FROM batches WHERE undo_state = 'done' ORDER BY seq DESC LIMIT 1").get() as Before['lastDone'];
    return { tables, columns, lastDone };
  } finally {
    db.close();
  }
}

/**
 * The schema beyond the CREATE text: columns (with hidden ones), indexes with their columns,
 * foreign keys, per table. Two stores whose sqlite_schema text matches but whose columns differ
 * (an ALTER TABLE gone wrong) differ here.
 */
function schemaDetails(db: Database.Database): unknown {
  return userTables(db).map((t) => ({
    table: t,
    columns: db.pragma(`table_xinfo(${t})`),
    foreignKeys: db.pragma(`foreign_key_list(${t})`),
    indexes: (db.pragma(`index_list(${t})`) as { name: string }[]).map((ix) => ({ ...ix, columns: db.pragma(`index_xinfo(${ix.name})`) })),
  }));
}

const dirs: string[] = [];
const open: CoreContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) if (c.db.open) c.db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkbrief-fixture-'));
  dirs.push(dir);
  return dir;
}

/** A copy of the fixture, read with plain SQL, then opened as the app opens a store. */
function openFixture(version: number): { before: Before; ctx: CoreContext; path: string } {
  const path = join(tempDir(), 'store.sqlite');
  copyFileSync(fixtureFile(version), path);
  const before = readBefore(path);
  const ctx = openCore(path, { origin: 'test', actor: 'tester' });
  open.push(ctx);
  return { before, ctx, path };
}

function freshStore(): CoreContext {
  const ctx = openCore(join(tempDir(), 'fresh.sqlite'), { origin: 'test', actor: 'tester', demoIfNew: true });
  open.push(ctx);
  return ctx;
}

describe('store fixtures of every schema version', () => {
  it('exist for every version 1..SCHEMA_VERSION, each at its own version (a new migration needs the fixture of the version it replaces)', () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Record<string, { commit: string; schemaVersion: number }>;
    for (const v of VERSIONS) {
      const hint = `no fixture for schema version ${v}: commit the migration, run node_modules/.bin/node scripts/make-store-fixture.ts ${v} and commit src-main/core/store/fixtures/ (see its README)`;
      expect(existsSync(fixtureFile(v)), hint).toBe(true);
      const db = new Database(fixtureFile(v), { readonly: true });
      expect(db.pragma('user_version', { simple: true }), `${fixtureFile(v)} is not at version ${v}`).toBe(v);
      // Folded: a fixture is one file, with no WAL that a copy could leave behind.
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      db.close();
      expect(manifest[`v${v}`]?.schemaVersion, hint).toBe(v);
      expect(manifest[`v${v}`]?.commit).toMatch(/^[0-9a-f]{40}$/);
    }
    // A fixture newer than the code would mean a migration was removed.
    const stray = readdirSync(FIXTURES).filter((f) => /^v\d+-demo\.sqlite$/.test(f) && Number(f.slice(1, f.indexOf('-'))) > SCHEMA_VERSION);
    expect(stray).toEqual([]);
  });

  it.each(VERSIONS)('v%i fixture holds real data: demo parks, a user-made park and indicator, every kind of batch', (v) => {
    const { tables } = readBefore(fixtureFile(v));
    const parks = tables.parks!.map((p) => p.name);
    expect(parks).toEqual(expect.arrayContaining(['楚雄高新区', '昆明高新区', '大理高新区']));
    expect(tables.indicators!.some((i) => i.name === '夜间经济营业额' && i.builtin === 0)).toBe(true);
    expect(tables.periods!.map((p) => p.key)).toEqual(expect.arrayContaining(['2023', '2023M1-6']));
    expect(new Set(tables.batches!.map((b) => b.undo_state))).toEqual(new Set(['none', 'done', 'undone', 'dropped']));
    if (v >= 2) {
      expect(tables.documents!.length).toBeGreaterThanOrEqual(3);
      expect(tables.settings!.length).toBeGreaterThanOrEqual(1);
      expect(tables.photos!.length).toBeGreaterThanOrEqual(1);
    }
    // From v3 the CLI imports: a bulk batch with its columnar log row.
    if (v >= 3) expect(tables.changes!.some((c) => c.entity === 'value[]')).toBe(true);
  });
});

describe.each(VERSIONS)('a store made at schema version %i', (version) => {
  it('opens, migrates to the current version, and passes SQLite integrity and foreign-key checks', () => {
    const { ctx } = openFixture(version);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('ends with the same schema as a new store: sqlite_schema text, columns, indexes, foreign keys', () => {
    const { ctx } = openFixture(version);
    const fresh = freshStore();
    expect(schemaText(ctx.db)).toBe(schemaText(fresh.db));
    expect(schemaDetails(ctx.db)).toEqual(schemaDetails(fresh.db));
  });

  it('keeps every park, period, figure, document, photo, setting and change-log row with the same values', () => {
    const { before, ctx } = openFixture(version);
    // Rows of the old tables in the old columns: a later migration may add columns, never change these.
    const kept = ['meta', 'parks', 'periods', 'categories', 'indicator_values', 'documents', 'photos', 'settings', 'check_rules'];
    for (const t of kept) {
      if (!before.tables[t]) continue;
      let after = readRows(ctx.db, t, before.columns[t]);
      // Opening an old store moves its catalogue up (seedCatalog), which only ever adds rows
      // and records the catalogue's version.
      if (t === 'meta') after = after.filter((r) => r.key !== 'catalog_version');
      const old = t === 'meta' ? before.tables[t]!.filter((r) => r.key !== 'catalog_version') : before.tables[t]!;
      if (t === 'categories' || t === 'check_rules') expect(after, t).toEqual(expect.arrayContaining(old));
      else expect(after, t).toEqual(old);
    }
    // Indicators: all kept; a built-in one may only have gained the parent a newer catalogue gives it.
    const indicators = new Map(readRows(ctx.db, 'indicators', before.columns.indicators).map((r) => [r.pk, r]));
    for (const old of before.tables.indicators!) {
      const now = indicators.get(old.pk);
      expect(now, String(old.name)).toBeDefined();
      if (now!.parent_code !== old.parent_code) {
        expect(old.parent_code).toBeNull();
        expect(old.builtin).toBe(1);
        expect({ ...now, parent_code: null, updated_at: null }).toEqual({ ...old, updated_at: null });
      } else expect(now).toEqual(old);
    }
    // The change log is history: the old batches and changes are untouched; opening only appends.
    for (const t of ['batches', 'changes']) {
      expect(readRows(ctx.db, t, before.columns[t]).slice(0, before.tables[t]!.length), t).toEqual(before.tables[t]);
    }
  });

  it('reads every figure it held through the grid, and its documents and photos through the API', async () => {
    const { before, ctx } = openFixture(version);
    const t = before.tables;
    const byPk = (rows: Row[]) => new Map(rows.map((r) => [r.pk, r]));
    const parks = byPk(t.parks!);
    const periods = byPk(t.periods!);
    const indicators = byPk(t.indicators!);
    const grids = new Map<string, { rows: { indicator: { id: string }; current: Row | null }[] }>();
    for (const v of t.indicator_values!) {
      const key = `${v.park}|${v.period}|${v.kind}`;
      if (!grids.has(key)) {
        grids.set(key, await callOk(ctx, 'grid.get', { parkId: parks.get(v.park)!.id, periodId: periods.get(v.period)!.id, kind: v.kind }));
      }
      const row = grids.get(key)!.rows.find((r) => r.indicator.id === indicators.get(v.indicator)!.id);
      const where = `${parks.get(v.park)!.name} ${periods.get(v.period)!.key} ${v.kind} ${indicators.get(v.indicator)!.name}`;
      expect(row?.current, where).toMatchObject({ value: v.value, unit: v.unit, qualifier: v.qualifier, growth: v.growth, source: v.source, status: v.status });
    }
    expect(grids.size).toBeGreaterThan(5);
    for (const d of t.documents ?? []) {
      const where = { parkId: parks.get(d.park)!.id, periodId: periods.get(d.period)!.id };
      const doc = await callOk<{ id: string; body: unknown }>(ctx, 'documents.get', where);
      expect(doc.id).toBe(d.id);
      expect(doc.body).toEqual(JSON.parse(d.body as string));
      const resolved = await callOk<{ title: string }>(ctx, 'documents.resolve', { ...where, body: doc.body });
      expect(resolved.title.length).toBeGreaterThan(0);
    }
    for (const p of t.photos ?? []) {
      const got = await callOk<{ dataUrl: string; width: number }>(ctx, 'photos.get', { sha256: p.sha256 });
      expect(got.width).toBe(p.width);
      expect(Buffer.from(got.dataUrl.split(',')[1]!, 'base64').equals(p.bytes as Buffer)).toBe(true);
    }
    if (t.settings) {
      const settings = await callOk<Record<string, unknown>>(ctx, 'settings.get');
      expect(settings.rounding).toBe('half-even');
    }
  });

  it('undoes the last batch the old version wrote, and redoes it and the batch it had undone', async () => {
    const { before, ctx } = openFixture(version);
    const last = before.lastDone!;
    expect(last.label).toBe('编辑「规划面积」');
    const chuxiong = (await callOk<{ id: string; name: string }[]>(ctx, 'parks.list')).find((p) => p.name === '楚雄高新区')!;
    const y2022 = (await callOk<{ id: string; key: string }[]>(ctx, 'periods.list')).find((p) => p.key === '2022')!;
    const cell = async (name: string) =>
      (await callOk<{ rows: { indicator: { name: string }; current: { value: string | null } | null }[] }>(ctx, 'grid.get', {
        parkId: chuxiong.id,
        periodId: y2022.id,
        kind: 'actual',
      })).rows.find((r) => r.indicator.name === name)?.current?.value;

    expect(await callOk(ctx, 'history.state')).toMatchObject({ canUndo: true, undoLabel: last.label, canRedo: true, redoLabel: '编辑「新开工项目数」' });
    expect(await cell('规划面积')).toBe('84.3');
    await callOk(ctx, 'history.undo');
    expect(await cell('规划面积')).toBe('84.22');
    expect(ctx.db.prepare('SELECT undo_state FROM batches WHERE seq = ?').pluck().get(last.seq)).toBe('undone');
    expect(ctx.db.pragma('foreign_key_check')).toEqual([]);

    // Redo runs oldest-undone first: the batch just undone, then the one the old version had undone.
    await callOk(ctx, 'history.redo');
    expect(await cell('规划面积')).toBe('84.3');
    expect(await cell('新开工项目数')).toBe('18');
    await callOk(ctx, 'history.redo');
    expect(await cell('新开工项目数')).toBe('20');
    expect(await callOk(ctx, 'history.state')).toMatchObject({ canRedo: false, undoLabel: '编辑「新开工项目数」' });
  });

  it('undoes the batches on its undo stack back to the demo data, and redoes them all to the same figures', async () => {
    const { ctx } = openFixture(version);
    const snapshot = () => Object.fromEntries(['parks', 'periods', 'categories', 'indicators', 'indicator_values'].map((t) => [t, readRows(ctx.db, t)]));
    const start = snapshot();
    const labels: string[] = [];
    // From v2 the fixture copied a document into 2023, outside the undo stack; undoing the creation
    // of 2023 then fails on the document's foreign key (today's undo, not the migration: a new store
    // does the same), so the walk stops above that batch.
    const stopAt = version >= 2 ? '新增期别「2023」' : null;
    for (;;) {
      const state = await callOk<{ canUndo: boolean; undoLabel: string }>(ctx, 'history.state');
      if (!state.canUndo || state.undoLabel === stopAt) break;
      labels.push(state.undoLabel);
      const r = await dispatch(ctx, 'history.undo', {});
      if (!r.ok) throw new Error(`undo of 「${labels.at(-1)}」 failed: ${r.error.code} ${r.error.message}`);
      expect(ctx.db.pragma('foreign_key_check'), labels.at(-1)).toEqual([]);
    }
    expect(labels).toContain('新增园区「大理高新区」');
    expect(labels).toContain('新增指标「夜间经济营业额」');
    if (version >= 3) expect(labels).toContain('导入「fixture.csv」');
    // `set` of a value, qualifier and growth of one figure: until 3 named for its 3 fields, from 4 as the one edit it is.
    expect(labels.at(-1)).toBe(stopAt && version < 4 ? '粘贴 3 个单元格' : '编辑「地区生产总值」');
    expect(readRows(ctx.db, 'parks').map((p) => p.name)).not.toContain('大理高新区');
    while ((await callOk<{ canRedo: boolean }>(ctx, 'history.state')).canRedo) await callOk(ctx, 'history.redo');
    // The fixture's own undone batch is redone too; apart from it, everything is as it was.
    const end = snapshot();
    const changed = (end.indicator_values as Row[]).filter((r, i) => JSON.stringify(r) !== JSON.stringify((start.indicator_values as Row[])[i]));
    expect(changed.map((r) => r.value)).toEqual(['20']);
    expect({ ...end, indicator_values: null }).toEqual({ ...start, indicator_values: null });
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes new edits after migrating, and opens again without migrating twice', async () => {
    const { ctx, path } = openFixture(version);
    const dali = (await callOk<{ id: string; name: string }[]>(ctx, 'parks.list')).find((p) => p.name === '大理高新区')!;
    const period = await callOk<{ id: string }>(ctx, 'periods.create', { key: '2024' });
    const indicator = (await callOk<{ indicators: { id: string; name: string }[] }>(ctx, 'catalog.get')).indicators.find((i) => i.name === '夜间经济营业额')!;
    await callOk(ctx, 'values.edit', { parkId: dali.id, periodId: period.id, kind: 'actual', edits: [{ indicatorId: indicator.id, field: 'value', text: '4.1' }] });
    ctx.db.close();
    const again = openCore(path, { origin: 'test', actor: 'tester' });
    open.push(again);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const grid = await callOk<{ rows: { indicator: { id: string }; current: { value: string } | null }[] }>(again, 'grid.get', { parkId: dali.id, periodId: period.id, kind: 'actual' });
    expect(grid.rows.find((r) => r.indicator.id === indicator.id)?.current?.value).toBe('4.1');
  });
});
