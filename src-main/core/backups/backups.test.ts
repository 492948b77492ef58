import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, formatMessage } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { openForHost } from '../session/open-for-host.ts';
import { SCHEMA_VERSION } from '../store/migrations/index.ts';
import { corruptPages } from '../../../test/support/corrupt-store.ts';
import { dumpStore, fileSha256, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { editValues } from '../values/edit-values.ts';
import { backupFileName, backupsFolder, dailyBackupDue, listBackupNames, listBackups, parseBackupName, RETENTION } from './backup-files.ts';
import { createBackup } from './create-backup.ts';
import { restoreStore } from './restore.ts';
import { ON_THIS_THREAD, type StoreFileWork } from './store-file-work.ts';

const stores: TempStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

function store(): TempStore {
  const s = tempStore();
  stores.push(s);
  return s;
}


/** Sets 地区生产总值 of 楚雄高新区 2022 through the normal edit path. */
function setGdp(s: TempStore, text: string): void {
  editValues(s.ctx, { ...s.ids('楚雄高新区', '2022'), kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text }] });
}

function gdp(db: Database.Database): string | undefined {
  return db
    .prepare(
      `SELECT v.value FROM indicator_values v JOIN indicators i ON i.pk = v.indicator JOIN parks p ON p.pk = v.park JOIN periods q ON q.pk = v.period
       WHERE i.name = '地区生产总值' AND p.name = '楚雄高新区' AND q.key = '2022' AND v.kind = 'actual'`,
    )
    .pluck()
    .get() as string | undefined;
}

function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A page in the middle of a closed store overwritten with garbage, as a torn write or a bad sector would leave it. */
const damage = (path: string) => corruptPages(path, { pages: [3], seed: 3 });

describe('createBackup (online backup API)', () => {
  it('copies every row into a checked file in the backups folder, leaving no partial file', async () => {
    const s = store();
    const { path, entry } = await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual', now: new Date(2026, 10, 22, 9, 30, 5, 7) });
    expect(path).toBe(join(backupsFolder(s.path), 'store-20261122-093005-007-manual.sqlite'));
    expect(entry).toMatchObject({ reason: 'manual', schemaVersion: SCHEMA_VERSION, parks: 2, restorable: true });
    expect(entry.figures).toBe(s.ctx.db.prepare("SELECT count(*) FROM indicator_values").pluck().get());
    expect(entry.figures).toBeGreaterThan(50);
    const copy = new Database(path, { readonly: true });
    try {
      expect(dumpStore({ db: copy } as CoreContext)).toEqual(dumpStore(s.ctx));
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect(readdirSync(backupsFolder(s.path))).toEqual(['store-20261122-093005-007-manual.sqlite']);
  });

  it('is a snapshot of committed data while another connection keeps writing', async () => {
    const s = store();
    setGdp(s, '400');
    const writer = new Database(s.path);
    writer.pragma('busy_timeout = 5000');
    const pending = createBackup(s.ctx.db, { storePath: s.path, reason: 'manual' });
    // Written while the backup runs: the copy holds 400 or the new figure, never a torn page.
    writer.prepare("UPDATE indicator_values SET value = '401' WHERE value = '400'").run();
    writer.close();
    const { path } = await pending;
    withDb(path, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(['400', '401']).toContain(gdp(db));
    });
  });

  it('names two backups in the same millisecond apart', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5, 6);
    expect(backupFileName('/x/parkbrief.sqlite', 'start', at)).toBe('parkbrief-20260102-030405-006-start.sqlite');
    expect(backupFileName('/x/parkbrief.sqlite', 'start', at, 2)).toBe('parkbrief-20260102-030405-006-2-start.sqlite');
    expect(parseBackupName('parkbrief-20260102-030405-006-2-start.sqlite')).toMatchObject({ stem: 'parkbrief', reason: 'start' });
    expect(parseBackupName('../etc/passwd-20260102-030405-006-start.sqlite')).toBeNull();
    expect(parseBackupName('parkbrief-20260102-030405-006-unknown.sqlite')).toBeNull();
  });
});

