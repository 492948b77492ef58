import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';
import { openStore } from './open.ts';
import { schemaText } from '../../../test/support/schema-dump.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';

const schemaOf = schemaText;

let store: TempStore | null = null;
afterEach(() => {
  store?.dispose();
  store = null;
});

describe('migrations', () => {
  it('versions are 1..n in order, with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('a store migrated step by step from every earlier version ends with the fresh schema', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, ':memory:');
    for (let k = 0; k <= MIGRATIONS.length; k++) {
      const db = new Database(':memory:');
      migrate(db, ':memory:', MIGRATIONS.slice(0, k));
      expect(db.pragma('user_version', { simple: true })).toBe(k);
      migrate(db, ':memory:');
      expect(schemaOf(db)).toBe(schemaOf(fresh));
    }
  });

  it('matches the committed schema snapshot (an edited old migration shows up here)', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    // After adding a migration, regenerate: node scripts/write-schema-snapshot.ts
    const snapshot = readFileSync(join(import.meta.dirname, 'schema.snapshot.txt'), 'utf8');
    expect(schemaOf(db) + '\n').toBe(snapshot);
  });

  it('refuses a store written by a newer ParkBrief and leaves it untouched', () => {
    store = tempStore({ demo: false });
    store.ctx.db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    store.ctx.db.close();
    const before = readFileSync(store.path);
    let err: unknown;
    try {
      openStore(store.path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('STORE_TOO_NEW');
    expect((err as AppError).message).toContain('请升级 ParkBrief');
    expect(readFileSync(store.path).equals(before)).toBe(true);
  });

  it('a failing migration rolls back every step of the run', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'adds a table', up: (d: Database.Database) => d.exec('CREATE TABLE extra (x)') },
      { version: MIGRATIONS.length + 2, name: 'fails', up: () => { throw new Error('boom'); } },
    ];
    migrate(db, ':memory:');
    expect(() => migrate(db, ':memory:', broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 });
  });

  it('a migration that throws half-way leaves a real store file byte for byte as it was', () => {
    store = tempStore({ demo: false });
    store.ctx.db.close();
    // A v1 store as a user has it: written by the v1 release, in WAL mode as every opened store is.
    const path = join(store.dir, 'v1.sqlite');
    copyFileSync(join(import.meta.dirname, 'fixtures', 'v1-demo.sqlite'), path);
    const prep = new Database(path);
    prep.pragma('journal_mode = WAL');
    prep.close();
    const bytes = readFileSync(path);
    const read = () => {
      const db = new Database(path, { readonly: true });
      const out = { version: db.pragma('user_version', { simple: true }), schema: schemaOf(db), parks: db.prepare('SELECT * FROM parks ORDER BY pk').all() };
      db.close();
      return out;
    };
    const before = read();
    // Migrations 2 and 3 apply, then one that writes data and one more that fails.
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'renames', up: (d: Database.Database) => d.exec("CREATE TABLE extra (x); UPDATE parks SET name = name || '（改）'") },
      { version: MIGRATIONS.length + 2, name: 'fails', up: () => { throw new Error('boom'); } },
    ];
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, path, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(read()).toEqual(before);
    expect(before.version).toBe(1);
    expect(before.parks.length).toBeGreaterThan(0);
  });

  it('a file that is not a SQLite database is refused with a clear message, not replaced', () => {
    store = tempStore({ demo: false });
    store.ctx.db.close();
    const junk = join(store.dir, 'junk.sqlite');
    writeFileSync(junk, 'PK\u0003\u0004 this is a zip, not a store');
    expect(() => openStore(junk)).toThrow(/无法打开数据库/);
    expect(readFileSync(junk, 'utf8')).toContain('this is a zip');
  });
});

describe('creating a store', () => {
  it('ignores a journal left behind by a deleted store', async () => {
    const { openCore } = await import('../session/open-core.ts');
    const { rmSync, copyFileSync } = await import('node:fs');
    store = tempStore();
    // Keep the old store's WAL (with a park in it), delete the store, create a new one at the same path.
    store.ctx.db.pragma('wal_autocheckpoint = 0');
    store.ctx.db.prepare("UPDATE parks SET name = '旧园区' WHERE name = '楚雄高新区'").run();
    copyFileSync(`${store.path}-wal`, join(store.dir, 'old-wal'));
    store.ctx.db.close();
    rmSync(store.path);
    copyFileSync(join(store.dir, 'old-wal'), `${store.path}-wal`);
    const fresh = openCore(store.path, { origin: 'test', demoIfNew: true });
    const names = (fresh.db.prepare('SELECT name FROM parks ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    fresh.db.close();
    expect(names).toEqual(['昆明高新区', '楚雄高新区']);
  });
});

describe('a store that cannot be completed', () => {
  it('leaves neither a store nor its half-made temp file behind', async () => {
    const { openCore } = await import('../session/open-core.ts');
    const { readdirSync } = await import('node:fs');
    store = tempStore({ demo: false });
    const path = join(store.dir, 'new.sqlite');
    // A catalogue version the store cannot take: seeding fails half-way through creation.
    const seed = await import('../catalog/seed.ts');
    const broken = { ...seed.BUILTIN_CATALOG, version: 99, indicators: [{ ...seed.BUILTIN_CATALOG.indicators[0]!, code: 'ZZ1', name: 'x', category: 'NOPE' }] };
    const { version, indicators: original } = seed.BUILTIN_CATALOG;
    Object.assign(seed.BUILTIN_CATALOG, broken);
    try {
      expect(() => openCore(path, { origin: 'test', demoIfNew: true })).toThrow();
    } finally {
      Object.assign(seed.BUILTIN_CATALOG, { version, indicators: original });
    }
    expect(readdirSync(store.dir).filter((f) => f.startsWith('new.sqlite'))).toEqual([]);
  });
});
