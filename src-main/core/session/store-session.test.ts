import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract.ts';
import type { BackupList, RestoreResult, StoreStatus } from '../../shared/backups.ts';
import type { Grid, Park } from '../../shared/model.ts';
import { backupsFolder, listBackupNames } from '../backups/backup-files.ts';
import { openCore } from './open-core.ts';
import { corruptPages } from '../../../test/support/corrupt-store.ts';
import { fileSha256 } from '../../../test/support/temp-store.ts';
import { dispatchSession } from './dispatch-session.ts';
import { StoreSession } from './store-session.ts';

const dirs: string[] = [];
const sessions: StoreSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function demoStorePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkbrief-session-'));
  dirs.push(dir);
  const path = join(dir, 'parkbrief.sqlite');
  openCore(path, { origin: 'test', demoIfNew: true }).db.close();
  return path;
}

async function open(path: string, now?: () => Date): Promise<StoreSession> {
  const s = await StoreSession.open(path, { origin: 'test', demoIfNew: true, ...(now ? { now } : {}) });
  sessions.push(s);
  return s;
}

async function call<T>(s: StoreSession, method: string, input: unknown = {}): Promise<T> {
  const env = await dispatchSession(s, method, input);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { body: env.error });
  return env.value as T;
}

const err = (env: Envelope<unknown>) => (env.ok ? null : env.error);

/** A page in the middle of a closed store overwritten with garbage, as a torn write or a bad sector would leave it. */
const damage = (path: string) => corruptPages(path, { pages: [3], seed: 3 });


async function gdp(s: StoreSession): Promise<string | null> {
  const parks = await call<Park[]>(s, 'parks.list');
  const park = parks.find((p) => p.name === '楚雄高新区')!;
  const periods = await call<{ id: string; key: string }[]>(s, 'periods.list');
  const grid = await call<Grid>(s, 'grid.get', { parkId: park.id, periodId: periods.find((p) => p.key === '2022')!.id, kind: 'actual' });
  return grid.rows.find((r) => r.indicator.name === '地区生产总值')!.current?.value ?? null;
}

