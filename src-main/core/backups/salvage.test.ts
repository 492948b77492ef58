import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { listIndicators } from '../catalog/catalog.ts';
import { writeBatch } from '../history/change-log.ts';
import { historyState } from '../history/undo.ts';
import { findParkByName } from '../repos/parks.ts';
import { ensurePeriod, requirePeriodByKey } from '../repos/periods.ts';
import { openCore } from '../session/open-core.ts';
import { SCHEMA_VERSION } from '../store/migrations/index.ts';
import { corruptPages, quickCheck, smashHeader, storePages, truncateStore } from '../../../test/support/corrupt-store.ts';
import { fileSha256, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { writeValuesBulk, type BulkValue } from '../values/bulk-write.ts';
import { readGrid } from '../values/grid.ts';
import { SALVAGE_LABEL, salvageStore, type SalvageReport } from './salvage.ts';

const FIXTURES = join(import.meta.dirname, '../store/fixtures');

// The demo store grown until its tables span many pages: 18,000 more figures (indicator_values gets
// two levels of interior pages, so one interior page can be broken without the root) and 250 single
// edits (the change log spans dozens of leaves).
let grown: TempStore;
beforeAll(() => {
  grown = tempStore();
  const ctx = grown.ctx;
  const keys: string[] = [];
  for (let y = 2000; y <= 2021; y++) if (y !== 2017) keys.push(String(y));
  for (let y = 2010; y <= 2022; y++) for (let q = 1; q <= 4; q++) keys.push(`${y}Q${q}`);
  const periods = writeBatch(ctx, '期别', (log) => keys.map((k) => ensurePeriod(ctx, log, k)));
  const indicators = listIndicators(ctx.db);
  const set: BulkValue[] = [];
  let n = 0;
  for (const park of ['楚雄高新区', '昆明高新区'].map((name) => findParkByName(ctx.db, name)))
    for (const period of periods)
      for (const kind of ['actual', 'target'] as const)
        for (const ind of indicators) {
          n++;
          if (park.name === '楚雄高新区' && period.key === '2021') continue; // the demo's own 2021 figures stay
          const value = ind.integerOnly ? String((n % 500) + 1) : ind.unit === '%' ? `${n % 90}.${n % 10}` : `${n % 9000}.${String(n % 100).padStart(2, '0')}`;
          set.push({ parkId: park.id, periodId: period.id, indicatorId: ind.id, kind, value });
        }
  writeValuesBulk(ctx, '导入', set);
  for (let i = 0; i < 250; i++) writeValuesBulk(ctx, `编辑 ${i}`, [{ ...set[i * 37]!, value: String(i + 1) }]);
  ctx.db.close(); // folds the WAL: the file alone is the store
}, 60_000);
afterAll(() => grown.dispose());

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-salvage-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Rows = Map<string, string>;
type Dump = Record<string, Rows>;


function primaryKey(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

function userTables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/** Every row of an intact store, by primary key. */
function readAll(path: string): Dump {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const out: Dump = {};
    for (const t of userTables(db)) {
      const pk = primaryKey(db, t);
      out[t] = new Map((db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).map((r) => [JSON.stringify(pk.map((c) => r[c])), JSON.stringify(r)]));
    }
    return out;
  } finally {
    db.close();
  }
}

const withoutRowid = (db: Database.Database, t: string) => (db.prepare(`PRAGMA table_list("${t}")`).get() as { wr: number }).wr === 1;

/**
 * Which rows of the reference can still be read from the damaged file, asked one row at a time — an
 * independent probe, not the salvage's own range reading: by rowid where the table has one (a text
 * primary key would go through its index, which may be damaged when the row is not), else by primary
 * key. A row that reads back different from the reference (garbage on an overflow page reads without
 * error) is not readable. Runs on a copy: the damaged file itself is never opened by the test either.
 */
function readableRows(damaged: string, intact: string, ref: Dump): Record<string, Set<string>> {
  const rowids = new Database(intact, { readonly: true });
  const copy = join(dir, 'probe.sqlite');
  copyFileSync(damaged, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const out: Record<string, Set<string>> = {};
    for (const [t, rows] of Object.entries(ref)) {
      out[t] = new Set();
      const pk = primaryKey(rowids, t);
      const byRowid = !withoutRowid(rowids, t);
      const keyOf = byRowid ? rowids.prepare(`SELECT rowid FROM "${t}" WHERE ${pk.map((c) => `"${c}" = ?`).join(' AND ')}`).pluck() : null;
      let get: Database.Statement;
      try {
        get = db.prepare(`SELECT * FROM "${t}" WHERE ${byRowid ? 'rowid = ?' : pk.map((c) => `"${c}" = ?`).join(' AND ')}`);
      } catch {
        continue; // the schema itself is unreadable: nothing is
      }
      for (const [key, row] of rows) {
        const args = JSON.parse(key) as unknown[];
        let found: unknown;
        try {
          found = get.get(...(keyOf ? [keyOf.get(...args)] : args));
        } catch {
          continue;
        }
        if (found && JSON.stringify(found) === row) out[t]!.add(key);
      }
    }
    return out;
  } finally {
    db.close();
    rowids.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  }
}

interface Outcome {
  report: SalvageReport;
  ref: Dump;
  readable: Record<string, Set<string>>;
  out: Dump;
  outPath: string;
  /** Readable rows not in the output, per table: each must be an orphan. */
  missing: Record<string, number>;
}

/** Batches are taken off the undo stack; everything else must be the damaged store's row exactly. */
function asSalvaged(table: string, row: string): string {
  if (table !== 'batches') return row;
  const r = JSON.parse(row) as { undo_state: string };
  r.undo_state = r.undo_state === 'done' ? 'none' : r.undo_state === 'undone' ? 'dropped' : r.undo_state;
  return JSON.stringify(r);
}

function salvageAndCompare(fixture: string, damage: (path: string) => void): Outcome {
  const ref = readAll(fixture);
  const damaged = join(dir, 'damaged.sqlite');
  copyFileSync(fixture, damaged);
  damage(damaged);
  const readable = readableRows(damaged, fixture, ref);
  const before = fileSha256(damaged);
  const outPath = join(dir, 'out', 'salvaged.sqlite');
  const report = salvageStore(damaged, outPath);

  // The damaged file is untouched, and nothing was created beside it (no -wal, no -shm).
  expect(fileSha256(damaged)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(['damaged.sqlite', 'out']);
  expect(readdirSync(join(dir, 'out'))).toEqual(['salvaged.sqlite']);

  const db = new Database(outPath, { readonly: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
  } finally {
    db.close();
  }

  const out = readAll(outPath);
  const orphan = orphanTest(outPath, out);
  const missing: Record<string, number> = {};
  for (const [t, rows] of Object.entries(ref)) {
    const salvaged = out[t]!;
    // Nothing invented: every row of the output is the damaged store's row with the same key.
    for (const [key, row] of salvaged) {
      if (t === 'batches' && JSON.parse(row).label === SALVAGE_LABEL) continue;
      expect(row, `${t} ${key}`).toBe(asSalvaged(t, rows.get(key) ?? 'not in the damaged store'));
    }
    // Nothing readable lost, unless what it belonged to was lost.
    missing[t] = 0;
    for (const key of readable[t]!) {
      if (salvaged.has(key)) continue;
      expect(orphan(t, JSON.parse(rows.get(key)!) as Record<string, unknown>), `${t} ${key} readable but not salvaged`).toBe(true);
      missing[t]++;
    }
    // The report adds up: kept rows are the output's, orphans at least those the probe saw dropped,
    // and rows neither kept nor dropped were unreadable, which the report says.
    const counts = report.tables.find((x) => x.table === t)!;
    const kept = salvaged.size - (t === 'batches' ? 1 : 0);
    expect(counts.kept, t).toBe(kept);
    expect(counts.orphansDropped, t).toBeGreaterThanOrEqual(missing[t]);
    const neverRead = rows.size - kept - counts.orphansDropped;
    expect(neverRead, t).toBeGreaterThanOrEqual(0);
    if (neverRead > 0) expect(counts.unreadableRanges, t).toBeGreaterThan(0);
    else expect(counts.unreadableRanges, t).toBe(0);
  }
  return { report, ref, readable, out, outPath, missing };
}

/** A test of "a parent row this row refers to is not in the salvaged store". */
function orphanTest(outPath: string, out: Dump): (table: string, row: Record<string, unknown>) => boolean {
  const db = new Database(outPath, { readonly: true });
  const fks = Object.fromEntries(Object.keys(out).map((t) => [t, db.prepare(`PRAGMA foreign_key_list("${t}")`).all() as { table: string; from: string }[]]));
  db.close();
  return (table, row) => fks[table]!.some((fk) => !out[fk.table]!.has(JSON.stringify([row[fk.from]])));
}

const count = (d: Dump, t: string) => d[t]!.size;

/** Figures the grid shows for a park and period, and figures the store holds for them. */
function gridFigures(ctx: CoreContext, parkName: string, periodKey: string): { shown: number; stored: number } {
  const park = findParkByName(ctx.db, parkName);
  const period = requirePeriodByKey(ctx.db, periodKey);
  const shown = readGrid(ctx.db, park.id, period.id, 'actual').rows.filter((r) => r.current !== null).length;
  const stored = ctx.db
    .prepare("SELECT count(*) FROM indicator_values v JOIN parks p ON p.pk = v.park JOIN periods q ON q.pk = v.period WHERE p.id = ? AND q.id = ? AND v.kind = 'actual'")
    .pluck()
    .get(park.id, period.id) as number;
  return { shown, stored };
}

describe('salvage of a damaged store', () => {
  it('keeps every readable row around broken leaves and an interior page, exactly as stored', () => {
    const broken: number[] = [];
    const o = salvageAndCompare(grown.path, (path) => {
      broken.push(...corruptPages(path, { pages: 'some-leaves-of', table: 'indicator_values', count: 3, seed: 11 }).pages);
      broken.push(...corruptPages(path, { pages: 'some-leaves-of', table: 'changes', count: 2, seed: 12 }).pages);
      broken.push(...corruptPages(path, { pages: 'an-interior-of', table: 'indicator_values', seed: 13 }).pages);
      expect(quickCheck(path)).not.toEqual(['ok']);
    });
    expect(new Set(broken).size).toBe(6);
    // The damage cost figures and log entries, and the salvage got every one still readable.
    expect(o.readable.indicator_values!.size).toBeLessThan(count(o.ref, 'indicator_values'));
    expect(o.readable.indicator_values!.size).toBeGreaterThan(count(o.ref, 'indicator_values') / 2);
    expect(count(o.out, 'indicator_values')).toBeGreaterThanOrEqual(o.readable.indicator_values!.size);
    expect(count(o.out, 'indicator_values')).toBeLessThan(count(o.ref, 'indicator_values'));
    expect(o.readable.changes!.size).toBeLessThan(count(o.ref, 'changes'));
    expect(count(o.out, 'changes')).toBeGreaterThanOrEqual(o.readable.changes!.size);
    expect(count(o.out, 'changes')).toBeLessThan(count(o.ref, 'changes'));
    // Parents were not hit, so nothing was dropped as an orphan.
    expect(o.report.tables.every((t) => t.orphansDropped === 0)).toBe(true);
    for (const t of o.report.tables) {
      if (!['indicator_values', 'changes'].includes(t.table)) expect(t, t.table).toMatchObject({ unreadableRanges: 0, kept: count(o.ref, t.table) });
    }
    expect(o.report.rowsRefused).toBe(0);
    expect(o.report.fromVersion).toBe(SCHEMA_VERSION);

    // The salvaged store opens as the app opens a store, and the grid reads from it.
    const ctx = openCore(o.outPath, { origin: 'test', actor: 'tester' });
    try {
      for (const [park, period] of [
        ['楚雄高新区', '2022'],
        ['昆明高新区', '2015Q3'],
      ] as const) {
        const { shown, stored } = gridFigures(ctx, park, period);
        expect(shown).toBe(stored);
        expect(shown).toBeGreaterThan(0);
      }
      // History across the damage is kept but not replayable.
      expect(historyState(ctx)).toMatchObject({ canUndo: false, canRedo: false });
      expect(ctx.db.prepare("SELECT label FROM batches WHERE origin = 'salvage'").pluck().all()).toEqual([SALVAGE_LABEL]);
    } finally {
      ctx.db.close();
    }
  });

  it('drops what belonged to lost rows: the changes of lost batches, the figures of a lost park table', () => {
    const lostBatches = salvageAndCompare(grown.path, (path) => corruptPages(path, { pages: 'some-leaves-of', table: 'batches', count: 1, seed: 5 }));
    expect(lostBatches.readable.batches!.size).toBeLessThan(count(lostBatches.ref, 'batches'));
    expect(lostBatches.missing.changes).toBeGreaterThan(0);
    const changes = lostBatches.report.tables.find((t) => t.table === 'changes')!;
    expect(changes.orphansDropped).toBeGreaterThanOrEqual(lostBatches.missing.changes!);
    expect(changes.unreadableRanges).toBe(0);

    rmSync(dir, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'parkbrief-salvage-test-'));
    const lostParks = salvageAndCompare(grown.path, (path) => corruptPages(path, { pages: 'root-of', table: 'parks', seed: 6 }));
    expect(lostParks.readable.parks!.size).toBe(0);
    expect(lostParks.report.tables.find((t) => t.table === 'parks')).toMatchObject({ kept: 0, unreadableRanges: 1 });
    expect(lostParks.report.tables.find((t) => t.table === 'indicator_values')).toMatchObject({ kept: 0, orphansDropped: count(lostParks.ref, 'indicator_values') });
    expect(lostParks.report.tables.find((t) => t.table === 'documents')).toMatchObject({ kept: 0, orphansDropped: count(lostParks.ref, 'documents') });
  });

  it('salvages a store cut short to the rows its remaining pages hold', () => {
    const o = salvageAndCompare(grown.path, (path) => truncateStore(path, Math.floor(readFileSync(path).length * 0.6)));
    expect(count(o.out, 'indicator_values')).toBeLessThan(count(o.ref, 'indicator_values'));
    expect(count(o.out, 'indicator_values')).toBeGreaterThan(0);
  });

  it('copies an undamaged store row for row, with the undo stack closed and the counters carried', () => {
    const o = salvageAndCompare(grown.path, () => {});
    for (const [t, rows] of Object.entries(o.ref)) {
      expect(count(o.out, t), t).toBe(rows.size + (t === 'batches' ? 1 : 0));
      for (const [key, row] of rows) expect(o.out[t]!.get(key), t).toBe(asSalvaged(t, row));
    }
    expect(o.report.tables.map((t) => t.table).sort()).toEqual(Object.keys(o.ref).sort());
    expect(o.report.tables.every((t) => t.unreadableRanges === 0 && t.orphansDropped === 0)).toBe(true);
    expect(o.report.batchesClosed).toBeGreaterThan(250);
    const seq = (path: string) => {
      const db = new Database(path, { readonly: true });
      const r = Object.fromEntries((db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]).map((x) => [x.name, x.seq]));
      db.close();
      return r;
    };
    const before = seq(grown.path);
    expect(seq(o.outPath)).toEqual({ ...before, batches: before.batches! + 1 });
  });

  it('reads the WAL of a store that was never closed, without touching the WAL', () => {
    const s = tempStore();
    try {
      const { parkId, periodId } = s.ids('楚雄高新区', '2022');
      writeValuesBulk(s.ctx, '编辑', [{ parkId, periodId, kind: 'actual', indicatorId: s.indicatorId('地区生产总值'), value: '999.99' }]);
      // Copied while the writer still has the store open: the edit is only in the WAL, as after a crash.
      const damaged = join(dir, 'damaged.sqlite');
      copyFileSync(s.path, damaged);
      copyFileSync(`${s.path}-wal`, `${damaged}-wal`);
      const hashes = [fileSha256(damaged), fileSha256(`${damaged}-wal`)];
      salvageStore(damaged, join(dir, 'out.sqlite'));
      expect([fileSha256(damaged), fileSha256(`${damaged}-wal`)]).toEqual(hashes);
      expect(existsSync(`${damaged}-shm`)).toBe(false);
      const out = new Database(join(dir, 'out.sqlite'), { readonly: true });
      const values = out.prepare("SELECT value FROM indicator_values WHERE value = '999.99'").pluck().all();
      out.close();
      expect(values).toEqual(['999.99']);
    } finally {
      s.dispose();
    }
  });
});

describe('salvage of stores of earlier schema versions', () => {
  it('builds the salvaged store at the old version, then migrates it (v1, broken change-log leaves)', () => {
    const o = salvageAndCompare(join(FIXTURES, 'v1-demo.sqlite'), (path) => corruptPages(path, { pages: 'some-leaves-of', table: 'changes', count: 2, seed: 21 }));
    expect(o.report).toMatchObject({ fromVersion: 1, toVersion: SCHEMA_VERSION });
    expect(o.readable.changes!.size).toBeLessThan(count(o.ref, 'changes'));
    expect(count(o.out, 'indicator_values')).toBe(count(o.ref, 'indicator_values'));
    // Tables of later versions are there, empty until the app fills them.
    expect(count(o.out, 'documents')).toBe(0);
    const ctx = openCore(o.outPath, { origin: 'test', actor: 'tester' });
    try {
      expect(historyState(ctx).canUndo).toBe(false);
      const { shown, stored } = gridFigures(ctx, '大理高新区', '2022');
      expect(shown).toBe(stored);
      expect(shown).toBeGreaterThan(0);
    } finally {
      ctx.db.close();
    }
  });

  it('loses only the photo whose overflow page broke (v2)', () => {
    const o = salvageAndCompare(join(FIXTURES, 'v2-demo.sqlite'), (path) => corruptPages(path, { pages: 'some-overflow-of', table: 'photos', seed: 3 }));
    expect(o.report.fromVersion).toBe(2);
    expect(count(o.out, 'photos')).toBe(count(o.ref, 'photos') - 1);
    expect(o.report.tables.find((t) => t.table === 'photos')).toMatchObject({ unreadableRanges: 1 });
    expect(count(o.out, 'documents')).toBe(count(o.ref, 'documents'));
  });
});

describe('salvage refusals', () => {
  const refusal = (make: (path: string) => void): AppError => {
    const damaged = join(dir, 'damaged.sqlite');
    make(damaged);
    const before = fileSha256(damaged);
    let err: unknown = null;
    try {
      salvageStore(damaged, join(dir, 'out.sqlite'));
    } catch (e) {
      err = e;
    }
    expect(fileSha256(damaged)).toBe(before);
    // Nothing is left behind: no output, no half-built file beside it.
    expect(readdirSync(dir)).toEqual(['damaged.sqlite']);
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it('refuses a file that is not SQLite at all, naming it', () => {
    for (const make of [
      (p: string) => {
        copyFileSync(grown.path, p);
        smashHeader(p, 9);
      },
      (p: string) => writeFileSync(p, '园区简报 — not a database\n'.repeat(200)),
      (p: string) => writeFileSync(p, ''),
      (p: string) => {
        copyFileSync(grown.path, p);
        truncateStore(p, 50);
      },
    ]) {
      const err = refusal(make);
      expect(err.code).toBe('SALVAGE_NOT_A_STORE');
      expect(err.params.path).toBe(join(dir, 'damaged.sqlite'));
      expect(err.message).toContain(join(dir, 'damaged.sqlite'));
      rmSync(join(dir, 'damaged.sqlite'));
    }
  });

  it('refuses a store whose schema cannot be read', () => {
    const err = refusal((p) => {
      copyFileSync(grown.path, p);
      const leaf = storePages(p).pages.find((x) => x.name === 'sqlite_schema' && x.type === 'leaf' && x.pageno !== 1)!;
      corruptPages(p, { pages: [leaf.pageno], seed: 1 });
    });
    expect(err.code).toBe('SALVAGE_NOTHING');
  });

  it('never overwrites an existing file or the damaged store itself', () => {
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(grown.path, damaged);
    writeFileSync(join(dir, 'taken.sqlite'), 'mine');
    expect(() => salvageStore(damaged, join(dir, 'taken.sqlite'))).toThrow(expect.objectContaining({ code: 'SALVAGE_OUT_EXISTS' }));
    expect(readFileSync(join(dir, 'taken.sqlite'), 'utf8')).toBe('mine');
    expect(() => salvageStore(damaged, `${damaged}-wal`)).toThrow(expect.objectContaining({ code: 'SALVAGE_OUT_IS_SOURCE' }));
    expect(readdirSync(dir).sort()).toEqual(['damaged.sqlite', 'taken.sqlite']);
  });
});
