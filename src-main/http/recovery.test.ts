// Browser mode on a store that fails its check: the host still starts, and the page can reach the
// recovery methods — and nothing else — through the same locks as every other call.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { StoreSession } from '../core/session/store-session.ts';
import { openCore } from '../core/session/open-core.ts';
import { corruptPages } from '../../test/support/corrupt-store.ts';
import { startServer, TOKEN_HEADER, type RunningServer } from './server.ts';

let dir: string;
let server: RunningServer | undefined;
let session: StoreSession | undefined;
afterEach(async () => {
  await server?.close();
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the recovery methods on a damaged store, refuses the rest, and opens the store after a restore', async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-recovery-'));
  const path = join(dir, 'parkbrief.sqlite');
  openCore(path, { origin: 'test', demoIfNew: true }).db.close();
  const first = await StoreSession.open(path, { origin: 'test', demoIfNew: true });
  const backup = first.lastBackup!.name;
  first.close();
  corruptPages(path, { pages: [3], seed: 3 });

  session = await StoreSession.open(path, { origin: 'test', demoIfNew: true });
  const staticDir = join(dir, 'static');
  rmSync(staticDir, { force: true, recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  server = await startServer({ session, port: 0, staticDir: dir });
  const rpc = async (method: string, body: unknown = {}, token = server!.token) => {
    const res = await fetch(`http://127.0.0.1:${server!.port}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
  };

  expect((await rpc('store.status')).body).toMatchObject({ ok: true, value: { state: 'failed', error: { code: 'STORE_DAMAGED' }, canSalvage: true } });
  expect((await rpc('parks.list')).body).toMatchObject({ ok: false, error: { code: 'STORE_NOT_OPEN' } });
  // The recovery methods are behind the same token as everything else.
  expect((await rpc('backups.restore', { name: backup }, 'wrong')).status).toBe(401);
  expect((await rpc('backups.restore', { name: backup })).body).toMatchObject({ ok: true, value: { replaced: { reason: 'replaced' } } });
  expect((await rpc('store.status')).body).toMatchObject({ ok: true, value: { state: 'open' } });
  expect((await rpc('parks.list')).body).toMatchObject({ ok: true, value: [{ name: '昆明高新区' }, { name: '楚雄高新区' }] });
});
