// Why an undo or redo step cannot be applied to the store as it is now. The undo stack holds only
// some of the writes: documents, photos, settings, catalogue updates and refused steps stay in the
// store whatever Ctrl+Z does, and may by now refer to, or have changed, what a step wants to put back.
// Each change is checked before it is written; what only SQLite knows (a UNIQUE name, a CHECK) is
// explained from the constraint it reports. Either way the thing is named as the user knows it: the
// period's key, the park's name, the document's title.

import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import type { Db } from '../store/open.ts';
import { columnsOf, ENTITY_TABLES, type Entity, type Snapshot } from './change-log.ts';

export type Direction = 'undo' | 'redo';

/** A step that cannot be applied: thrown inside the replay's savepoint, which takes back what it wrote. */
export class ReplayRefusal extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams, options?: ErrorOptions) {
    super(code, options);
    this.name = 'ReplayRefusal';
    this.code = code;
    this.params = params;
  }
}

const ENTITY_OF_TABLE = new Map(Object.entries(ENTITY_TABLES).map(([entity, t]) => [t.table, entity as Entity]));
/** The column a user knows each row by. */
const NAME_COLUMN: Partial<Record<Entity, string>> = { park: 'name', period: 'key', indicator: 'name', category: 'name', setting: 'key', rule: 'code', alias: 'alias', unit: 'code', qualifier: 'code' };
/** Columns whose clash is a duplicate name rather than an internal key. */
const NAME_LIKE = new Set(['name', 'key', 'code']);

const conflictCode = (d: Direction): ErrorCode => (d === 'undo' ? 'UNDO_CONFLICT' : 'REDO_CONFLICT');

/**
 * Refuses a change when the row is no longer as the step expects (`expected`: its "after" for an
 * undo, its "before" for a redo): writing the other side would silently overwrite a change made
 * since by something that stays. Then, for a removal, refuses while other rows still refer to it.
 */
export function guardChange(db: Db, direction: Direction, entity: Entity, current: Snapshot | null, expected: Snapshot | null, want: Snapshot | null): void {
  if (!sameRow(db, entity, current, expected)) {
    throw new ReplayRefusal(direction === 'undo' ? 'UNDO_CHANGED' : 'REDO_CHANGED', nameOf(db, entity, (expected ?? current)!));
  }
  if (want === null && current !== null) {
    const refusal = inUse(db, direction, entity, current);
    if (refusal) throw refusal;
  }
  if (entity === 'document' && want !== null) {
    const missing = missingPhoto(db, want);
    if (missing) throw new ReplayRefusal(direction === 'undo' ? 'UNDO_MISSING' : 'REDO_MISSING', { what: 'photo', name: missing });
  }
}

/**
 * A document version names its photos by hash inside its JSON body, where no foreign key can see
 * them. Photos are never removed, so this holds in a healthy store; a salvaged one may have lost a
 * photo's bytes, and a step that put back a body showing it would export with a hole.
 */
function missingPhoto(db: Db, doc: Snapshot): string | null {
  let photos: unknown;
  try {
    photos = (JSON.parse(String(doc.body)) as { photos?: unknown }).photos;
  } catch {
    return null; // the documents table's CHECK refuses a body that is not JSON, with its own message
  }
  if (!Array.isArray(photos)) return null;
  const has = db.prepare('SELECT 1 FROM photos WHERE sha256 = ?').pluck();
  for (const p of photos as { photo?: unknown }[]) {
    if (typeof p?.photo === 'string' && !has.get(p.photo)) return p.photo.slice(0, 12);
  }
  return null;
}

