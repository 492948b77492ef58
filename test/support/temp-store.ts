// Test support: a store in a fresh temp folder, removed afterwards.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../../src-main/core/context.ts';
import { findParkByName } from '../../src-main/core/repos/parks.ts';
import { requirePeriodByKey } from '../../src-main/core/repos/periods.ts';
import { findIndicator } from '../../src-main/core/catalog/catalog.ts';
import { openCore } from '../../src-main/core/session/open-core.ts';

export interface TempStore {
  ctx: CoreContext;
  dir: string;
  path: string;
  ids(park: string, period: string): { parkId: string; periodId: string };
  indicatorId(name: string): string;
  reopen(): CoreContext;
  dispose(): void;
}

export function tempStore(opts: { demo?: boolean } = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'parkbrief-test-'));
  const path = join(dir, 'store.sqlite');
  let ctx: CoreContext = openCore(path, { origin: 'test', actor: 'tester', demoIfNew: opts.demo ?? true });
  return {
    get ctx() {
      return ctx;
    },
    dir,
    path,
    ids: (park, period) => ({ parkId: findParkByName(ctx.db, park).id, periodId: requirePeriodByKey(ctx.db, period).id }),
    indicatorId: (name) => findIndicator(ctx.db, name).id,
    reopen() {
      ctx.db.close();
      ctx = openCore(path, { origin: 'test', actor: 'tester' });
      return ctx;
    },
    dispose() {
      if (ctx.db.open) ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of every user table, for "nothing changed" assertions. */
export function dumpStore(ctx: CoreContext): Record<string, unknown[]> {
  const tables = ctx.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  // Sorted as text: WITHOUT ROWID tables have no rowid to order by.
  return Object.fromEntries(
    tables.map((t) => [t.name, (ctx.db.prepare(`SELECT * FROM ${t.name}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  );
}

/** A file's sha256, for "not a byte changed" assertions on a store the code must leave alone. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
