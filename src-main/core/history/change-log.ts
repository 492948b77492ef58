import { newId } from '../ids.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';

export type Entity = 'park' | 'period' | 'category' | 'indicator' | 'value' | 'document' | 'setting' | 'rule' | 'alias' | 'unit' | 'qualifier' | 'indicatorUse' | 'photo';
export type Snapshot = Record<string, unknown>;

/**
 * Table and key columns of each logged entity; the only tables undo/redo may touch. A value's id in
 * the log is its natural key "park:period:kind:indicator" (local integer keys; a merge maps them
 * to the UUIDs of the park, period and indicator rows).
 */
export const ENTITY_TABLES: Record<Entity, { table: string; key: readonly string[] }> = {
  park: { table: 'parks', key: ['id'] },
  period: { table: 'periods', key: ['id'] },
  category: { table: 'categories', key: ['code'] },
  indicator: { table: 'indicators', key: ['id'] },
  value: { table: 'indicator_values', key: ['park', 'period', 'kind', 'indicator'] },
  document: { table: 'documents', key: ['id'] },
  setting: { table: 'settings', key: ['key'] },
  rule: { table: 'check_rules', key: ['code'] },
  alias: { table: 'indicator_aliases', key: ['norm'] },
  unit: { table: 'units', key: ['code'] },
  qualifier: { table: 'qualifiers', key: ['code'] },
  indicatorUse: { table: 'indicator_use', key: ['indicator_id'] },
  photo: { table: 'photos', key: ['sha256'] },
};

/**
 * Logged for the audit trail, merges and salvage, but never replayed: a photo is named by the hash
 * of its bytes and never changes, and its log row holds no bytes (hash, type, size only), so there
 * is nothing an undo could put back. Taking a photo out on undo would leave a hole in every document
 * (or logged version of one) that shows it, and documents are not on the undo stack.
 */
export const KEPT_ON_REPLAY: ReadonlySet<string> = new Set<Entity>(['photo']);

/** Rows of this entity name hold many values at once (bulk writes): before/after are JSON arrays. */
export const BULK_VALUES = 'value[]';

export function valueEntityId(v: { park: number; period: number; kind: string; indicator: number }): string {
  return `${v.park}:${v.period}:${v.kind}:${v.indicator}`;
}

function keyOf(entity: Entity, id: string): Record<string, unknown> {
  if (entity !== 'value') return { [ENTITY_TABLES[entity].key[0]!]: id };
  const [park, period, kind, indicator] = id.split(':');
  return { park: Number(park), period: Number(period), kind, indicator: Number(indicator) };
}

export interface ChangeLog {
  record(entity: Entity, id: string, before: Snapshot | null, after: Snapshot | null): void;
  /**
   * Many value changes as one log row: a 250,000-figure import would otherwise write 250,000 log
   * rows, more than the figures themselves cost.
   */
  recordValues(befores: (Snapshot | null)[], afters: (Snapshot | null)[]): void;
  readonly changes: number;
}

export type UndoState = 'done' | 'none';

/**
 * Runs `fn` as one write: one IMMEDIATE transaction (so a concurrent writer waits on the busy timeout
 * instead of failing half-way), one batch in the change log. `undoable` batches form the undo stack;
 * starting one drops whatever could have been redone, as in every editor.
 */
