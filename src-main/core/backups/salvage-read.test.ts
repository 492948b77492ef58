import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corruptPages } from '../../../test/support/corrupt-store.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';
import { compareKeys, intRange, KeySpace, readRange, TableStream, valueList, type Key } from './salvage-read.ts';

describe('key space', () => {
  it('puts every key in the slice whose start is the greatest at or below it', () => {
    const space = new KeySpace([valueList([1n, 3n, 7n]), valueList(['actual', 'target']), intRange(2n, 5n)]);
    expect(space.size).toBe(3 * 2 * 4);
    for (let r = 0; r < space.size; r++) expect(space.sliceOf(space.start(r))).toBe(r);
    const random = seededRandom(4);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let n = 0; n < 2000; n++) {
      // Values in no domain too: a park between two known ones, a kind nobody wrote, an indicator past the range.
      const key: Key = [BigInt(pick([0, 1, 2, 3, 5, 7, 9])), pick(['actual', 'budget', 'target', 'zzz', 'a']), BigInt(pick([0, 1, 2, 3, 4, 5, 6, 9]))];
      const s = space.sliceOf(key);
      if (s > 0) expect(compareKeys(space.start(s), key)).toBeLessThanOrEqual(0);
      if (s < space.size - 1) expect(compareKeys(key, space.start(s + 1))).toBeLessThan(0);
    }
  });

  it('calls a slice a single key only when the last column is dense and it is not an edge', () => {
    const full = new KeySpace([valueList([1n, 2n]), intRange(10n, 12n)]);
    expect([0, 1, 2, 3, 4, 5].map((r) => full.isPoint(r))).toEqual([false, true, false, true, true, false]);
    const prefix = new KeySpace([valueList([1n, 2n])], 2);
    expect([0, 1].map((r) => prefix.isPoint(r))).toEqual([false, false]);
  });
});

describe('reading around damage', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parkbrief-salvage-read-'));
    path = join(dir, 'a.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE v (a INTEGER NOT NULL, b TEXT NOT NULL, c INTEGER NOT NULL, x TEXT, PRIMARY KEY (a, b, c)) WITHOUT ROWID');
    const ins = db.prepare('INSERT INTO v VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let a = 1; a <= 40; a++) for (const b of ['actual', 'target']) for (let c = 1; c <= 150; c++) ins.run(a * 3, b, c, `${a}/${b}/${c}`.padEnd(60, '.'));
    })();
    db.close();
    corruptPages(path, { pages: 'some-leaves-of', table: 'v', count: 6, seed: 9 });
    corruptPages(path, { pages: 'an-interior-of', table: 'v', seed: 10 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Every key a point lookup can still read. */
  function pointReadable(db: Database.Database): Set<string> {
    const get = db.prepare('SELECT x FROM v WHERE a = ? AND b = ? AND c = ?');
    const out = new Set<string>();
    for (let a = 1; a <= 40; a++)
      for (const b of ['actual', 'target'])
        for (let c = 1; c <= 150; c++) {
          try {
            if (get.get(a * 3, b, c)) out.add(`${a * 3}/${b}/${c}`);
          } catch {
            // unreadable
          }
        }
    return out;
  }

  const readAll = (space: KeySpace) => {
    const db = new Database(path, { readonly: true });
    try {
      const want = pointReadable(db);
      const got = new Map<string, string>();
      const stream = new TableStream(db, { from: 'v', keyCols: ['a', 'b', 'c'], cols: ['x'] });
      const outcome = readRange(stream, space, { i: 0, j: space.size - 1 }, (key, row) => {
        const k = key.join('/');
        expect(got.has(k), `${k} read twice`).toBe(false);
        got.set(k, row[0] as string);
      });
      // Nothing invented: each row read is the row stored under its key.
      for (const [k, x] of got) {
        const [a, b, c] = k.split('/');
        expect(x.replace(/\.+$/, '')).toBe(`${Number(a) / 3}/${b}/${c}`);
      }
      return { want, got, outcome };
    } finally {
      db.close();
    }
  };

  it('reads every row a point lookup can read when every key column is known', () => {
    const { want, got, outcome } = readAll(new KeySpace([valueList(Array.from({ length: 40 }, (_, i) => BigInt(i * 3 + 3))), valueList(['actual', 'target']), intRange(1n, 150n)]));
    expect(want.size).toBeLessThan(40 * 2 * 150);
    for (const k of want) expect(got.has(k), k).toBe(true);
    expect(outcome.failed.length).toBeGreaterThan(0);
  });

  it('with a coarser key space, cut at key prefixes, still reads only true rows, once each', () => {
    // Nothing known of b: no bound ever holds NULL (which would skip rows silently); a slice that
    // fails is given up whole, so some readable rows may go with it — the resolution of the space.
    for (const space of [new KeySpace([valueList([3n, 30n, 60n, 90n])], 3), new KeySpace([], 3)]) {
      const { want, got, outcome } = readAll(space);
      expect(got.size).toBeGreaterThan(0);
      expect(got.size).toBeLessThanOrEqual(want.size + 10);
      expect(outcome.failed.length).toBeGreaterThan(0);
    }
  });
});
