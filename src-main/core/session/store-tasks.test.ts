// A backup of a big store and a salvage run in a job's worker: the host answers meanwhile, the
// progress counts pages, and a cancelled or failed one leaves no file behind and the store as it was.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corruptPages } from '../../../test/support/corrupt-store.ts';
import { fileSha256 } from '../../../test/support/temp-store.ts';
import type { StoreStatus } from '../../shared/backups.ts';
import type { JobProgress } from '../../shared/jobs.ts';
import { startServer } from '../../http/server.ts';
import { backupsFolder, listBackupNames } from '../backups/backup-files.ts';
import { salvageInWorker } from '../jobs/store-jobs.ts';
import { dispatchSession } from './dispatch-session.ts';
import { openCore } from './open-core.ts';
import { StoreSession } from './store-session.ts';

const dirs: string[] = [];
const sessions: StoreSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The demo store grown by `mb` megabytes of rows no method reads: a store after years of use, as far as copying and checking go. */
function bigStore(mb: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'parkbrief-store-tasks-'));
  dirs.push(dir);
  const path = join(dir, 'parkbrief.sqlite');
  openCore(path, { origin: 'test', demoIfNew: true }).db.close();
  if (mb > 0) {
    const db = new Database(path);
    db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, b BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO ballast (b) VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < mb * 256; i++) insert.run();
    })();
    db.close();
  }
  return path;
}

async function open(path: string, extra: Partial<Parameters<typeof StoreSession.open>[1]> = {}): Promise<StoreSession> {
  const s = await StoreSession.open(path, { origin: 'test', demoIfNew: true, ...extra });
  sessions.push(s);
  return s;
}

/** What is in the backups folder beside the finished backups: temporary files left behind. */
function leftovers(path: string): string[] {
  const folder = backupsFolder(path);
  return existsSync(folder) ? readdirSync(folder).filter((n) => !/\.sqlite$/.test(n) || n.startsWith('.')) : [];
}

