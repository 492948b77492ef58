// The CLI and the app on one store at the same time, as real processes: SQLite in WAL mode with a
// busy timeout. A command waits for another writer and then succeeds; a store held past the timeout
// gives STORE_BUSY (exit 3) instead of a hang; writes from a browser-mode host and several CLI
// processes at once are all kept, one change-log batch each. The app's side of a busy store (an
// edit through dispatch and over HTTP) answers with the STORE_BUSY envelope, not INTERNAL.

import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../shared/errors.ts';
import { dispatch } from '../core/rpc/dispatch.ts';
import { openCore } from '../core/session/open-core.ts';
import { rpcPost, runNode, startNode, startServe, type Started } from '../../test/support/processes.ts';
import { tempStore, type TempStore } from '../../test/support/temp-store.ts';
import { EXIT } from './io.ts';
import { runCliCaptured } from '../../test/support/run-cli-captured.ts';

const CX = '楚雄高新区';
const HOLD = 'test/support/hold-write-lock.ts';

let s: TempStore;
let holder: Started | null;
beforeEach(() => {
  s = tempStore();
  holder = null;
});
afterEach(async () => {
  if (holder && holder.exitCode() === null) {
    holder.child.stdin.end();
    await holder.done;
  }
  s.dispose();
});

/** Another process takes the store's write lock, as the app does in the middle of a write. */
async function holdLock(): Promise<Started> {
  holder = startNode([HOLD, s.path]);
  await holder.line(/^locked$/);
  return holder;
}

async function release(h: Started): Promise<number> {
  h.child.stdin.end('\n');
  return Number((await h.line(/^released \d+$/)).split(' ')[1]);
}

const setArgs = (indicator: string, value: string, park = CX) => ['src-main/cli.ts', 'set', '--db', s.path, '--park', park, '--period', '2022', '--indicator', indicator, '--value', value];

function stored(indicator: string, park = CX): string | null {
  const db = new Database(s.path, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT v.value FROM indicator_values v JOIN parks p ON p.pk = v.park JOIN periods q ON q.pk = v.period JOIN indicators i ON i.pk = v.indicator
         WHERE p.name = ? AND q.key = '2022' AND v.kind = 'actual' AND i.name = ?`,
      )
      .get(park, indicator) as { value: string } | undefined;
    return row?.value ?? null;
  } finally {
    db.close();
  }
}

function batchesAfter(seq: number): { seq: number; at: string; origin: string; entity_id: string; changes: number }[] {
  const db = new Database(s.path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT b.seq, b.at, b.origin, min(c.entity_id) AS entity_id, count(c.seq) AS changes
         FROM batches b LEFT JOIN changes c ON c.batch_seq = b.seq WHERE b.seq > ? GROUP BY b.seq ORDER BY b.seq`,
      )
      .all(seq) as never;
  } finally {
    db.close();
  }
}

const lastBatch = () => (s.ctx.db.prepare('SELECT coalesce(max(seq), 0) FROM batches').pluck().get() as number);

