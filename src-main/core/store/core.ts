import { newId } from '../ids.ts';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { seedCatalog } from '../catalog/seed.ts';
import type { CoreContext } from '../context.ts';
import { loadDemo } from './demo.ts';
import { openStore, type Db } from './open.ts';

export interface OpenCoreOptions {
  origin: string;
  actor?: string;
  /** Fill a store that did not exist yet with the demo parks (the app and CLI do; tests choose). */
  demoIfNew?: boolean;
  busyTimeoutMs?: number;
}

/** Opens a store ready for handlers: migrated, catalogue up to date, demo data in a new store. */
export function openCore(path: string, opts: OpenCoreOptions): CoreContext & { created: boolean } {
  const actor = opts.actor ?? defaultActor();
  let created = false;
  if (path !== ':memory:' && !existsSync(path)) created = createStoreFile(path, opts, actor);
  const { db } = openStore(path, opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs });
  const ctx: CoreContext = { db, storePath: path, origin: opts.origin, actor };
  try {
    prepare(ctx, path === ':memory:' && !!opts.demoIfNew);
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
function createStoreFile(path: string, opts: OpenCoreOptions, actor: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${newId().slice(-8)}.creating`;
  try {
    const { db } = openStore(tmp);
    try {
      prepare({ db, storePath: tmp, origin: opts.origin, actor }, !!opts.demoIfNew);
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

function prepare(ctx: CoreContext, demo: boolean): void {
  ensureStoreId(ctx.db);
  seedCatalog(ctx);
  if (demo) loadDemo(ctx);
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