/** The refusal for a write SQLite turned down; any other error as it was (a busy store is not a conflict). */
export function explainFailure(db: Db, direction: Direction, entity: Entity, current: Snapshot | null, want: Snapshot | null, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return error;
  const named = nameOf(db, entity, want ?? current ?? {});
  const detail = error instanceof Error ? error.message : code;
  if (want === null && current !== null) {
    const refusal = inUse(db, direction, entity, current);
    if (refusal) return refusal;
  }
  if (want !== null && code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    const missing = missingParent(db, entity, want);
    if (missing && direction === 'redo') return new ReplayRefusal('REDO_MISSING', missing, { cause: error });
  }
  if (want !== null && (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') && direction === 'redo') {
    // Looked for rather than read from SQLite's message: when a park's name and its reused local
    // key both clash, SQLite reports the key, and the name is what the user can act on.
    const clash = nameClash(db, entity, want);
    if (clash !== null) return new ReplayRefusal('REDO_DUPLICATE', { what: named.what, name: clash }, { cause: error });
  }
  return new ReplayRefusal(conflictCode(direction), { ...named, detail }, { cause: error });
}

/** A change-log row this build cannot read (damaged, or written by something else): refused, never applied half-read. */
export function unreadable(direction: Direction, entity: string, id: string, cause: unknown): ReplayRefusal {
  const what = entity === 'value' ? 'figure' : entity;
  const detail = `unreadable change-log entry: ${cause instanceof Error ? cause.message : String(cause)}`;
  return new ReplayRefusal(conflictCode(direction), { what, name: id, detail }, { cause });
}

/**
 * Compared on the snapshot's own columns that the table still has: a snapshot written before a
 * migration added a column is not "changed" for lacking it. Replays write snapshots exactly, so a
 * row undone and redone compares equal again.
 */
function sameRow(db: Db, entity: Entity, current: Snapshot | null, expected: Snapshot | null): boolean {
  if (current === null || expected === null) return current === expected;
  const cols = columnsOf(db, ENTITY_TABLES[entity].table);
  return Object.keys(expected).every((k) => !cols.has(k) || current[k] === expected[k]);
}

/** The value of a unique name-like column (name, key, code) that another row of the table now holds. */
function nameClash(db: Db, entity: Entity, want: Snapshot): string | null {
  const { table, key } = ENTITY_TABLES[entity];
  const indexes = db.pragma(`index_list(${table})`) as { name: string; unique: number }[];
  for (const ix of indexes) {
    if (!ix.unique) continue;
    const cols = (db.pragma(`index_info(${ix.name})`) as { name: string }[]).map((c) => c.name);
    if (cols.length !== 1 || !NAME_LIKE.has(cols[0]!) || want[cols[0]!] == null) continue;
    const col = cols[0]!;
    const other = db.prepare(`SELECT 1 FROM ${table} WHERE ${col} = ? AND NOT (${key.map((k) => `${k} IS ?`).join(' AND ')})`).get(
      want[col],
      ...key.map((k) => want[k]),
    );
    if (other) return String(want[col]);
  }
  return null;
}

interface Reference {
  table: string;
  from: string;
  to: string;
}

const referenceCache = new WeakMap<Db, Map<string, Reference[]>>();

/**
 * The foreign keys pointing at each table, read from the schema rather than listed by hand, so a
 * table a later release adds (photos of a park, say) blocks an undo the same way. Documents come
 * first: they are what a user recognises soonest.
 */
function referencesTo(db: Db, table: string): Reference[] {
  let perDb = referenceCache.get(db);
  if (!perDb) {
    perDb = new Map();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const t of tables) {
      for (const fk of db.pragma(`foreign_key_list(${t})`) as { table: string; from: string; to: string | null }[]) {
        const list = perDb.get(fk.table) ?? [];
        list.push({ table: t, from: fk.from, to: fk.to ?? 'rowid' });
        perDb.set(fk.table, list);
      }
    }
    const rank = (t: string) => ['documents', 'indicators', 'indicator_values'].indexOf(t) >>> 0; // others last
    for (const list of perDb.values()) list.sort((a, b) => rank(a.table) - rank(b.table) || a.table.localeCompare(b.table));
    referenceCache.set(db, perDb);
  }
  return perDb.get(table) ?? [];
}

