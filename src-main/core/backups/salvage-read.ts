// Reading every row that can still be read from one table of a damaged SQLite file.
//
// A damaged page makes any statement that touches it fail with SQLITE_CORRUPT, while statements that
// reach other pages still work. A b-tree is read in key order, so damage cuts the key space into
// readable and unreadable stretches. The reader:
//   1. streams the range forwards and keeps every row it yields before the failure;
//   2. streams it backwards from the other end down to the last key the forward pass read;
//   3. whatever lies between — where the damage is — it splits in two and reads each half the same way.
// The key space is cut into slices (rowid: one integer each; a composite key: one key of the product
// of the values known for its columns; text: the stretch between two known keys), so splitting ends:
// a single slice that still fails is one unreadable stretch, unless it is a single key, which is then
// looked up by equality (a lookup never steps onto a neighbouring page the way a scan does).

import type { Database, Statement } from 'better-sqlite3';

export type KeyPart = number | bigint | string | null;
export type Key = KeyPart[];
export type Row = unknown[];

/** SQLite's order for the values a key holds: NULL, numbers, text (as UTF-8 bytes), blobs. */
export function compareParts(a: KeyPart, b: KeyPart): number {
  const rank = (v: KeyPart) => (v === null ? 0 : typeof v === 'string' ? 2 : typeof v === 'object' ? 3 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra === 2) return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
  if (ra === 3) return Buffer.compare(a as unknown as Buffer, b as unknown as Buffer);
  return 0;
}