describe('retention and the daily backup', () => {
  it('keeps the newest automatic backups of each kind and never removes a manual one', async () => {
    const s = store();
    const base = new Date(2026, 10, 1, 8, 0, 0).getTime();
    for (let i = 0; i < 13; i++) await createBackup(s.ctx.db, { storePath: s.path, reason: 'start', now: new Date(base + i * 60_000) });
    for (let i = 0; i < 3; i++) await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual', now: new Date(base - (i + 1) * 86_400_000) });
    const names = listBackupNames(s.path);
    const starts = names.filter((b) => b.reason === 'start');
    expect(starts).toHaveLength(RETENTION.start!);
    // The oldest three went: the newest is 12 minutes after base, the oldest kept 3 minutes after.
    expect(starts.at(-1)!.createdAt.getTime()).toBe(base + 3 * 60_000);
    expect(names.filter((b) => b.reason === 'manual')).toHaveLength(3);
  });

  it('is due when no automatic backup is younger than a day', async () => {
    const s = store();
    const t0 = new Date(2026, 10, 20, 9, 0, 0);
    expect(dailyBackupDue(s.path, t0)).toBe(true);
    await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual', now: t0 });
    expect(dailyBackupDue(s.path, t0)).toBe(true); // a manual backup is the user's, not the schedule's
    await createBackup(s.ctx.db, { storePath: s.path, reason: 'start', now: t0 });
    expect(dailyBackupDue(s.path, new Date(t0.getTime() + 23 * 3_600_000))).toBe(false);
    expect(dailyBackupDue(s.path, new Date(t0.getTime() + 24 * 3_600_000))).toBe(true);
  });
});

