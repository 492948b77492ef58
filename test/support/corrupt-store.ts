// Test support: damage a closed store file the way disks and crashes do — a page overwritten, the
// file cut short, the header lost — so that salvage, the check on open and the recovery screen can
// be tested on real damage rather than on a mock. Every function returns what it did, so a test can
// say which pages it broke.

import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { seededRandom } from './seeded-random.ts';

export type PageType = 'internal' | 'leaf' | 'overflow';

export interface PageInfo {
  pageno: number;
  /** Table or index that owns the page. */
  name: string;
  type: PageType;
  /** The page's place in its b-tree as dbstat writes it: '/' is the root, '/000/' its first child … */
  path: string;
  cells: number;
}

/**
 * The pages of the store file, from SQLite's dbstat table (compiled into better-sqlite3's SQLite).
 * Opened read-only: the file must be closed and its WAL folded, or the pages read here would not be
 * the pages in the file.
 */
export function storePages(path: string): { pageSize: number; pageCount: number; pages: PageInfo[] } {
  refuseOpenStore(path);
  return readOnly(path, (db) => {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const rows = db.prepare('SELECT pageno, name, pagetype, path, ncell FROM dbstat ORDER BY pageno').all() as {
      pageno: number;
      name: string;
      pagetype: PageType;
      path: string;
      ncell: number;
    }[];
    return { pageSize, pageCount, pages: rows.map((r) => ({ pageno: r.pageno, name: r.name, type: r.pagetype, path: r.path, cells: r.ncell })) };
  });
}

/**
 * A read-only connection to a WAL-mode file creates -wal and -shm beside it and, unable to
 * checkpoint, leaves them behind: removed again here (when they did not exist before and the WAL is
 * empty), so a test can assert that nothing but its own code touched the folder.
 */
function readOnly<T>(path: string, fn: (db: Database.Database) => T): T {
  const extra = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
    const wal = `${path}-wal`;
    if (extra.includes(wal) && existsSync(wal) && statSync(wal).size === 0) {
      for (const f of extra) rmSync(f, { force: true });
    }
  }
}

export type PageChoice =
  | number[]
  /** `count` leaf pages of `table`, neither the first nor the last, so readable ranges remain on both sides. */
  | 'some-leaves-of'
  /** One interior page of `table` below its root: a whole subtree becomes unreachable. */
  | 'an-interior-of'
  /** `count` overflow pages of `table`: the long rows (photos, bulk change-log entries) they continue. */
  | 'some-overflow-of'
  /** The root page of `table`. */
  | 'root-of';

export interface CorruptOptions {
  pages: PageChoice;
  table?: string;
  count?: number;
  seed: number;
}

export interface CorruptResult {
  pages: number[];
  pageSize: number;
  /** What each broken page was before: owner, kind and place in its tree. */
  before: PageInfo[];
}

/**
 * Overwrites whole pages with seeded garbage. The first byte is forced to 0, which is no b-tree page
 * type: otherwise 4 draws in 256 would leave a page that SQLite parses and may read rows from, and a
 * test that asserts "this page is unreadable" would fail by chance.
 */