export function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareParts(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** The ordered values one key column is cut at. */
export interface Domain {
  size: number;
  at(i: number): KeyPart;
  /** The largest i with at(i) <= v, or -1 when v is below every value. */
  floor(v: KeyPart): number;
  /** True when nothing can sort strictly between at(i) and at(i + 1): integers in a STRICT column. */
  dense: boolean;
}

export function intRange(lo: bigint, hi: bigint): Domain {
  const size = Number(hi - lo) + 1;
  return {
    size,
    dense: true,
    at: (i) => lo + BigInt(i),
    floor(v) {
      if (typeof v !== 'number' && typeof v !== 'bigint') return typeof v === 'string' ? size - 1 : -1;
      const b = typeof v === 'bigint' ? v : BigInt(Math.floor(v));
      if (b < lo) return -1;
      return b > hi ? size - 1 : Number(b - lo);
    },
  };
}

export function valueList(values: Iterable<KeyPart>): Domain {
  const sorted = [...values].sort(compareParts).filter((v, i, a) => i === 0 || compareParts(a[i - 1]!, v) !== 0);
  return {
    size: sorted.length,
    dense: false,
    at: (i) => sorted[i]!,
    floor(v) {
      let lo = 0;
      let hi = sorted.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (compareParts(sorted[mid]!, v) <= 0) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    },
  };
}

/**
 * The product of the domains in lexicographic order: slice r starts at the r-th key of the product and
 * ends where slice r + 1 starts; slice 0 reaches down to −∞ and the last one up to +∞, so the slices
 * cover every key, including keys whose values are in no domain (a figure of a park whose row was
 * lost still falls in some slice and is read with it). The domains may cover only the first columns
 * of the key: slice bounds are then key prefixes.
 */
export class KeySpace {
  readonly size: number;
  readonly domains: Domain[];
  private readonly keyLength: number;
  constructor(domains: Domain[], keyLength = domains.length) {
    this.domains = domains;
    this.keyLength = keyLength;
    if (domains.some((d) => d.size === 0)) throw new Error('empty key domain');
    this.size = domains.reduce((n, d) => n * d.size, 1);
    if (!Number.isSafeInteger(this.size)) throw new Error('key space too large');
  }

  start(r: number): Key {
    const key: Key = new Array(this.domains.length);
    for (let c = this.domains.length - 1; c >= 0; c--) {
      const d = this.domains[c]!;
      key[c] = d.at(r % d.size);
      r = Math.floor(r / d.size);
    }
    return key;
  }

  private rank(digits: number[]): number {
    return digits.reduce((r, digit, c) => r * this.domains[c]!.size + digit, 0);
  }

  sliceOf(key: Key): number {
    const digits: number[] = [];
    for (let c = 0; c < this.domains.length; c++) {
      const d = this.domains[c]!;
      const i = d.floor(key[c]!);
      const rest = this.domains.slice(c + 1);
      if (i === -1) return Math.max(0, this.rank([...digits, 0, ...rest.map(() => 0)]) - 1);
      if (compareParts(d.at(i), key[c]!) !== 0) return this.rank([...digits, i, ...rest.map((x) => x.size - 1)]);
      digits.push(i);
    }
    return this.rank(digits);
  }

  /** The slice holds at most one key, its start: the last column is dense and the slice is not an edge. */
  isPoint(r: number): boolean {
    const last = this.domains[this.domains.length - 1];
    return !!last && this.domains.length === this.keyLength && last.dense && r > 0 && r % last.size !== last.size - 1;
  }
}

export interface Range {
  i: number;
  j: number;
  /** Exclusive bounds tighter than the slices' own: keys already read on either side. */
  after?: Key;
  before?: Key;
}

export interface ReadTarget {
  /** Schema-qualified table, quoted: src."indicator_values". */
  from: string;
  /** Key columns in b-tree order; ['rowid'] for a rowid table. */
  keyCols: string[];
  /** Columns to copy, quoted. */
  cols: string[];
}

export interface ReadOutcome {
  /** Slice intervals that could not be read, merged: each is one unreadable stretch of the table. */
  failed: [number, number][];
  statements: number;
}

const isReadError = (e: unknown): boolean => typeof (e as { code?: unknown })?.code === 'string' && String((e as { code: string }).code).startsWith('SQLITE_');

/**
 * Streams rows of one table in key order with optional exclusive/inclusive bounds, handing each row
 * to the sink as it comes: the rows before a failure are kept.
 */
export class TableStream {
  private readonly cache = new Map<string, Statement>();
  statements = 0;
  private readonly db: Database;
  readonly target: ReadTarget;
  constructor(db: Database, target: ReadTarget) {
    this.db = db;
    this.target = target;
  }

  /** The first n key columns as a row value: bounds may be key prefixes. */
  private tuple(n: number): string {
    const cols = this.target.keyCols.slice(0, n).map((c) => (c === 'rowid' ? 'rowid' : `"${c}"`));
    return n === 1 ? cols[0]! : `(${cols.join(', ')})`;
  }

  private params(n: number): string {
    return n === 1 ? '?' : `(${new Array(n).fill('?').join(', ')})`;
  }

  private statement(lo: '' | '>' | '>=', loLength: number, hi: '' | '<', hiLength: number, dir: 'ASC' | 'DESC' | '='): Statement {
    const id = `${lo}${loLength}|${hi}${hiLength}|${dir}`;
    let st = this.cache.get(id);
    if (!st) {
      const all = this.target.keyCols.length;
      const where: string[] = [];
      if (dir === '=') where.push(`${this.tuple(all)} = ${this.params(all)}`);
      if (lo) where.push(`${this.tuple(loLength)} ${lo} ${this.params(loLength)}`);
      if (hi) where.push(`${this.tuple(hiLength)} ${hi} ${this.params(hiLength)}`);
      const keyList = this.target.keyCols.map((c) => (c === 'rowid' ? 'rowid' : `"${c}"`));
      const order = dir === '=' ? '' : ` ORDER BY ${keyList.map((c) => `${c} ${dir}`).join(', ')}`;
      st = this.db
        .prepare(`SELECT ${[...keyList, ...this.target.cols].join(', ')} FROM ${this.target.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${order}`)
        .raw(true)
        .safeIntegers(true);
      this.cache.set(id, st);
    }
    return st;
  }

  /**
   * Yields rows to `sink` until done or until a read fails; returns the last key yielded and whether
   * the range was read to its end. Bounds are whole keys or key prefixes; never NULL, since a row
   * value compared with NULL is neither above nor below and would skip rows silently.
   */
  scan(lo: { key: Key; inclusive: boolean } | null, hi: Key | null, dir: 'ASC' | 'DESC', sink: (key: Key, row: Row) => void): { last: Key | null; ok: boolean } {
    const st = this.statement(lo ? (lo.inclusive ? '>=' : '>') : '', lo?.key.length ?? 0, hi ? '<' : '', hi?.length ?? 0, dir);
    const args = [...(lo ? lo.key : []), ...(hi ?? [])];
    return this.run(st, args, sink);
  }

  lookup(key: Key, sink: (key: Key, row: Row) => void): boolean {
    return this.run(this.statement('', 0, '', 0, '='), key, sink).ok;
  }

  private run(st: Statement, args: unknown[], sink: (key: Key, row: Row) => void): { last: Key | null; ok: boolean } {
    this.statements++;
    const n = this.target.keyCols.length;
    let last: Key | null = null;
    try {
      for (const raw of st.iterate(...args) as IterableIterator<unknown[]>) {
        last = raw.slice(0, n) as Key;
        sink(last, raw.slice(n));
      }
      return { last, ok: true };
    } catch (e) {
      if (!isReadError(e)) throw e;
      return { last, ok: false };
    }
  }
}

/**
 * Reads every row of `range` that can be read, over the slices of `space`. `budget` bounds the
 * number of statements: past it, whatever still fails is given up as unreadable rather than split
 * further (only a key space far sparser than any ParkBrief table could get there).
 */
export function readRange(stream: TableStream, space: KeySpace, range: Range, sink: (key: Key, row: Row) => void, budget = 1_000_000): ReadOutcome {
  const failed: [number, number][] = [];
  const startStatements = stream.statements;
  const lower = (r: Range) => (r.after ? { key: r.after, inclusive: false } : r.i > 0 ? { key: space.start(r.i), inclusive: true } : null);
  const upper = (r: Range) => r.before ?? (r.j < space.size - 1 ? space.start(r.j + 1) : null);

  // Depth-first with an explicit stack: a long damaged stretch must not overflow the JS stack.
  const stack: Range[] = [range];
  while (stack.length) {
    const r = stack.pop()!;
    if (r.i === r.j && space.isPoint(r.i)) {
      const only = space.start(r.i);
      if ((r.after && compareKeys(r.after, only) >= 0) || (r.before && compareKeys(r.before, only) <= 0)) continue;
      if (!stream.lookup(only, sink)) failed.push([r.i, r.i]);
      continue;
    }
    const fwd = stream.scan(lower(r), upper(r), 'ASC', sink);
    if (fwd.ok) continue;
    const rest: Range = fwd.last ? { ...r, i: space.sliceOf(fwd.last), after: fwd.last } : r;
    let first: Key | null = null;
    const bwd = stream.scan(lower(rest), upper(rest), 'DESC', (k, row) => {
      first = k;
      sink(k, row);
    });
    if (bwd.ok) continue;
    const mid: Range = first ? { ...rest, j: space.sliceOf(first), before: first } : rest;
    if (mid.i === mid.j && space.isPoint(mid.i)) {
      stack.push(mid); // a single key: looked up by equality on the next turn
      continue;
    }
    if (mid.i >= mid.j || stream.statements - startStatements > budget) {
      // One slice (or out of budget): the damage lies inside it and it is given up.
      failed.push([mid.i, Math.max(mid.i, mid.j)]);
      continue;
    }
    const m = Math.floor((mid.i + mid.j) / 2);
    // Right half pushed first so the left is read first: rows arrive roughly in key order.
    const right: Range = { i: m + 1, j: mid.j };
    if (mid.before) right.before = mid.before;
    const left: Range = { i: mid.i, j: m };
    if (mid.after) left.after = mid.after;
    stack.push(right, left);
  }
  return { failed: mergeIntervals(failed), statements: stream.statements - startStatements };
}

export function mergeIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