describe('openForHost', () => {
  it('stops at a start backup cancelled (the host closing) rather than warning and opening the store', async () => {
    const s = store();
    s.ctx.db.close();
    const before = fileSha256(s.path);
    const work: StoreFileWork = { check: ON_THIS_THREAD.check, backup: () => Promise.reject(new AppError('JOB_CANCELLED', { name: 'store.sqlite' })) };
    await expect(openForHost(s.path, { origin: 'test', demoIfNew: true, backupOnStart: true, work })).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(fileSha256(s.path)).toBe(before);
    // A backup that failed otherwise still only warns: the store opens.
    const failing: StoreFileWork = { check: ON_THIS_THREAD.check, backup: () => Promise.reject(new AppError('BACKUP_FAILED', { path: s.path, detail: 'disk full' })) };
    const opened = await openForHost(s.path, { origin: 'test', demoIfNew: true, backupOnStart: true, work: failing });
    expect(opened.backupWarning?.code).toBe('BACKUP_FAILED');
    opened.ctx.db.close();
  });

  it('backs up on start when asked, and otherwise once a day', async () => {
    const s = store();
    s.ctx.db.close();
    const t0 = new Date(2026, 10, 20, 9, 0, 0);
    const first = await openForHost(s.path, { origin: 'test', backupOnStart: true, now: t0 });
    first.ctx.db.close();
    expect(first.backup?.reason).toBe('start');
    const later = await openForHost(s.path, { origin: 'test', backupOnStart: false, now: new Date(t0.getTime() + 3_600_000) });
    later.ctx.db.close();
    expect(later.backup).toBeNull();
    const nextDay = await openForHost(s.path, { origin: 'test', backupOnStart: false, now: new Date(t0.getTime() + 25 * 3_600_000) });
    nextDay.ctx.db.close();
    expect(nextDay.backup?.reason).toBe('daily');
    s.reopen();
  });

  it('backs up a store of an earlier version before migrating it, and the backup keeps the old version', async () => {
    const s = store();
    // Back to version 2: the state of a store written before check rules existed.
    s.ctx.db.exec("DROP TABLE check_rules; DROP TABLE indicator_aliases; DROP TABLE indicator_use; DROP TABLE units; DROP TABLE qualifiers; PRAGMA user_version = 2; UPDATE meta SET value = '1' WHERE key = 'catalog_version';");
    s.ctx.db.close();
    const opened = await openForHost(s.path, { origin: 'test', backupOnStart: true });
    try {
      expect(opened.backup).toMatchObject({ reason: 'pre-migration', schemaVersion: 2, restorable: true });
      expect(opened.ctx.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const backup = join(backupsFolder(s.path), opened.backup!.name);
      withDb(backup, (db) => expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'check_rules'").pluck().get()).toBe(0));
    } finally {
      opened.ctx.db.close();
    }
    s.reopen();
  });

  it('refuses a migration it could not back up first, leaving the store at its version', async () => {
    const s = store();
    s.ctx.db.exec("DROP TABLE check_rules; DROP TABLE indicator_aliases; DROP TABLE indicator_use; DROP TABLE units; DROP TABLE qualifiers; PRAGMA user_version = 2; UPDATE meta SET value = '1' WHERE key = 'catalog_version';");
    s.ctx.db.close();
    // A file where the backups folder should be: the backup cannot be written.
    writeFileSync(backupsFolder(s.path), 'not a folder');
    await expect(openForHost(s.path, { origin: 'test', backupOnStart: false })).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    withDb(s.path, (db) => expect(db.pragma('user_version', { simple: true })).toBe(2));
  });

  it('opens the store and warns when only a routine backup failed', async () => {
    const s = store();
    s.ctx.db.close();
    writeFileSync(backupsFolder(s.path), 'not a folder');
    const opened = await openForHost(s.path, { origin: 'test', backupOnStart: true });
    opened.ctx.db.close();
    expect(opened.backup).toBeNull();
    expect(opened.backupWarning?.code).toBe('BACKUP_FAILED');
    s.reopen();
  });

  it.each([
    ['a damaged page', (p: string) => damage(p), 'STORE_DAMAGED'],
    ['an empty file', (p: string) => writeFileSync(p, ''), 'STORE_DAMAGED'],
    ['a smashed header', (p: string) => writeFileSync(p, Buffer.concat([Buffer.alloc(100, 7), readFileSync(p).subarray(100)])), 'STORE_DAMAGED'],
    ['a text file', (p: string) => writeFileSync(p, '地区生产总值,333.52\n'), 'STORE_DAMAGED'],
    [
      'another program’s SQLite database',
      (p: string) => {
        const db = new Database(p + '.other');
        db.exec('CREATE TABLE notes (x)');
        db.close();
        writeFileSync(p, readFileSync(p + '.other'));
      },
      'STORE_UNREADABLE',
    ],
  ])('refuses a store with %s: the file stays byte for byte, nothing is created or backed up', async (_label, spoil, code) => {
    const s = store();
    s.ctx.db.close();
    spoil(s.path);
    const before = fileSha256(s.path);
    const err = await openForHost(s.path, { origin: 'test', demoIfNew: true, backupOnStart: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toContain(s.path);
    expect(fileSha256(s.path)).toBe(before);
    expect(existsSync(backupsFolder(s.path))).toBe(false);
  });
});

describe('restoreStore', () => {
  it('replaces a healthy store, keeps the replaced one, and restoring that undoes it', async () => {
    const s = store();
    setGdp(s, '333.52');
    const { path: backup } = await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual' });
    setGdp(s, '999');
    const afterEdit = dumpStore(s.ctx);
    // Another program keeps the store open (the app beside the CLI): it sees the restore.
    const other = new Database(s.path, { readonly: true });
    s.ctx.db.close();
    const outcome = await restoreStore(s.path, backup);
    expect(gdp(other)).toBe('333.52');
    other.close();
    expect(outcome.replaced).toMatchObject({ reason: 'before-restore', restorable: true });
    withDb(outcome.replacedPath!, (db) => expect(gdp(db)).toBe('999'));

    await restoreStore(s.path, outcome.replacedPath!);
    expect(dumpStore(s.reopen())).toEqual(afterEdit);
  });

  it('a check that did not run to its end (its worker cancelled or dead) is no verdict: the store stays, the restore is refused', async () => {
    const s = store();
    const { path: backup } = await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual' });
    setGdp(s, '999');
    s.ctx.db.close();
    const hash = fileSha256(s.path);
    for (const code of ['JOB_CANCELLED', 'JOB_CRASHED', 'JOB_DEADLINE'] as const) {
      // The backup's check passes; the store's own check ends without a verdict.
      const work: StoreFileWork = {
        check: (path) => (path === s.path ? Promise.reject(new AppError(code, { name: 'store.sqlite', detail: 'x', limit: 1 })) : ON_THIS_THREAD.check(path)),
        backup: ON_THIS_THREAD.backup,
      };
      await expect(restoreStore(s.path, backup, new Date(), work)).rejects.toMatchObject({ code });
      expect(fileSha256(s.path)).toBe(hash);
      expect(existsSync(backupsFolder(s.path)) ? readdirSync(backupsFolder(s.path)).filter((n) => /replaced|before-restore/.test(n)) : []).toEqual([]);
    }
    // And the backup's own check ended early is not "not a store" either.
    const early: StoreFileWork = { check: () => Promise.reject(new AppError('JOB_CANCELLED', { name: 'b' })), backup: ON_THIS_THREAD.backup };
    await expect(restoreStore(s.path, backup, new Date(), early)).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });

  it('sets a damaged store aside unchanged and puts the backup in its place', async () => {
    const s = store();
    const { path: backup } = await createBackup(s.ctx.db, { storePath: s.path, reason: 'manual' });
    const good = dumpStore(s.ctx);
    s.ctx.db.close();
    damage(s.path);
    const damagedHash = fileSha256(s.path);
    const outcome = await restoreStore(s.path, backup);
    expect(outcome.replaced?.reason).toBe('replaced');
    expect(fileSha256(outcome.replacedPath!)).toBe(damagedHash);
    expect(dumpStore(s.reopen())).toEqual(good);
  });

  it.each([
    ['does not exist', (dir: string) => join(dir, 'missing.sqlite'), /文件不存在/, /does not exist/],
    ['is damaged', (dir: string, path: string) => {
      const p = join(dir, 'bad.sqlite');
      writeFileSync(p, readFileSync(path));
      damage(p);
      return p;
    }, /已损坏/, /is damaged/],
    ['is not a ParkBrief store', (dir: string) => {
      const p = join(dir, 'other.sqlite');
      const db = new Database(p);
      db.exec('CREATE TABLE notes (x); PRAGMA user_version = 1');
      db.close();
      return p;
    }, /不是园区简报的数据库/, /not a ParkBrief store/],
    ['comes from a newer ParkBrief', (dir: string, path: string) => {
      const p = join(dir, 'newer.sqlite');
      writeFileSync(p, readFileSync(path));
      const db = new Database(p);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      return p;
    }, /更新版本/, new RegExp(`newer ParkBrief \\(version ${SCHEMA_VERSION + 1}; this one supports ${SCHEMA_VERSION}\\)`)],
    ['is the store itself', (_dir: string, path: string) => path, /当前数据库本身/, /current store itself/],
  ])('refuses a backup that %s and leaves the store untouched', async (_label, make, reason, reasonEn) => {
    const s = store();
    s.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const source = make(s.dir, s.path);
    const before = fileSha256(s.path);
    const err = (await restoreStore(s.path, source).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toMatch(reason);
    expect(err.message).toContain('当前数据库未做任何改动');
    // The English message words the reason in English (it carried the Chinese reason before).
    const en = formatMessage(err.code, err.params, 'en');
    expect(en).toMatch(reasonEn);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(fileSha256(s.path)).toBe(before);
    expect(listBackups(s.path)).toEqual([]);
  });
});