export function corruptPages(path: string, opts: CorruptOptions): CorruptResult {
  const { pageSize, pageCount, pages } = storePages(path);
  const chosen = choosePages(pages, opts);
  for (const p of chosen) {
    if (p < 2 || p > pageCount) throw new Error(`page ${p} is not a page this test may break (2…${pageCount}; page 1 holds the header: smashHeader)`);
  }
  const random = seededRandom(opts.seed);
  const fd = openSync(path, 'r+');
  try {
    for (const p of chosen) {
      const garbage = Buffer.alloc(pageSize);
      for (let i = 0; i < pageSize; i++) garbage[i] = Math.floor(random() * 256);
      garbage[0] = 0;
      writeSync(fd, garbage, 0, pageSize, (p - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
  const byNo = new Map(pages.map((p) => [p.pageno, p]));
  return { pages: chosen, pageSize, before: chosen.map((p) => byNo.get(p)!) };
}

function choosePages(pages: PageInfo[], opts: CorruptOptions): number[] {
  if (Array.isArray(opts.pages)) return [...opts.pages];
  const table = opts.table;
  if (!table) throw new Error(`corruptPages: '${opts.pages}' needs a table`);
  const own = pages.filter((p) => p.name === table);
  if (own.length === 0) throw new Error(`corruptPages: no pages belong to ${table}`);
  const random = seededRandom(opts.seed ^ 0x5bd1e995);
  const pick = (from: PageInfo[], n: number, what: string): number[] => {
    if (from.length < n) throw new Error(`corruptPages: ${table} has ${from.length} ${what}, ${n} wanted; write more rows first`);
    const pool = [...from];
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!.pageno);
    return out.sort((a, b) => a - b);
  };
  switch (opts.pages) {
    case 'some-leaves-of': {
      // dbstat lists a tree's pages in key order by path: the first and last leaves are kept intact.
      const leaves = own.filter((p) => p.type === 'leaf').sort((a, b) => a.path.localeCompare(b.path));
      return pick(leaves.slice(1, -1), opts.count ?? 2, 'inner leaf pages');
    }
    case 'an-interior-of':
      return pick(
        own.filter((p) => p.type === 'internal' && p.path !== '/'),
        1,
        'interior pages below the root',
      );
    case 'some-overflow-of':
      return pick(
        own.filter((p) => p.type === 'overflow'),
        opts.count ?? 1,
        'overflow pages',
      );
    case 'root-of':
      return [own.find((p) => p.path === '/')!.pageno];
  }
}

/** Cuts the file to its first `bytes` bytes, as a copy interrupted or a full disk leaves it. */
export function truncateStore(path: string, bytes: number): { from: number; to: number } {
  refuseOpenStore(path);
  const from = statSync(path).size;
  if (bytes < 0 || bytes >= from) throw new Error(`truncateStore: ${bytes} is not shorter than the file (${from} bytes)`);
  truncateSync(path, bytes);
  return { from, to: bytes };
}

/**
 * Overwrites the 100-byte database header (magic string, page size, version numbers) with seeded
 * garbage: the file is no longer recognisable as SQLite at all.
 */
export function smashHeader(path: string, seed = 1): { bytes: number; before: string } {
  refuseOpenStore(path);
  const fd = openSync(path, 'r+');
  try {
    const before = Buffer.alloc(16);
    readSync(fd, before, 0, 16, 0);
    const random = seededRandom(seed);
    const garbage = Buffer.alloc(100);
    for (let i = 0; i < 100; i++) garbage[i] = Math.floor(random() * 256);
    garbage[0] = 0; // never "S": the magic string cannot survive by chance
    writeSync(fd, garbage, 0, 100, 0);
    return { bytes: 100, before: before.toString('latin1').replace(/\0/g, '\\0') };
  } finally {
    closeSync(fd);
  }
}

/**
 * What SQLite's own quick check says of the file (['ok'] when nothing is wrong). The check reads
 * every row to test NOT NULL columns, and that read can itself fail on a broken page: the failure is
 * then what it reports. A file that is not SQLite at all throws.
 */
export function quickCheck(path: string, max = 20): string[] {
  return readOnly(path, (db) => {
    try {
      return (db.pragma(`quick_check(${max})`) as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (e) {
      const code = String((e as { code?: unknown }).code ?? '');
      if (!code.startsWith('SQLITE_CORRUPT')) throw e;
      return [`${code}: ${(e as Error).message}`];
    }
  });
}

/**
 * Damage written into the main file while a WAL still holds newer copies of its pages would be
 * hidden by the WAL on the next open: the test would break pages nobody reads.
 */
function refuseOpenStore(path: string): void {
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error(`${path} has a non-empty WAL: close the store (folding the WAL) before damaging it`);
}
