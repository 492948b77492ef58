import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corruptPages, quickCheck, smashHeader, storePages, truncateStore } from './corrupt-store.ts';

// A store of its own, not the demo: the helper must work on any SQLite file, and a table of a
// known shape makes "which pages changed" exact.
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-corrupt-'));
  path = join(dir, 'store.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE TABLE w (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID');
  const insT = db.prepare('INSERT INTO t (body) VALUES (?)');
  const insW = db.prepare('INSERT INTO w (k, v) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 30000; i++) insT.run(`row ${i} `.padEnd(90, '·'));
    for (let i = 0; i < 300; i++) insW.run(`key-${String(i).padStart(4, '0')}`, 'x'.repeat(i % 7 === 0 ? 9000 : 40));
  })();
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pagesDiffering(a: Buffer, b: Buffer, pageSize: number): number[] {
  const out: number[] = [];
  for (let p = 0; p * pageSize < a.length; p++) {
    if (!a.subarray(p * pageSize, (p + 1) * pageSize).equals(b.subarray(p * pageSize, (p + 1) * pageSize))) out.push(p + 1);
  }
  return out;
}

describe('corrupt-store', () => {
  it('breaks exactly the chosen inner leaf pages of a table, and quick_check sees them', () => {
    expect(quickCheck(path)).toEqual(['ok']);
    const before = readFileSync(path);
    const r = corruptPages(path, { pages: 'some-leaves-of', table: 't', count: 3, seed: 7 });
    expect(r.pages).toHaveLength(3);
    expect(r.before.every((p) => p.name === 't' && p.type === 'leaf')).toBe(true);
    expect(pagesDiffering(before, readFileSync(path), r.pageSize)).toEqual(r.pages);
    expect(quickCheck(path)).not.toEqual(['ok']);
    // The table around the broken leaves still reads: the first row and the last.
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT body FROM t WHERE id = 1').pluck().get()).toMatch(/^row 0 /);
    expect(db.prepare('SELECT body FROM t WHERE id = 30000').pluck().get()).toMatch(/^row 29999 /);
    expect(() => db.prepare('SELECT count(*) FROM t').get()).toThrow(/malformed/);
    db.close();
  });

  it('is repeatable: one seed, one set of pages and bytes', () => {
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(path, copy);
    const a = corruptPages(path, { pages: 'some-leaves-of', table: 't', count: 2, seed: 42 });
    const b = corruptPages(copy, { pages: 'some-leaves-of', table: 't', count: 2, seed: 42 });
    expect(a.pages).toEqual(b.pages);
    expect(readFileSync(path).equals(readFileSync(copy))).toBe(true);
    const c = corruptPages(join(dir, 'copy.sqlite'), { pages: 'some-leaves-of', table: 't', count: 2, seed: 43 });
    expect(c.pages).not.toEqual(a.pages);
  });

  it('breaks an interior page below the root, an overflow page, or the given page numbers', () => {
    const interior = corruptPages(path, { pages: 'an-interior-of', table: 't', seed: 1 });
    expect(interior.before[0]).toMatchObject({ name: 't', type: 'internal' });
    expect(interior.before[0]!.path).not.toBe('/');
    expect(quickCheck(path)).not.toEqual(['ok']);

    const overflow = corruptPages(path, { pages: 'some-overflow-of', table: 'w', seed: 1 });
    expect(overflow.before[0]).toMatchObject({ name: 'w', type: 'overflow' });

    const leafOfW = storePages(path).pages.find((p) => p.name === 'w' && p.type === 'leaf')!.pageno;
    expect(corruptPages(path, { pages: [leafOfW], seed: 1 }).pages).toEqual([leafOfW]);
    expect(() => corruptPages(path, { pages: [1], seed: 1 })).toThrow(/header/);
  });

  it('cuts a file short, and the check notices the missing pages', () => {
    const size = statSync(path).size;
    expect(truncateStore(path, Math.floor(size / 2))).toEqual({ from: size, to: Math.floor(size / 2) });
    expect(statSync(path).size).toBe(Math.floor(size / 2));
    expect(quickCheck(path)).not.toEqual(['ok']);
  });

  it('smashes the header so the file is no longer SQLite', () => {
    expect(smashHeader(path, 3)).toEqual({ bytes: 100, before: 'SQLite format 3\\0' });
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(() => quickCheck(path)).toThrow(/not a database/);
  });

  it('refuses a store whose WAL still holds pages: the damage would be hidden', () => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.prepare('INSERT INTO t (body) VALUES (?)').run('late');
    // Left open: the WAL is not folded into the file.
    try {
      expect(() => corruptPages(path, { pages: 'some-leaves-of', table: 't', seed: 1 })).toThrow(/WAL/);
    } finally {
      db.close();
    }
    expect(corruptPages(path, { pages: 'some-leaves-of', table: 't', seed: 1 }).pages).toHaveLength(2);
  });
});
