// Test support: what a store file says about itself after a crash, read with better-sqlite3 directly
// (read-only, so the next host start still finds the journal as the crash left it): SQLite's own
// integrity and foreign-key checks, and whether the change log (the undo history) agrees with the
// figures and documents. The log is written in the same transaction as the rows it describes, so
// replaying every logged "after" must give exactly the rows there are; a difference means a write
// landed without its history (undo would restore something else) or the reverse.
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { BULK_VALUES, decodeColumnar, valueEntityId, type Snapshot } from '../../src-main/core/history/change-log.ts';

export interface StoreAudit {
  /** PRAGMA integrity_check rows; ['ok'] when sound. */
  integrity: string[];
  /** Rows PRAGMA foreign_key_check reports. */
  foreignKeyProblems: number;
  /** Values and documents whose row differs from the change log's last word on them. */
  logMismatches: string[];
  /** Value and document entities the log accounts for (the scope of the comparison). */
  logEntities: number;
}

export function auditStore(path: string): StoreAudit {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const { mismatches, entities } = compareLogWithRows(db);
    return { integrity, foreignKeyProblems, logMismatches: mismatches, logEntities: entities };
  } finally {
    db.close();
  }
}

type Db = Database.Database;

/** The change log folded to each entity's latest snapshot (null: deleted), for values and documents. */
function foldLog(db: Db): Map<string, Snapshot | null> {
  const last = new Map<string, Snapshot | null>();
  const rows = db.prepare("SELECT entity, entity_id, before, after FROM changes WHERE entity IN ('value', 'document', ?) ORDER BY seq").iterate(BULK_VALUES) as Iterable<{
    entity: string;
    entity_id: string;
    before: string | null;
    after: string | null;
  }>;
  for (const c of rows) {
    if (c.entity !== BULK_VALUES) {
      last.set(`${c.entity}:${c.entity_id}`, c.after === null ? null : (JSON.parse(c.after) as Snapshot));
      continue;
    }
    const befores = decodeColumnar(c.before!);
    decodeColumnar(c.after!).forEach((after, i) => {
      const either = (after ?? befores[i]) as Parameters<typeof valueEntityId>[0];
      last.set(`value:${valueEntityId(either)}`, after);
    });
  }
  return last;
}

function compareLogWithRows(db: Db): { mismatches: string[]; entities: number } {
  const logged = foldLog(db);
  const rows = new Map<string, Snapshot>();
  for (const r of db.prepare('SELECT * FROM indicator_values').all() as Snapshot[]) rows.set(`value:${valueEntityId(r as Parameters<typeof valueEntityId>[0])}`, r);
  for (const r of db.prepare('SELECT * FROM documents').all() as Snapshot[]) rows.set(`document:${String(r.id)}`, r);
  const mismatches: string[] = [];
  for (const [key, snap] of logged) {
    const row = rows.get(key) ?? null;
    if (snap === null || row === null) {
      if (snap !== row) mismatches.push(`${key}: log says ${snap === null ? 'deleted' : 'present'}, store has ${row === null ? 'no row' : 'a row'}`);
      continue;
    }
    // A snapshot holds the columns its writer knew; each of them must match the row.
    const differing = Object.keys(snap).filter((col) => !isDeepStrictEqual(snap[col], row[col]));
    if (differing.length) mismatches.push(`${key}: ${differing.map((col) => `${col} log=${JSON.stringify(snap[col])} row=${JSON.stringify(row[col])}`).join('; ')}`);
  }
  for (const key of rows.keys()) if (!logged.has(key)) mismatches.push(`${key}: a row the log never wrote`);
  return { mismatches, entities: logged.size };
}