async function setGdp(s: StoreSession, text: string): Promise<void> {
  const parks = await call<Park[]>(s, 'parks.list');
  const periods = await call<{ id: string; key: string }[]>(s, 'periods.list');
  const parkId = parks.find((p) => p.name === '楚雄高新区')!.id;
  const periodId = periods.find((p) => p.key === '2022')!.id;
  const grid = await call<Grid>(s, 'grid.get', { parkId, periodId, kind: 'actual' });
  const indicatorId = grid.rows.find((r) => r.indicator.name === '地区生产总值')!.indicator.id;
  await call(s, 'values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId, field: 'value', text }] });
}

describe('StoreSession on a healthy store', () => {
  it('backs up on start, lists, backs up on request, and restores by name with the replaced store kept', async () => {
    const path = demoStorePath();
    const s = await open(path);
    expect(s.lastBackup?.reason).toBe('start');
    expect((await call<StoreStatus>(s, 'store.status')).state).toBe('open');
    const manual = await call<{ name: string }>(s, 'backups.create');
    await setGdp(s, '345.6');
    expect(await gdp(s)).toBe('345.6');

    const restored = await call<RestoreResult>(s, 'backups.restore', { name: manual.name });
    expect(await gdp(s)).toBe('333.52');
    expect(restored.replaced?.reason).toBe('before-restore');
    const list = await call<BackupList>(s, 'backups.list');
    expect(list.folder).toBe(backupsFolder(path));
    expect(list.backups.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual', 'start']);

    // Undo the restore: the replaced store comes back.
    await call(s, 'backups.restore', { name: restored.replaced!.name });
    expect(await gdp(s)).toBe('345.6');
  });

  it('holds calls that arrive during a restore until the restored store is open, instead of refusing them', async () => {
    const s = await open(demoStorePath());
    const manual = await call<{ name: string }>(s, 'backups.create');
    await setGdp(s, '345.6');
    const restoring = dispatchSession(s, 'backups.restore', { name: manual.name });
    await new Promise((r) => setImmediate(r));
    expect(s.current()).toBeNull(); // the swap is under way: the store is closed
    // Sent while the store is closed for the swap: answered from the restored store.
    const during = dispatchSession(s, 'history.state', {});
    const [r, h] = await Promise.all([restoring, during]);
    expect(r.ok).toBe(true);
    expect(h).toMatchObject({ ok: true });
    expect(await gdp(s)).toBe('333.52');
  });

  it('names a backup by file name only: a path, a foreign name or an unknown file is refused', async () => {
    const s = await open(demoStorePath());
    for (const name of ['../parkbrief.sqlite', '/etc/passwd', 'parkbrief.sqlite', 'x-20260101-000000-000-start.sqlite/../../a']) {
      expect(err(await dispatchSession(s, 'backups.restore', { name }))?.code).toBe('INVALID_INPUT');
    }
    expect(err(await dispatchSession(s, 'backups.restore', { name: 'parkbrief-20200101-000000-000-manual.sqlite' }))?.code).toBe('BACKUP_NOT_FOUND');
    expect(await gdp(s)).toBe('333.52');
  });

  it('makes the daily backup when the hourly check finds none younger than a day', async () => {
    let now = new Date(2026, 10, 20, 9, 0, 0);
    const s = await open(demoStorePath(), () => now);
    await s.runDailyCheck();
    expect(listBackupNames(s.storePath).map((b) => b.reason)).toEqual(['start']);
    now = new Date(now.getTime() + 25 * 3_600_000);
    await s.runDailyCheck();
    expect(listBackupNames(s.storePath).map((b) => b.reason)).toEqual(['daily', 'start']);
  });

  it('refuses salvage and a fresh start while the store is fine', async () => {
    const s = await open(demoStorePath());
    expect(err(await dispatchSession(s, 'recovery.startFresh', {}))?.code).toBe('RECOVERY_NOT_NEEDED');
    expect(err(await dispatchSession(s, 'recovery.salvage', {}))?.code).toBe('RECOVERY_NOT_NEEDED');
    expect(await gdp(s)).toBe('333.52');
  });
});

describe('StoreSession on a store that fails its check', () => {
  async function damagedWithBackup(): Promise<{ path: string; backup: string; hash: string }> {
    const path = demoStorePath();
    const first = await open(path);
    const backup = first.lastBackup!.name;
    first.close();
    damage(path);
    return { path, backup, hash: fileSha256(path) };
  }

  it('stays in recovery: says why, answers store methods with STORE_NOT_OPEN, and leaves the file alone', async () => {
    const { path, hash } = await damagedWithBackup();
    const s = await open(path);
    const status = await call<StoreStatus>(s, 'store.status');
    expect(status).toMatchObject({ state: 'failed', storePath: path, canSalvage: true });
    expect(status.state === 'failed' && status.error.code).toBe('STORE_DAMAGED');
    const refused = err(await dispatchSession(s, 'parks.list', {}));
    expect(refused?.code).toBe('STORE_NOT_OPEN');
    expect(err(await dispatchSession(s, 'backups.create', {}))?.code).toBe('STORE_DAMAGED');
    expect(fileSha256(path)).toBe(hash);
    // No start backup of a damaged store: it would push good backups out of retention.
    expect(listBackupNames(path).map((b) => b.reason)).toEqual(['start']);
  });

  it('restores a backup from the recovery screen and opens it; the damaged file is kept', async () => {
    const { path, backup, hash } = await damagedWithBackup();
    const s = await open(path);
    const result = await call<RestoreResult>(s, 'backups.restore', { name: backup });
    expect(result.replaced?.reason).toBe('replaced');
    expect(fileSha256(join(backupsFolder(path), result.replaced!.name))).toBe(hash);
    expect((await call<StoreStatus>(s, 'store.status')).state).toBe('open');
    expect(await gdp(s)).toBe('333.52');
  });

  it('starts fresh with an empty store, keeping the damaged one in the backups folder', async () => {
    const { path, hash } = await damagedWithBackup();
    const s = await open(path);
    const { setAside } = await call<{ setAside: { name: string; reason: string } }>(s, 'recovery.startFresh');
    expect(setAside.reason).toBe('replaced');
    expect(fileSha256(join(backupsFolder(path), setAside.name))).toBe(hash);
    expect(await call<Park[]>(s, 'parks.list')).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });

  it('salvages what is readable into a new backup that can then be restored', async () => {
    const { path, hash } = await damagedWithBackup();
    const s = await open(path);
    const salvage = await call<{ saved: { name: string; reason: string; restorable: boolean }; tables: { table: string; kept: number }[] }>(s, 'recovery.salvage');
    expect(salvage.saved).toMatchObject({ reason: 'salvaged', restorable: true });
    expect(salvage.tables.find((t) => t.table === 'parks')?.kept).toBeGreaterThan(0);
    expect(fileSha256(path)).toBe(hash);
    await call(s, 'backups.restore', { name: salvage.saved.name });
    expect((await call<StoreStatus>(s, 'store.status')).state).toBe('open');
  });
});
