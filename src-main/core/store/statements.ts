// One prepared statement per SQL text and connection. Preparing compiles the SQL each time: for a
// row read by key (a park, a period, a document, a photo's size) that is most of the read, paid per
// feature of a yearbook and per step of a replay.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';

const byDb = new WeakMap<Db, Map<string, Statement>>();

/** For statements run to completion at once (get, all, run): an iterate() still open would hold it busy. */
export function cached(db: Db, sql: string): Statement {
  let perDb = byDb.get(db);
  if (!perDb) byDb.set(db, (perDb = new Map()));
  let st = perDb.get(sql);
  if (!st) perDb.set(sql, (st = db.prepare(sql)));
  return st;
}
