import { newId } from '../ids.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../store/open.ts';

export type Entity = 'park' | 'period' | 'category' | 'indicator' | 'value';
export type Snapshot = Record<string, unknown>;

/** Table and key of each logged entity; the only tables undo/redo may touch. */
export const ENTITY_TABLES: Record<Entity, { table: string; key: string }> = {
  park: { table: 'parks', key: 'id' },
  period: { table: 'periods', key: 'id' },
  category: { table: 'categories', key: 'code' },
  indicator: { table: 'indicators', key: 'id' },
  value: { table: 'indicator_values', key: 'id' },
};

export interface ChangeLog {
  record(entity: Entity, id: string, before: Snapshot | null, after: Snapshot | null): void;
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
      const log: ChangeLog = {
        record(entity, id, before, after) {
          if (batchSeq === null) {
            if (undoState === 'done') db.prepare("UPDATE batches SET undo_state = 'dropped' WHERE undo_state = 'undone'").run();
            batchSeq = Number(
              db
                .prepare('INSERT INTO batches (id, at, origin, actor, label, undo_state) VALUES (?, ?, ?, ?, ?, ?)')
                .run(newId(), new Date().toISOString(), ctx.origin, ctx.actor, label, undoState).lastInsertRowid,
            );
          }
          insertChange.run(batchSeq, entity, id, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);
          count++;
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

function columnsOf(db: Db, table: string): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    cols = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    perDb.set(table, cols);
  }
  return cols;
}

export function readSnapshot(db: Db, entity: Entity, id: string): Snapshot | null {
  const { table, key } = ENTITY_TABLES[entity];
  return (db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Snapshot | undefined) ?? null;
}

/** Puts an entity back to a snapshot (or removes it): the one primitive undo and redo are made of. */
export function applySnapshot(db: Db, entity: Entity, id: string, snap: Snapshot | null): void {
  const { table, key } = ENTITY_TABLES[entity];
  if (snap === null) {
    db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(id);
    return;
  }
  const allowed = columnsOf(db, table);
  const cols = Object.keys(snap).filter((c) => allowed.has(c));
  const updates = cols.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`);
  // An upsert, not INSERT OR REPLACE: REPLACE deletes first, which would break references to the row.
  db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
     ON CONFLICT(${key}) DO UPDATE SET ${updates.length ? updates.join(', ') : `${key} = excluded.${key}`}`,
  ).run(snap);
}
