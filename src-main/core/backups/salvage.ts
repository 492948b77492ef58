// Salvage: a new store holding every row that can still be read from a damaged one.
//
// The damaged file is the user's evidence and the source of any later, better rescue, so nothing
// here writes to it: it is copied (with its WAL) into a temporary folder first, because SQLite opening
// even read-only may replay a WAL or a hot journal when it closes. The new store is built beside its
// final name and renamed into place only once it has passed its checks.

import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { SalvageTable } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { fsyncFile, fsyncFolder } from '../files/fsync.ts';
import { ENTITY_TABLES } from '../history/change-log.ts';
import { newId } from '../ids.ts';
import { migrate } from '../store/migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../store/migrations/index.ts';
import { intRange, KeySpace, readRange, TableStream, valueList, type Domain, type Key, type KeyPart, type Range, type Row } from './salvage-read.ts';

export interface SalvageReport {
  tables: SalvageTable[];
  /** Schema version of the damaged store, and of the salvaged one (always the current). */
  fromVersion: number;
  toVersion: number;
  /** Rows that read but that the schema refused (garbage a damaged page passed off as a row). */
  rowsRefused: number;
  /** Batches taken off the undo stack: history across a damaged stretch cannot be replayed safely. */
  batchesClosed: number;
  /** Statements run against the damaged copy: how hard the damage was to read around. */
  statements: number;
}

/** Written into the change log of the salvaged store, so its history says what happened to it. */
export const SALVAGE_LABEL = '抢救：从损坏的数据库导出可读数据';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Copies what can be read from the store at `damagedPath` into a new store at `outPath` (which must
 * not exist). Throws SALVAGE_NOT_A_STORE when the file is not SQLite at all, SALVAGE_NOTHING when
 * not even its schema can be read, STORE_TOO_NEW for a store of a later ParkBrief.
 */
export interface SalvageOptions {
  /**
   * Where it works, chosen by a caller that may stop it midway (a worker ended): the scratch folder
   * for the damaged file's copy and the file the new store is built in, both removed afterwards.
   */
  scratch?: { work: string; building: string };
  /** Rows copied so far, after each table. */
  onRows?: (rows: number) => void;
}

/** A fresh scratch folder and building name for a salvage into `outPath`. */
export function salvageScratch(outPath: string): { work: string; building: string } {
  return { work: mkdtempSync(join(tmpdir(), 'parkbrief-salvage-')), building: `${resolve(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.salvaging` };
}