function inUse(db: Db, direction: Direction, entity: Entity, row: Snapshot): ReplayRefusal | null {
  for (const ref of referencesTo(db, ENTITY_TABLES[entity].table)) {
    const key = row[ref.to];
    if (key === undefined) continue;
    const count = db.prepare(`SELECT count(*) FROM ${ref.table} WHERE ${ref.from} = ?`).pluck().get(key) as number;
    if (count === 0) continue;
    const named = nameOf(db, entity, row);
    const example = db.prepare(`SELECT * FROM ${ref.table} WHERE ${ref.from} = ? LIMIT 1`).get(key) as Snapshot;
    if (direction === 'redo') return new ReplayRefusal('REDO_CONFLICT', { ...named, detail: `${ref.table} ×${count}` });
    if (ref.table === 'documents') return new ReplayRefusal('UNDO_IN_USE_DOCUMENT', { ...named, title: nameOf(db, 'document', example).name });
    if (ref.table === 'indicator_values') {
      return new ReplayRefusal('UNDO_IN_USE_VALUES', { ...named, count, example: `「${nameOf(db, 'value', example).name}」` });
    }
    if (ref.table === 'indicators') return new ReplayRefusal('UNDO_IN_USE_INDICATOR', { ...named, indicator: String(example.name) });
    return new ReplayRefusal('UNDO_IN_USE_ROWS', { ...named, count, table: ref.table });
  }
  return null;
}

/** The first row a snapshot refers to that is not in the store, named from the change log if need be. */
function missingParent(db: Db, entity: Entity, row: Snapshot): { what: string; name: string } | null {
  const fks = db.pragma(`foreign_key_list(${ENTITY_TABLES[entity].table})`) as { table: string; from: string; to: string | null }[];
  for (const fk of fks) {
    const key = row[fk.from];
    if (key === undefined || key === null) continue;
    if (db.prepare(`SELECT 1 FROM ${fk.table} WHERE ${fk.to ?? 'rowid'} = ?`).get(key)) continue;
    const parent = ENTITY_OF_TABLE.get(fk.table);
    if (!parent) return { what: fk.table, name: String(key) };
    return { what: parent, name: loggedName(db, parent, fk.to ?? 'pk', key) ?? `#${String(key)}` };
  }
  return null;
}

/** What the user calls a logged row: 「2023」, 「楚雄高新区」, 「楚雄高新区 · 2022 · 地区生产总值」. */
export function nameOf(db: Db, entity: Entity, row: Snapshot): { what: string; name: string } {
  if (entity === 'value') {
    const part = (e: Entity, pk: unknown) => (pk === undefined ? '?' : (loggedName(db, e, 'pk', pk) ?? `#${String(pk)}`));
    return { what: 'figure', name: [part('park', row.park), part('period', row.period), part('indicator', row.indicator)].join(' · ') };
  }
  if (entity === 'document') {
    let title = '';
    try {
      title = String((JSON.parse(String(row.body)) as { title?: unknown }).title ?? '').trim();
    } catch {
      // a body that is not JSON has no title; the park and period name it below
    }
    return { what: 'document', name: title || `${loggedName(db, 'park', 'pk', row.park) ?? '?'} · ${loggedName(db, 'period', 'pk', row.period) ?? '?'}` };
  }
  if (entity === 'photo') return { what: 'photo', name: String(row.sha256 ?? '?').slice(0, 12) };
  const col = NAME_COLUMN[entity];
  const name = col && row[col] != null ? String(row[col]) : String(row[ENTITY_TABLES[entity].key[0]!] ?? '?');
  return { what: entity, name };
}

/**
 * The name of a park, period or indicator by a column value (its local key), from the store or, if
 * the row is gone, from the last snapshot of it the change log holds.
 */
function loggedName(db: Db, entity: Entity, column: string, value: unknown): string | null {
  const col = NAME_COLUMN[entity];
  if (!col) return null;
  const live = db.prepare(`SELECT ${col} FROM ${ENTITY_TABLES[entity].table} WHERE ${column} = ?`).pluck().get(value);
  if (live != null) return String(live);
  const path = `$.${column}`;
  try {
    const logged = db
      .prepare(
        `SELECT coalesce(json_extract(after, '$.${col}'), json_extract(before, '$.${col}')) FROM changes
         WHERE entity = ? AND (json_extract(after, ?) = ? OR json_extract(before, ?) = ?) ORDER BY seq DESC LIMIT 1`,
      )
      .pluck()
      .get(entity, path, value, path, value);
    return logged == null ? null : String(logged);
  } catch {
    return null; // a damaged log row (not JSON) only costs the name, never the refusal itself
  }
}
