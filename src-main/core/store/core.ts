import { newId } from '../ids.ts';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CoreContext } from '../context.ts';
import { openStore, type Db } from './open.ts';

export interface StoreOpenOptions {
  origin: string;
  actor?: string;
  busyTimeoutMs?: number;
}

/**
 * What a store needs beyond its schema before handlers use it (the catalogue, the demo), run on
 * every open; `fresh` is true while a new store is being built. It comes from the caller
 * (session/open-core.ts) so that the store itself knows no feature code.
 */
export type PrepareStore = (ctx: CoreContext, fresh: boolean) => void;

/** Opens a store migrated and prepared; a store that does not exist yet is created prepared. */
export function openPreparedStore(path: string, opts: StoreOpenOptions, prepare: PrepareStore): CoreContext & { created: boolean } {
  const actor = opts.actor ?? defaultActor();
  let created = false;
  if (path !== ':memory:' && !existsSync(path)) created = createStoreFile(path, opts, actor, prepare);
  const { db } = openStore(path, opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs });
  const ctx: CoreContext = { db, storePath: path, origin: opts.origin, actor };
  try {
    // A memory store is new on every open; a file store was new only in createStoreFile.
    prepareStore(ctx, prepare, path === ':memory:');
  } catch (e) {
    db.close();
    throw e;
  }
  return { ...ctx, created: created || path === ':memory:' };
}

/**
 * A new store is built beside its final name and linked into place only when complete, so a crash
 * during creation never leaves a half-made store that would later be taken for a real one. link()
 * rather than rename() so that two processes creating the same store at once cannot overwrite
 * each other: the loser keeps the winner's file.
 */
function createStoreFile(path: string, opts: StoreOpenOptions, actor: string, prepare: PrepareStore): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${newId().slice(-8)}.creating`;
  try {
    const { db } = openStore(tmp);
    try {
      prepareStore({ db, storePath: tmp, origin: opts.origin, actor }, prepare, true);
      db.pragma('journal_mode = DELETE'); // fold the WAL into the file before it moves
    } finally {
      db.close();
    }
  } catch (e) {
    // A store that could not be completed is not left behind to be mistaken for one.
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw e;
  }
  // A -wal/-shm left behind by a deleted store would be replayed into the new file by SQLite
  // (it cannot tell whose journal it is): with no main file, they belong to nothing.
  for (const orphan of [`${path}-wal`, `${path}-shm`]) rmSync(orphan, { force: true });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function prepareStore(ctx: CoreContext, prepare: PrepareStore, fresh: boolean): void {
  ensureStoreId(ctx.db);
  prepare(ctx, fresh);
}

function ensureStoreId(db: Db): void {
  // Read first: an INSERT, even one that changes nothing, takes the write lock, and a read-only
  // command (`parkbrief show`) must not queue behind the app's writes.
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'store_id'").get()) return;
  db.prepare("INSERT INTO meta (key, value) VALUES ('store_id', ?), ('created_at', ?) ON CONFLICT(key) DO NOTHING").run(
    newId(),
    new Date().toISOString(),
  );
}

function defaultActor(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'user';
}