describe('a CLI command while another process writes', () => {
  it('waits for the lock and saves once it is released', async () => {
    const h = await holdLock();
    const before = lastBatch();
    const set = startNode(setArgs('地区生产总值', '401.5'), { env: { PARKBRIEF_BUSY_TIMEOUT_MS: '60000' } });
    await sleep(1500);
    expect(set.exitCode(), `the command did not wait: ${set.stdout()}${set.stderr()}`).toBeNull();
    const releasedAt = await release(h);
    const r = await set.done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('已保存：楚雄高新区 · 2022年 · 地区生产总值');
    expect(stored('地区生产总值')).toBe('401.5');
    const batches = batchesAfter(before);
    expect(batches).toHaveLength(1);
    expect(Date.parse(batches[0]!.at)).toBeGreaterThanOrEqual(releasedAt);
  });

  it('held past the timeout: STORE_BUSY naming the store, exit 3, after about the timeout — and nothing written', { timeout: 120_000 }, async () => {
    const h = await holdLock();
    const before = lastBatch();
    const r = await runNode(setArgs('地区生产总值', '402.5'), { env: { PARKBRIEF_BUSY_TIMEOUT_MS: '1000', PARKBRIEF_LANG: '' } });
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`错误：${formatMessage('STORE_BUSY', { path: s.path })}\n  技术信息：SQLITE_BUSY`);
    expect(r.stderr).toContain(`数据库「${s.path}」正被其他程序写入`);
    expect(r.code).toBe(EXIT.store);
    // It waited the timeout (SQLite retries until it is spent) and did not hang past it. The upper
    // bounds are loose, for a loaded machine: a hang would never end at all.
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    expect(r.ms).toBeLessThan(60_000);
    // The wait alone, without starting Node and loading the CLI: the same command in this process.
    const started = performance.now();
    const inProcess = await runCliCaptured(setArgs('地区生产总值', '402.5').slice(1), { PARKBRIEF_BUSY_TIMEOUT_MS: '1000' });
    const waited = performance.now() - started;
    expect(inProcess.code).toBe(EXIT.store);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(15_000);
    console.log(`STORE_BUSY with PARKBRIEF_BUSY_TIMEOUT_MS=1000: the command gave up after ${Math.round(waited)} ms (${Math.round(r.ms)} ms from process start to exit)`);
    await release(h);
    expect(stored('地区生产总值')).toBe('333.52');
    expect(batchesAfter(before)).toEqual([]);
  });

  it('says it in English on request', async () => {
    await holdLock();
    const r = await runNode(setArgs('地区生产总值', '402.5'), { env: { PARKBRIEF_BUSY_TIMEOUT_MS: '200', PARKBRIEF_LANG: 'en' } });
    expect(r.stderr.trim()).toBe(`Error: ${formatMessage('STORE_BUSY', { path: s.path }, 'en')}\n  Technical detail: SQLITE_BUSY`);
    expect(r.code).toBe(EXIT.store);
  });
});