export function salvageStore(damagedPath: string, outPath: string, opts: SalvageOptions = {}): SalvageReport {
  const source = resolve(damagedPath);
  const out = resolve(outPath);
  if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(out)) {
    throw new AppError('SALVAGE_OUT_IS_SOURCE', { path: out });
  }
  if (existsSync(out)) throw new AppError('SALVAGE_OUT_EXISTS', { path: out });
  checkHeader(source);

  const { work, building } = opts.scratch ?? salvageScratch(out);
  let db: Database.Database | null = null;
  let reader: Database.Database | null = null;
  try {
    mkdirSync(dirname(out), { recursive: true });
    const copy = join(work, 'damaged.sqlite');
    copyFileSync(source, copy);
    // The WAL and a hot journal hold committed (or to-be-rolled-back) pages that belong to the file;
    // -shm is only an index SQLite rebuilds from the WAL, and a stale one would mislead it.
    for (const suffix of ['-wal', '-journal']) if (existsSync(source + suffix)) copyFileSync(source + suffix, copy + suffix);

    // Rows are read around damage on a connection of their own: one connection cannot insert while
    // it iterates, and once a read inside a write transaction meets a damaged page, SQLite fails that
    // transaction's commit.
    reader = openDamaged(copy, source);
    const fromVersion = damagedVersion(reader, source);

    db = new Database(building);
    // The file is thrown away if anything fails, so it needs no durability until it is complete.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    // Built at the damaged store's own version and then migrated: a migration may transform rows, not
    // only add tables and columns, and rows copied straight into today's schema would skip that.
    migrate(db, building, MIGRATIONS.filter((m) => m.version <= fromVersion));
    const report = copyEverything(db, reader, copy, opts.onRows);
    reader.close();
    db.pragma('foreign_keys = ON');
    migrate(db, building);
    recordSalvage(db);
    verify(db, out);
    db.pragma('journal_mode = DELETE');
    db.close();
    db = null;
    fsyncFile(building);
    renameSync(building, out);
    fsyncFolder(dirname(out));
    return { ...report, fromVersion, toVersion: SCHEMA_VERSION };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('SALVAGE_FAILED', { path: out, detail: (e as Error).message }, undefined, { cause: e });
  } finally {
    if (reader?.open) reader.close();
    if (db?.open) db.close();
    for (const f of [building, `${building}-journal`, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** The 100-byte header names the format and the page size; without it no page can be found. */
function checkHeader(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new AppError('STORE_UNREADABLE', { path, detail: (e as Error).message });
  }
  const header = Buffer.alloc(100);
  let n: number;
  try {
    n = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const refuse = (detail: string) => new AppError('SALVAGE_NOT_A_STORE', { path, detail });
  if (n < 100) throw refuse(`${n} bytes, shorter than the 100-byte header`);
  if (!header.subarray(0, 16).equals(MAGIC)) throw refuse('no "SQLite format 3" signature');
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw refuse(`invalid page size ${raw}`);
}

function openDamaged(copy: string, source: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    db = new Database(copy, { fileMustExist: true });
    // Lets SQLite read a file shorter than its header says (a truncated store would otherwise be
    // refused whole) and skip schema entries it cannot parse. writable_schema only takes effect with
    // better-sqlite3's defensive mode off; nothing is written through this connection.
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (e) {
    db?.close();
    const code = String((e as { code?: unknown }).code ?? '');
    if (code === 'SQLITE_NOTADB') throw new AppError('SALVAGE_NOT_A_STORE', { path: source, detail: (e as Error).message }, undefined, { cause: e });
    throw new AppError('SALVAGE_NOTHING', { path: source, detail: `the schema is unreadable: ${(e as Error).message}` }, undefined, { cause: e });
  }
}

/**
 * The damaged store's schema version. Version 0 with ParkBrief's tables present means the header
 * field was lost, not that the store is new: the version is then the latest whose tables all exist.
 */
function damagedVersion(db: Database.Database, source: string): number {
  const stated = db.pragma('user_version', { simple: true }) as number;
  if (stated > SCHEMA_VERSION) throw new AppError('STORE_TOO_NEW', { path: source, found: stated, supported: SCHEMA_VERSION });
  if (stated > 0) return stated;
  const present = new Set(tableNames(db));
  for (let v = SCHEMA_VERSION; v >= 1; v--) {
    const probe = new Database(':memory:');
    try {
      migrate(probe, ':memory:', MIGRATIONS.filter((m) => m.version <= v));
      if (tableNames(probe).every((t) => present.has(t))) return v;
    } finally {
      probe.close();
    }
  }
  throw new AppError('SALVAGE_NOTHING', { path: source, detail: 'no ParkBrief table in it' });
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[]).sort();
}

interface TableInfo {
  name: string;
  withoutRowid: boolean;
  parents: { table: string; from: string[]; to: string[] }[];
}

function tableInfo(db: Database.Database, name: string): TableInfo {
  const list = db.prepare(`PRAGMA table_list(${quote(name)})`).get() as { wr: number };
  const fks = db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as { id: number; table: string; from: string; to: string | null }[];
  const byId = new Map<number, { table: string; from: string[]; to: string[] }>();
  for (const fk of fks) {
    const g = byId.get(fk.id) ?? { table: fk.table, from: [], to: [] };
    g.from.push(fk.from);
    g.to.push(fk.to ?? primaryKey(db, fk.table)[g.from.length - 1]!);
    byId.set(fk.id, g);
  }
  return { name, withoutRowid: list.wr === 1, parents: [...byId.values()] };
}

function primaryKey(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Parents before children (the ranges of a composite key are cut at the parents' keys), and the
 * WITHOUT ROWID tables last: their key candidates come from rows copied before them (settings keys
 * and photo hashes named in the change log and the documents).
 */
function copyOrder(tables: TableInfo[]): TableInfo[] {
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.parents) {
      const parent = tables.find((x) => x.name === p.table);
      if (parent && parent.withoutRowid === t.withoutRowid) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const group of [false, true]) for (const t of tables.filter((x) => x.withoutRowid === group)) visit(t, new Set());
  return out;
}

interface Copied extends SalvageTable {
  refused: number;
}

function copyEverything(db: Database.Database, reader: Database.Database, copy: string, onRows?: (rows: number) => void): Omit<SalvageReport, 'fromVersion' | 'toVersion'> {
  const tables = copyOrder(tableNames(db).map((n) => tableInfo(db, n)));
  const present = new Set(tableNames(reader));
  const results = new Map<string, Copied>();
  const pages = pageReader(reader, copy);
  let statements = 0;
  let copied = 0;
  const attached = attachForFastPath(db, copy);
  try {
    for (const t of tables) {
      const r: Copied = { table: t.name, kept: 0, unreadableRanges: 0, orphansDropped: 0, refused: 0 };
      results.set(t.name, r);
      // A table the schema of its version has but the damaged schema lacks was lost with it.
      if (!present.has(t.name)) r.unreadableRanges = 1;
      else statements += copyTable(db, reader, t, r, pages, attached);
      copied += r.kept;
      onRows?.(copied);
    }
  } finally {
    if (attached) db.exec('DETACH DATABASE src');
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
  }
  db.exec('BEGIN');
  try {
    const orphans = dropOrphans(db, tables);
    for (const [table, n] of orphans) results.get(table)!.orphansDropped = n;
    carrySequences(db, reader);
    const batchesClosed = closeHistory(db);
    db.exec('COMMIT');
    const list = [...results.values()];
    for (const r of list) r.kept -= r.orphansDropped;
    return {
      tables: list.map(({ table, kept, unreadableRanges, orphansDropped }) => ({ table, kept, unreadableRanges, orphansDropped })),
      rowsRefused: list.reduce((n, r) => n + r.refused, 0),
      batchesClosed,
      statements,
    };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

const isSqliteError = (e: unknown) => String((e as { code?: unknown })?.code ?? '').startsWith('SQLITE_');

/**
 * Whether a table's root page is a b-tree page at all, read from the file's bytes. A root that is
 * not makes every statement on the table fail, and bisecting its key space would run one failing
 * statement per key for nothing (a minute for 250,000 figures).
 */
function pageReader(reader: Database.Database, copy: string): { rootIsPage(table: string): boolean } {
  const pageSize = reader.pragma('page_size', { simple: true }) as number;
  // A WAL may hold a newer copy of the page than the file: then only SQLite can tell.
  const wal = `${copy}-wal`;
  const walHoldsPages = existsSync(wal) && statSync(wal).size > 0;
  return {
    rootIsPage(table) {
      if (walHoldsPages) return true;
      const root = tryRead(() => reader.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as number | undefined);
      if (!root) return false;
      const fd = openSync(copy, 'r');
      try {
        const type = Buffer.alloc(1);
        const n = readSync(fd, type, 0, 1, (root - 1) * pageSize + (root === 1 ? 100 : 0));
        // Interior and leaf pages of index and table b-trees; a page past the end of the file reads as nothing.
        return n === 1 && [2, 5, 10, 13].includes(type[0]!);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * The damaged copy attached to the new store, for whole-table copies in one statement. Attaching
 * reads its schema, which a truncated file only allows with writable_schema (see openDamaged); when
 * even that fails, every table goes row by row through the reader.
 */
function attachForFastPath(db: Database.Database, copy: string): boolean {
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  try {
    db.prepare('ATTACH DATABASE ? AS src').run(copy);
    db.prepare('SELECT count(*) FROM src.sqlite_schema').get();
    return true;
  } catch (e) {
    if (!isSqliteError(e)) throw e;
    if (db.prepare("SELECT count(*) FROM pragma_database_list WHERE name = 'src'").pluck().get()) db.exec('DETACH DATABASE src');
    return false;
  }
}

/** Copies one table; returns the statements it took. */
function copyTable(
  db: Database.Database,
  reader: Database.Database,
  t: TableInfo,
  r: Copied,
  pages: { rootIsPage(table: string): boolean },
  attached: boolean,
): number {
  const srcCols = new Set((reader.prepare(`PRAGMA table_info(${quote(t.name)})`).all() as { name: string }[]).map((c) => c.name));
  // Only columns both have: the new store is at the damaged store's version, so this is every column
  // unless the damaged schema is not what its version says.
  const cols = (db.prepare(`PRAGMA main.table_info(${quote(t.name)})`).all() as { name: string }[]).map((c) => c.name).filter((c) => srcCols.has(c)).map(quote);
  if (!pages.rootIsPage(t.name)) {
    r.unreadableRanges = 1;
    return 0;
  }
  const sound = rowCheck(t.name, cols);
  if (!sound && attached) {
    // The whole table in one statement when it reads: the common case, and the fastest by far. In
    // autocommit, so a damaged page rolls back only this statement: inside a transaction, a read that
    // meets one makes SQLite fail the commit of everything written since.
    try {
      r.kept = db.prepare(`INSERT INTO main.${quote(t.name)} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM src.${quote(t.name)}`).run().changes;
      return 1;
    } catch (e) {
      if (!isSqliteError(e)) throw e;
    }
  }
  // Row by row from the reader's connection, into a transaction that never reads the damaged file.
  const check = sound ?? (() => true);
  const insert = db.prepare(`INSERT INTO main.${quote(t.name)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const keyCols = t.withoutRowid ? primaryKey(reader, t.name) : ['rowid'];
  const seen = keyCols.map(() => new Set<KeyPart>());
  const sink = (key: Key, row: Row) => {
    if (t.withoutRowid) key.forEach((v, c) => seen[c]!.add(v));
    if (!check(row)) {
      r.refused++;
      return;
    }
    try {
      insert.run(...row);
      r.kept++;
    } catch (e) {
      if (!isSqliteError(e)) throw e;
      r.refused++;
    }
  };
  const stream = new TableStream(reader, { from: quote(t.name), keyCols, cols });
  // Every statement that meets a damaged page throws; capturing a stack for each doubled its cost.
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  db.exec('BEGIN');
  try {
    const fwd = stream.scan(null, null, 'ASC', sink);
    if (!fwd.ok) {
      let first: Key | null = null;
      const lower = fwd.last ? { key: fwd.last, inclusive: false } : null;
      const bwd = stream.scan(lower, null, 'DESC', (k, row) => {
        first = k;
        sink(k, row);
      });
      if (!bwd.ok) {
        const space = t.withoutRowid ? compositeSpace(db, t, keyCols, seen) : rowidSpace(reader, t.name, [fwd.last, first]);
        const range: Range = { i: fwd.last ? space.sliceOf(fwd.last) : 0, j: first ? space.sliceOf(first) : space.size - 1 };
        if (fwd.last) range.after = fwd.last;
        if (first) range.before = first;
        r.unreadableRanges += readRange(stream, space, range, sink).failed.length;
      }
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
  r.unreadableRanges += r.refused;
  return stream.statements + (!sound && attached ? 1 : 0);
}

/**
 * An overflow page holds only the continuation of a long value, with no structure SQLite could find
 * broken: garbage there reads back as a row without any error. Where the row can vouch for itself,
 * it is checked — a photo is named by the hash of its bytes, a change-log entry is JSON — and a row
 * that fails is refused like any unreadable one. (Document bodies and settings are JSON too; their
 * CHECK constraints refuse them on insert.)
 */
function rowCheck(table: string, cols: string[]): ((row: Row) => boolean) | null {
  const at = (name: string) => cols.indexOf(quote(name));
  if (table === 'photos' && at('sha256') >= 0 && at('bytes') >= 0) {
    const sha = at('sha256');
    const bytes = at('bytes');
    return (row) => row[bytes] instanceof Uint8Array && createHash('sha256').update(row[bytes]).digest('hex') === row[sha];
  }
  if (table === 'changes') {
    const json = ['before', 'after'].map(at).filter((i) => i >= 0);
    return (row) => json.every((i) => row[i] === null || isJson(row[i]));
  }
  return null;
}

function isJson(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

/** Reads one value, or nothing when the pages it needs are damaged. */
function tryRead<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!isSqliteError(e)) throw e;
    return undefined;
  }
}

/**
 * Integers from the smallest to the largest rowid anyone can vouch for: the table's own min and max
 * (each may sit on a damaged page), every index of the table (its entries carry the rowids of rows
 * whose table pages are lost), and the AUTOINCREMENT counter.
 */
function rowidSpace(db: Database.Database, table: string, read: (Key | null)[]): KeySpace {
  const hints: bigint[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'bigint') hints.push(v);
    else if (typeof v === 'number' && Number.isInteger(v)) hints.push(BigInt(v));
  };
  for (const k of read) if (k) add(k[0]);
  for (const agg of ['min', 'max']) add(tryRead(() => db.prepare(`SELECT ${agg}(rowid) FROM ${quote(table)}`).pluck().safeIntegers(true).get()));
  add(tryRead(() => db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().safeIntegers(true).get(table)));
  const indexes = tryRead(() => db.prepare(`PRAGMA index_list(${quote(table)})`).all() as { name: string; partial: number }[]) ?? [];
  for (const idx of indexes.filter((i) => !i.partial)) {
    let lo: bigint | null = null;
    let hi: bigint | null = null;
    tryRead(() => {
      for (const v of db.prepare(`SELECT rowid FROM ${quote(table)} INDEXED BY ${quote(idx.name)}`).pluck().safeIntegers(true).iterate() as IterableIterator<bigint>) {
        if (lo === null || v < lo) lo = v;
        if (hi === null || v > hi) hi = v;
      }
    });
    add(lo);
    add(hi);
  }
  if (hints.length === 0) return new KeySpace([intRange(0n, 0n)]);
  const lo = hints.reduce((a, b) => (b < a ? b : a));
  const hi = hints.reduce((a, b) => (b > a ? b : a));
  return new KeySpace([intRange(lo, hi)]);
}

/**
 * A WITHOUT ROWID table's key, column by column: the values already read, the keys of the parent the
 * column refers to (copied before), and for text keys the keys the rest of the store names (settings
 * in the change log, photo hashes in the documents). A last integer column is cut at every integer
 * between its smallest and largest value, so each slice there is one key.
 */
function compositeSpace(db: Database.Database, t: TableInfo, keyCols: string[], seen: Set<KeyPart>[]): KeySpace {
  const domains: Domain[] = [];
  for (const [c, col] of keyCols.entries()) {
    const values = new Set<KeyPart>(seen[c]);
    for (const p of t.parents) {
      const at = p.from.indexOf(col);
      if (at === -1) continue;
      for (const v of db.prepare(`SELECT DISTINCT ${quote(p.to[at]!)} FROM main.${quote(p.table)}`).pluck().safeIntegers(true).all() as KeyPart[]) values.add(v);
    }
    if (keyCols.length === 1) for (const v of namedKeys(db, t.name)) values.add(v);
    for (const v of checkedValues(db, t.name, col)) values.add(v);
    const list = [...values].filter((v) => v !== null);
    // A column nothing is known of ends the key space here: the slices are cut at key prefixes.
    if (list.length === 0) break;
    const ints = list.every((v) => typeof v === 'bigint' || typeof v === 'number');
    if (ints && c === keyCols.length - 1) {
      const nums = list.map((v) => BigInt(v as bigint | number));
      const lo = nums.reduce((a, b) => (b < a ? b : a));
      const hi = nums.reduce((a, b) => (b > a ? b : a));
      // Dense integer keys (local pks): one slice per integer. Sparse ones are cut at known values.
      if (hi - lo < BigInt(list.length) * 4n + 1000n) {
        domains.push(intRange(lo, hi));
        continue;
      }
    }
    domains.push(valueList(list));
  }
  return new KeySpace(domains, keyCols.length);
}

/**
 * The values a CHECK (col IN ('a', 'b')) allows: a figure's kind is 'actual' or 'target' even when no
 * readable row shows one of them, and the key space is cut at both.
 */
function checkedValues(db: Database.Database, table: string, col: string): string[] {
  const sql = (db.prepare("SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined) ?? '';
  const out: string[] = [];
  const pattern = /CHECK\s*\(\s*"?(\w+)"?\s+IN\s*\(((?:\s*'[^']*'\s*,?)+)\)\s*\)/gi;
  for (const m of sql.matchAll(pattern)) if (m[1] === col) out.push(...[...m[2]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!));
  return out;
}

const SHA256_IN_TEXT = /\b[0-9a-f]{64}\b/g;

/** Keys of a single-text-key table that other tables mention (in the new store: the copied rows). */
function namedKeys(db: Database.Database, table: string): string[] {
  const out: string[] = [];
  const entity = Object.entries(ENTITY_TABLES).find(([, v]) => v.table === table && v.key.length === 1)?.[0];
  const has = new Set(tableNames(db));
  if (entity && has.has('changes')) out.push(...(db.prepare('SELECT DISTINCT entity_id FROM main.changes WHERE entity = ?').pluck().all(entity) as string[]));
  if (table === 'photos') {
    // Photos are named by hash from the documents and their logged versions; between those, the
    // two-hex-digit prefixes cut the rest of the hash space into 256 stretches.
    for (let i = 0; i < 256; i++) out.push(i.toString(16).padStart(2, '0'));
    const texts: string[] = [];
    if (has.has('documents')) texts.push(...(db.prepare('SELECT body FROM main.documents').pluck().all() as string[]));
    if (has.has('changes')) texts.push(...(db.prepare("SELECT coalesce(before, '') || ' ' || coalesce(after, '') FROM main.changes WHERE entity = 'document'").pluck().all() as string[]));
    for (const text of texts) out.push(...(text.match(SHA256_IN_TEXT) ?? []));
  }
  return out;
}

/**
 * Deletes rows whose parent row was lost (a figure of a park that is gone, a change of a batch that
 * is gone), repeating until none is left: an indicator dropped for its lost category takes its
 * figures with it. Returns the count per table.
 */
function dropOrphans(db: Database.Database, tables: TableInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of tables) {
      for (const p of t.parents) {
        const child = quote(t.name);
        const notNull = p.from.map((c) => `${child}.${quote(c)} IS NOT NULL`).join(' AND ');
        const match = p.from.map((c, i) => `parent.${quote(p.to[i]!)} = ${child}.${quote(c)}`).join(' AND ');
        const n = db.prepare(`DELETE FROM ${child} WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${quote(p.table)} AS parent WHERE ${match})`).run().changes;
        if (n > 0) {
          counts.set(t.name, (counts.get(t.name) ?? 0) + n);
          changed = true;
        }
      }
    }
  }
  return counts;
}

/**
 * AUTOINCREMENT counters go on from the damaged store's, where it still reads: a batch or change
 * number that was used in the lost part must not be handed out again to mean something else.
 */
function carrySequences(db: Database.Database, reader: Database.Database): void {
  const rows = tryRead(() => reader.prepare('SELECT name, seq FROM sqlite_sequence').safeIntegers(true).all() as { name: string; seq: bigint }[]);
  if (!rows) return;
  const has = new Set(tableNames(db));
  for (const { name, seq } of rows) {
    if (!has.has(name)) continue;
    const cur = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().safeIntegers(true).get(name) as bigint | undefined;
    if (cur === undefined) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, seq);
    else if (cur < seq) db.prepare('UPDATE sqlite_sequence SET seq = ? WHERE name = ?').run(seq, name);
  }
}

/**
 * Undo replays a batch's before-images on the assumption that the store is exactly what the batches
 * up to it made. After damage it is not: an undo could write back figures whose later changes were
 * lost, or fail half-way on a row whose park is gone. So the whole history is kept for reading and
 * merging but taken off the undo stack: done batches become 'none' (applied, not undoable), undone
 * ones 'dropped' (not applied, not redoable), as writeBatch itself marks them.
 */
function closeHistory(db: Database.Database): number {
  if (!tableNames(db).includes('batches')) return 0;
  return db
    .prepare("UPDATE batches SET undo_state = CASE undo_state WHEN 'done' THEN 'none' ELSE 'dropped' END WHERE undo_state IN ('done', 'undone')")
    .run().changes;
}

function recordSalvage(db: Database.Database): void {
  db.prepare("INSERT INTO batches (id, at, origin, actor, label, undo_state) VALUES (?, ?, 'salvage', ?, ?, 'none')").run(
    newId(),
    new Date().toISOString(),
    process.env.USER ?? process.env.USERNAME ?? 'user',
    SALVAGE_LABEL,
  );
}

function verify(db: Database.Database, out: string): void {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok') throw new AppError('SALVAGE_FAILED', { path: out, detail: `integrity_check: ${integrity.slice(0, 3).join('; ')}` });
  const fk = db.pragma('foreign_key_check') as { table: string }[];
  if (fk.length > 0) throw new AppError('SALVAGE_FAILED', { path: out, detail: `foreign_key_check: ${fk.length} rows (${fk[0]!.table} …)` });
}
