// One cell edit through the browser-mode HTTP transport, from request to durable: `parkbrief serve`
// commits each edit (WAL, synchronous=FULL) before it replies, so the reply time is the time to a
// saved figure. Target p95 ≤ 5 ms on loopback. Peer: the same request loop against a bare node:http
// server, also in its own process on loopback, that reads the body and answers {ok:true} without
// touching a store — the transport floor.
//
// One keep-alive connection, requests strictly sequential (the next starts when the reply is read).
// ParkBrief and peer alternate in blocks so machine noise hits both alike.

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { startServe } from '../e2e/server-process.ts';
import { figure, machine, median, ms, note, quantile, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const WARMUP = 50;
const BLOCKS = 3;
const PER_BLOCK = 150;
const TARGET_MS = 5;

interface Target {
  origin: string;
  token: string;
  agent: Agent;
}

function post(t: Target, method: string, body: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.origin}/rpc/${method}`,
      { method: 'POST', agent: t.agent, headers: { 'content-type': 'application/json', 'content-length': data.length, 'x-parkbrief-token': t.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function value<T>(t: Target, method: string, body: unknown): Promise<T> {
  const r = await post(t, method, body);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A bare node:http server in a child process, printing its port; same body handling as serve. */
async function startPeer(): Promise<{ origin: string; stop(): void }> {
  const code = `
    const http = require('node:http');
    const s = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => { JSON.parse(Buffer.concat(chunks).toString('utf8')); const b = '{"ok":true}';
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': b.length }); res.end(b); });
    });
    s.listen(0, '127.0.0.1', () => console.log('PORT ' + s.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.on('data', (b: Buffer) => resolve(/PORT (\d+)/.exec(b.toString())![1]!)));
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** The disk's share: one-row UPDATE commits in WAL + synchronous=FULL on the same tmpdir, no HTTP. */
function commitFloor(count: number): number[] {
  const db = new Database(join(tempDir('parkbrief-bench-fsync-'), 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES (1, '')");
  const upd = db.prepare('UPDATE t SET v = ? WHERE k = 1');
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    upd.run(String(i)); // autocommit: one transaction, one WAL fsync
    out.push(performance.now() - t0);
  }
  db.close();
  return out;
}

const agent = () => new Agent({ keepAlive: true, maxSockets: 1 });
const serve = await startServe();
const peerServer = await startPeer();
try {
  const pb: Target = { origin: serve.origin, token: serve.token, agent: agent() };
  const peer: Target = { origin: peerServer.origin, token: 'none', agent: agent() };
  const parks = await value<{ id: string; name: string }[]>(pb, 'parks.list', {});
  const periods = await value<{ id: string; key: string }[]>(pb, 'periods.list', {});
  const park = parks.find((p) => p.name.includes('楚雄')) ?? parks[0]!;
  const period = periods.find((p) => p.key === '2022') ?? periods[0]!;
  const grid = await value<{ rows: { indicator: { id: string; name: string } }[] }>(pb, 'grid.get', { parkId: park.id, periodId: period.id, kind: 'actual' });
  const gdp = grid.rows.find((r) => r.indicator.name === '地区生产总值')!.indicator;

  // Every edit changes the figure, so every request really writes and commits a batch.
  let n = 0;
  const edit = () => ({ parkId: park.id, periodId: period.id, kind: 'actual', edits: [{ indicatorId: gdp.id, field: 'value', text: `${300 + (n++ % 10000) / 100}` }] });
  async function loop(t: Target, count: number, out: number[] | null): Promise<void> {
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const r = await post(t, 'values.edit', edit());
      const elapsed = performance.now() - t0;
      if (!r.ok) throw new Error(`values.edit: ${JSON.stringify(r.error)}`);
      out?.push(elapsed);
    }
  }

  console.log(`http-edit: values.edit of 地区生产总值 (${park.name} ${period.key}) over keep-alive loopback; ${machine()}`);
  await loop(pb, WARMUP, null);
  await loop(peer, WARMUP, null);
  const a: number[] = [];
  const b: number[] = [];
  const blockP95: string[] = [];
  for (let k = 0; k < BLOCKS; k++) {
    const before = a.length;
    await loop(pb, PER_BLOCK, a);
    await loop(peer, PER_BLOCK, b);
    blockP95.push(quantile(a.slice(before), 0.95).toFixed(2));
  }
  note(`ParkBrief p95 per block of ${PER_BLOCK} (ms): ${blockP95.join(', ')}; max ${ms(Math.max(...a))}`);
  figure('HTTP edit p95', ms(quantile(a, 0.95)), `≤ ${TARGET_MS} ms`, verdict(quantile(a, 0.95), TARGET_MS), `nearest-rank p95 of ${a.length} sequential values.edit requests (${WARMUP} warm-up), request start → reply read, http.request keep-alive`);
  figure('HTTP edit median', ms(median(a)), '-', '-', `median of the same ${a.length} requests`);
  figure('HTTP peer (bare node:http)', `median ${ms(median(b))}, p95 ${ms(quantile(b, 0.95))}`, '-', '-', `same loop, ${b.length} requests to a bare server answering {ok:true}, in its own process`);
  figure('HTTP edit ParkBrief/peer', `${(quantile(a, 0.95) / quantile(b, 0.95)).toFixed(1)}× (p95), ${(median(a) / median(b)).toFixed(1)}× (median)`, '-', '-', 'ratios of p95s and of medians');
  const floor = commitFloor(300);
  note(`disk floor (not a target): one-row UPDATE commit, WAL + synchronous=FULL, no HTTP: median ${ms(median(floor))}, p95 ${ms(quantile(floor, 0.95))} over 300 commits`);
  pb.agent.destroy();
  peer.agent.destroy();
} finally {
  peerServer.stop();
  await serve.stop();
}
writeFiguresIfAsked('http-edit');