describe('the app and the CLI writing at the same time', () => {
  // The browser-mode host writes without pause (two clients, each sending its next edit as soon as
  // the last is answered, like autosave) while rounds of CLI processes start together and write
  // cells of their own. A command that read before it wrote would meet a changed store or a held
  // lock between the two, where SQLite does not wait; every write must still be acknowledged.
  it('keeps every acknowledged write, one batch each', { timeout: 300_000 }, async () => {
    const ROUNDS = 3;
    const CLI_PER_ROUND = 6;
    const HTTP_CLIENTS = 2;
    const CELLS_PER_CLIENT = 3;
    const indicators = s.ctx.db
      .prepare("SELECT id, name, pk FROM indicators WHERE kind IN ('amount', 'count') ORDER BY sort LIMIT ?")
      .all(ROUNDS * CLI_PER_ROUND + HTTP_CLIENTS * CELLS_PER_CLIENT) as { id: string; name: string; pk: number }[];
    expect(indicators).toHaveLength(ROUNDS * CLI_PER_ROUND + HTTP_CLIENTS * CELLS_PER_CLIENT);
    const { parkId, periodId } = s.ids(CX, '2022');
    // The change log names a figure by its local keys: park:period:kind:indicator.
    const cellPrefix = s.ctx.db
      .prepare("SELECT p.pk || ':' || q.pk || ':actual:' FROM parks p, periods q WHERE p.id = ? AND q.id = ?")
      .pluck()
      .get(parkId, periodId) as string;
    const before = lastBatch();
    s.ctx.db.close();

    const host = await startServe(s.path);
    const acked: { indicator: (typeof indicators)[number]; value: string; via: 'cli' | 'http' }[] = [];
    const failures: string[] = [];
    try {
      let cliDone = false;
      const clients = Array.from({ length: HTTP_CLIENTS }, async (_, c) => {
        const cells = indicators.slice(ROUNDS * CLI_PER_ROUND + c * CELLS_PER_CLIENT, ROUNDS * CLI_PER_ROUND + (c + 1) * CELLS_PER_CLIENT);
        for (let n = 0; !cliDone; n++) {
          const ind = cells[n % cells.length]!;
          const value = String(2000 + n);
          const r = await host.rpc('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: ind.id, field: 'value', text: value }] });
          if (r?.ok) acked.push({ indicator: ind, value, via: 'http' });
          else failures.push(`http ${ind.name}: ${JSON.stringify(r)}`);
        }
      });
      let next = 0;
      for (let round = 0; round < ROUNDS; round++) {
        await Promise.all(
          Array.from({ length: CLI_PER_ROUND }, () => {
            const ind = indicators[next]!;
            const value = String(1000 + next++);
            return runNode(setArgs(ind.name, value), { env: { PARKBRIEF_BUSY_TIMEOUT_MS: '30000' } }).then((r) => {
              if (r.code === EXIT.ok) acked.push({ indicator: ind, value, via: 'cli' });
              else failures.push(`cli ${ind.name}: ${r.code} ${r.stderr}`);
            });
          }),
        );
      }
      cliDone = true;
      await Promise.all(clients);
    } finally {
      await host.stop();
    }
    // None refused: with a busy timeout, contention is waited out, never reported.
    expect(failures).toEqual([]);
    const viaCli = acked.filter((a) => a.via === 'cli');
    const viaHttp = acked.filter((a) => a.via === 'http');
    expect(viaCli).toHaveLength(ROUNDS * CLI_PER_ROUND);
    expect(viaHttp.length).toBeGreaterThan(0);
    // Each cell holds its last acknowledged value (a client's writes to one cell are in order).
    const last = new Map(acked.map((a) => [a.indicator.name, a.value]));
    for (const [name, value] of last) expect(stored(name), name).toBe(value);
    const batches = batchesAfter(before);
    expect(batches).toHaveLength(acked.length);
    expect(batches.every((b) => b.changes === 1)).toBe(true);
    expect(batches.map((b) => b.entity_id).sort()).toEqual(acked.map((a) => cellPrefix + a.indicator.pk).sort());
    const db = new Database(s.path, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    console.log(`${acked.length} writes at once kept, ${batches.length} batches: ${viaCli.length} by ${ROUNDS} rounds of ${CLI_PER_ROUND} CLI processes, ${viaHttp.length} by ${HTTP_CLIENTS} browser-mode clients`);
  });
});

describe('the app on a store another process holds', () => {
  it('an edit through dispatch answers STORE_BUSY naming the store, then succeeds once released', async () => {
    const ids = s.ids(CX, '2022');
    const gdp = s.indicatorId('地区生产总值');
    const ctx = openCore(s.path, { origin: 'app', busyTimeoutMs: 300 });
    try {
      const h = await holdLock();
      const edit = { ...ids, kind: 'actual', edits: [{ indicatorId: gdp, field: 'value', text: '410' }] };
      const r = await dispatch(ctx, 'values.edit', edit);
      expect(r).toEqual({ ok: false, error: { code: 'STORE_BUSY', message: formatMessage('STORE_BUSY', { path: s.path }), params: { path: s.path, detail: expect.stringMatching(/^SQLITE_BUSY/) as string } } });

      // The same over browser mode's HTTP endpoint, as the page sends it.
      const { startServer } = await import('../http/server.ts');
      const server = await startServer({ ctx, port: 0 });
      try {
        const origin = new URL(server.url).origin;
        expect(await rpcPost(origin, server.token, 'values.edit', edit)).toMatchObject({ ok: false, error: { code: 'STORE_BUSY', params: { path: s.path } } });
        await release(h);
        expect(await rpcPost(origin, server.token, 'values.edit', edit)).toMatchObject({ ok: true, value: { changed: 1 } });
      } finally {
        await server.close();
      }
      expect(stored('地区生产总值')).toBe('410');
    } finally {
      ctx.db.close();
    }
  });
});