/** A method called over the HTTP host, as the renderer calls it. */
function rpcOf(server: { port: number; token: string }) {
  return async (method: string, body: unknown = {}) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parkbrief-token': server.token },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; value: unknown };
  };
}

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a backup of a big store runs in a worker', () => {
  it('the HTTP host answers while it copies and checks 200 MB, and store.status counts its pages', async () => {
    const path = bigStore(200);
    const s = await open(path);
    const server = await startServer({ session: s, port: 0, staticDir: null });
    const rpc = rpcOf(server);
    try {
      let finished = false;
      const backup = rpc('backups.create').then((r) => {
        finished = true;
        return r;
      });
      const seen: JobProgress[] = [];
      let slowest = 0;
      let answered = 0;
      while (!finished) {
        const t0 = Date.now();
        const [parks, status] = await Promise.all([rpc('parks.list'), rpc('store.status')]);
        slowest = Math.max(slowest, Date.now() - t0);
        expect(parks.ok).toBe(true);
        answered++;
        const running = (status.value as StoreStatus).running;
        if (running) seen.push(running.progress);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect((await backup).ok).toBe(true);
      // Answered all along: the copy and its check were not on this thread, and no request waited for them.
      expect(answered).toBeGreaterThan(5);
      expect(slowest).toBeLessThan(300);
      const copying = seen.filter((p) => p.stage === 'copying');
      expect(copying.length).toBeGreaterThan(1);
      expect(copying.at(-1)!.total).toBeGreaterThan(50_000); // 4 KB pages of 200 MB
      expect(copying.some((p) => p.count > 0 && p.count < p.total!)).toBe(true);
      expect(listBackupNames(path).map((b) => b.reason).sort()).toEqual(['manual', 'start']);
      expect(leftovers(path)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('cancelled midway: no backup, no temporary file, the store untouched and still open', async () => {
    const path = bigStore(120);
    const s = await open(path);
    const before = fileSha256(path);
    const backup = dispatchSession(s, 'backups.create', {});
    await until(() => {
      const r = s.status().running;
      return r?.progress.stage === 'copying' && r.progress.count > 0;
    });
    expect(await dispatchSession(s, 'backups.cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    const r = await backup;
    expect(r).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } });
    expect(s.status().running).toBeUndefined();
    expect(listBackupNames(path).map((b) => b.reason)).toEqual(['start']);
    expect(leftovers(path)).toEqual([]);
    expect(fileSha256(path)).toBe(before);
    expect(await dispatchSession(s, 'parks.list', {})).toMatchObject({ ok: true });
    expect(await dispatchSession(s, 'backups.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  }, 120_000);

  it('a store written during the backup: the copy is of one moment and passes its check', async () => {
    const path = bigStore(60);
    const s = await open(path);
    const backup = s.backupNow();
    await until(() => (s.status().running?.progress.count ?? 0) > 0);
    // Writes on the app's connection while the worker copies from its own read transaction.
    const ctx = s.current()!;
    for (let i = 0; i < 20; i++) ctx.db.prepare('INSERT INTO ballast (b) VALUES (randomblob(4000))').run();
    const entry = await backup;
    const copy = new Database(join(backupsFolder(path), entry.name), { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      const rows = (copy.prepare('SELECT count(*) AS n FROM ballast').get() as { n: number }).n;
      expect([60 * 256, 60 * 256 + 20]).toContain(rows);
    } finally {
      copy.close();
    }
  }, 120_000);
});

describe('a salvage runs in a worker', () => {
  it('stopped midway (its deadline), it leaves no file, no scratch folder, and the damaged store as it was', async () => {
    const path = bigStore(0);
    corruptPages(path, { pages: [3], seed: 3 });
    const hash = fileSha256(path);
    const scratchBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('parkbrief-salvage-'));
    const s = await open(path, { taskLimits: { heapMb: 256, deadlineMs: 30 } });
    expect(s.status().state).toBe('failed');
    const r = await dispatchSession(s, 'recovery.salvage', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'JOB_DEADLINE' } });
    // No start backup of a damaged store, and nothing salvaged.
    expect(listBackupNames(path)).toEqual([]);
    expect(existsSync(backupsFolder(path)) ? readdirSync(backupsFolder(path)) : []).toEqual([]);
    expect(readdirSync(dirname(path)).filter((n) => /salvag/.test(n))).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('parkbrief-salvage-') && !scratchBefore.includes(n))).toEqual([]);
    expect(fileSha256(path)).toBe(hash);
  }, 60_000);

  it('reports the rows it copied', async () => {
    const path = bigStore(30);
    corruptPages(path, { pages: [3], seed: 3 });
    // Every progress message the worker posts, as the session receives it. A quick salvage used to
    // post only its first count: the rest fell inside the 50 ms between messages and were dropped.
    const seen: JobProgress[] = [];
    const report = await salvageInWorker(path, join(dirname(path), 'salvaged.sqlite'), { onProgress: (p) => seen.push(p) }).done;
    expect(report).toBeTruthy();
    expect(seen.some((p) => p.stage === 'copying' && p.count > 0)).toBe(true);
  }, 60_000);
});

describe('a big store opens with its check and start backup in a worker', () => {
  it('the host answers store.status with their progress, and other requests wait for the open store', async () => {
    const path = bigStore(120);
    const s = StoreSession.start(path, { origin: 'test', demoIfNew: true });
    sessions.push(s);
    const server = await startServer({ session: s, port: 0, staticDir: null });
    const rpc = rpcOf(server);
    try {
      // Asked before the store is open: answered once it is, not refused.
      const parks = rpc('parks.list');
      const tasks = new Set<string>();
      const copying: JobProgress[] = [];
      let slowest = 0;
      for (;;) {
        const t0 = Date.now();
        const status = (await rpc('store.status')).value as StoreStatus;
        slowest = Math.max(slowest, Date.now() - t0);
        if (status.state !== 'opening') {
          expect(status.state).toBe('open');
          break;
        }
        if (status.running) tasks.add(status.running.task);
        if (status.running?.task === 'backup' && status.running.progress.stage === 'copying') copying.push(status.running.progress);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect([...tasks]).toEqual(['check', 'backup']);
      expect(copying.some((p) => p.count > 0 && p.count < p.total!)).toBe(true);
      // Every page of 120 MB was read twice (the check, the copy) and the copy checked, off this thread.
      expect(slowest).toBeLessThan(300);
      expect(await parks).toMatchObject({ ok: true });
      expect(listBackupNames(path).map((b) => b.reason)).toEqual(['start']);

      // A restore's copy of the store it replaces, and its checks, run in the worker too.
      const start = listBackupNames(path)[0]!.name;
      const restoring = dispatchSession(s, 'backups.restore', { name: start });
      const during = new Set<string>();
      let done = false;
      void restoring.then(() => (done = true));
      while (!done) {
        const r = s.status().running;
        if (r) during.add(r.task);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await restoring).toMatchObject({ ok: true });
      expect([...during]).toEqual(expect.arrayContaining(['check', 'backup']));
      expect(listBackupNames(path).map((b) => b.reason).sort()).toEqual(['before-restore', 'start']);
      expect(leftovers(path)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('a session closed while its store opens or a restore runs', () => {
  for (const phase of ['check', 'backup'] as const) {
    it(`ends the opening in its ${phase} without opening the store or reporting a failure`, async () => {
      const path = bigStore(60);
      const before = fileSha256(path);
      const s = StoreSession.start(path, { origin: 'test', demoIfNew: true });
      await until(() => s.status().running?.task === phase);
      // 取消 does not reach the steps of an opening: only closing ends them.
      expect(s.cancelTask()).toBe(false);
      s.close();
      await expect(s.opened).resolves.toBeUndefined();
      expect(s.current()).toBeNull();
      // Never opened for writing: the file as it was, nothing written to a -wal beside it (a read-only
      // connection may leave an empty one), no backup and nothing half-made.
      expect(fileSha256(path)).toBe(before);
      expect(existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0).toBe(0);
      expect(listBackupNames(path)).toEqual([]);
      expect(leftovers(path)).toEqual([]);
      const again = await open(path);
      expect(again.status().state).toBe('open');
    }, 120_000);
  }

  it('a restore ended by closing while it checks the backup: refused as cancelled, not as an invalid backup, the store as it was', async () => {
    const path = bigStore(60);
    const s = await open(path);
    const start = listBackupNames(path)[0]!.name;
    s.current()!.db.prepare('INSERT INTO ballast (b) VALUES (randomblob(10))').run();
    const restoring = dispatchSession(s, 'backups.restore', { name: start });
    await until(() => s.status().running?.task === 'check');
    s.close();
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } });
    expect(listBackupNames(path).map((b) => b.reason)).toEqual(['start']);
    const db = new Database(path, { readonly: true });
    try {
      expect((db.prepare('SELECT count(*) AS n FROM ballast').get() as { n: number }).n).toBe(60 * 256 + 1);
    } finally {
      db.close();
    }
  }, 120_000);
});