export function writeBatch<T>(
  ctx: CoreContext,
  label: string,
  fn: (log: ChangeLog) => T,
  opts: { undoState?: UndoState } = {},
): T {
  const { db } = ctx;
  const undoState = opts.undoState ?? 'done';
  return db
    .transaction(() => {
      let batchSeq: number | null = null;
      let count = 0;
      const insertChange = db.prepare(
        'INSERT INTO changes (batch_seq, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?)',
      );
      const open = (): number => {
        if (batchSeq === null) {
          if (undoState === 'done') db.prepare("UPDATE batches SET undo_state = 'dropped' WHERE undo_state = 'undone'").run();
          batchSeq = Number(
            db
              .prepare('INSERT INTO batches (id, at, origin, actor, label, undo_state) VALUES (?, ?, ?, ?, ?, ?)')
              .run(newId(), new Date().toISOString(), ctx.origin, ctx.actor, label, undoState).lastInsertRowid,
          );
        }
        return batchSeq;
      };
      const log: ChangeLog = {
        record(entity, id, before, after) {
          insertChange.run(open(), entity, id, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);
          count++;
        },
        recordValues(befores, afters) {
          if (afters.length === 0) return;
          insertChange.run(open(), BULK_VALUES, String(afters.length), encodeColumnar(befores), encodeColumnar(afters));
          count += afters.length;
        },
        get changes() {
          return count;
        },
      };
      return fn(log);
    })
    .immediate();
}

const columnCache = new WeakMap<Db, Map<string, Set<string>>>();

/** The table's columns as the store has them now (a snapshot may be older or newer). */
export function columnsOf(db: Db, table: string): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    cols = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    perDb.set(table, cols);
  }
  return cols;
}

/**
 * Many snapshots of one table as {k: columns equal in every row, c: the other columns, r: rows as
 * arrays of those}. A bulk write's log row is the biggest thing it writes after the figures, and
 * most columns of an import (kind, status, who, when, empty notes) are the same in every row.
 */
export function encodeColumnar(snaps: readonly (Snapshot | null)[]): string {
  const present = snaps.filter((x): x is Snapshot => x !== null);
  const cols = present.length ? Object.keys(present[0]!) : [];
  const k: Snapshot = {};
  const c: string[] = [];
  for (const col of cols) {
    const v0 = present[0]![col];
    if (present.every((x) => x[col] === v0)) k[col] = v0;
    else c.push(col);
  }
  return JSON.stringify({ k, c, r: snaps.map((x) => (x === null ? null : c.map((col) => x[col]))) });
}

export function decodeColumnar(text: string): (Snapshot | null)[] {
  const { k, c, r } = JSON.parse(text) as { k: Snapshot; c: string[]; r: (unknown[] | null)[] };
  return r.map((row) => (row === null ? null : { ...k, ...Object.fromEntries(c.map((col, i) => [col, row[i]])) }));
}

const whereKey = (key: readonly string[]) => key.map((k) => `${k} = @${k}`).join(' AND ');
/** Built once per entity: the same string each time, so the statement cache finds it without rehashing new text. */
const SELECT_ROW = Object.fromEntries(
  Object.entries(ENTITY_TABLES).map(([e, { table, key }]) => [e, `SELECT * FROM ${table} WHERE ${whereKey(key)}`]),
) as Record<Entity, string>;
const DELETE_ROW = Object.fromEntries(
  Object.entries(ENTITY_TABLES).map(([e, { table, key }]) => [e, `DELETE FROM ${table} WHERE ${whereKey(key)}`]),
) as Record<Entity, string>;

export function readSnapshot(db: Db, entity: Entity, id: string): Snapshot | null {
  return (cached(db, SELECT_ROW[entity]).get(keyOf(entity, id)) as Snapshot | undefined) ?? null;
}

/** Puts an entity back to a snapshot (or removes it): the one primitive undo and redo are made of. */
export function applySnapshot(db: Db, entity: Entity, id: string, snap: Snapshot | null): void {
  const { table, key } = ENTITY_TABLES[entity];
  if (snap === null) {
    cached(db, DELETE_ROW[entity]).run(keyOf(entity, id));
    return;
  }
  const allowed = columnsOf(db, table);
  const cols = Object.keys(snap).filter((c) => allowed.has(c));
  const updates = cols.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  // An upsert, not INSERT OR REPLACE: REPLACE deletes first, which would break references to the row.
  cached(
    db,
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
     ON CONFLICT(${key.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
  ).run(snap);
}
