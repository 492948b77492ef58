// A migration that fails while the app opens an old store: the store is left exactly as it was, and
// the next build (whose migration works) opens it with nothing lost.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { openCore } from '../session/open-core.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.ts';

// The same migrations, in an array this test may append a broken release to.
vi.mock('./migrations/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./migrations/index.ts')>();
  return { ...real, MIGRATIONS: [...real.MIGRATIONS] };
});

const released = MIGRATIONS.length;
let dir = '';
afterEach(() => {
  (MIGRATIONS as Migration[]).splice(released);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('a store whose migration throws half-way is left byte for byte as it was, and opens once the migration is fixed', () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-migrate-'));
  const path = join(dir, 'store.sqlite');
  // The v2 store as its user has it (written by the v2 release, WAL mode as the app leaves it).
  copyFileSync(join(import.meta.dirname, 'fixtures', 'v2-demo.sqlite'), path);
  const prep = new Database(path);
  prep.pragma('journal_mode = WAL');
  prep.close();
  const bytes = readFileSync(path);

  // A release whose new migration rewrites documents, then fails on the next statement.
  (MIGRATIONS as Migration[]).push({
    version: released + 1,
    name: 'broken',
    up: (db) => {
      db.exec("UPDATE documents SET body = json_set(body, '$.title', '改坏了'); DROP TABLE settings;");
      throw new Error('migration bug');
    },
  });
  let err: unknown;
  try {
    openCore(path, { origin: 'test', actor: 'tester' });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(AppError);
  // SQLite's or the migration's own words are the technical detail, not part of the Chinese sentence.
  expect((err as AppError).params.detail).toContain('migration bug');
  expect(readFileSync(path).equals(bytes)).toBe(true);
  expect(existsSync(`${path}-wal`)).toBe(false);

  // The fixed release: migration 3 alone moves the store on, with its documents intact.
  (MIGRATIONS as Migration[]).splice(released);
  const ctx = openCore(path, { origin: 'test', actor: 'tester' });
  try {
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(ctx.db.prepare("SELECT count(*) FROM documents WHERE json_extract(body, '$.title') = '改坏了'").pluck().get()).toBe(0);
    expect(ctx.db.prepare('SELECT value FROM settings').pluck().all()).toEqual(['"half-even"']);
  } finally {
    ctx.db.close();
  }
});
