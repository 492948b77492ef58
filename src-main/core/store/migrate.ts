import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/errors.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';

/**
 * Brings the store to SCHEMA_VERSION in one transaction: either every pending migration applies or
 * none does. A store written by a newer ParkBrief is refused rather than guessed at.
 */
export function migrate(db: Database, path: string, migrations = MIGRATIONS): { from: number; to: number } {
  const target = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > target) {
    throw new AppError('STORE_TOO_NEW', { path, found: from, supported: target });
  }
  if (from === target) return { from, to: target };
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= from) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: target };
}

export { SCHEMA_VERSION };
