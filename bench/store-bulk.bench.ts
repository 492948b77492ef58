// Bulk insert of 250,000 figures (200 parks × 125 indicators × 10 years) through writeValuesBulk
// into a fresh file store. Target ≤ 1 s. Peer: raw better-sqlite3, the very rows ParkBrief stored
// (read back from its indicator_values) inserted with one prepared INSERT in one transaction into a
// bare table of the same columns and types (no constraints, no indexes, no validation, no change
// log) — the floor SQLite itself sets on this machine. Reading the columns from the store keeps the
// peer right while the value table's keys change.
//
// Only the writeValuesBulk call is timed (validation + transaction + change log + commit); building
// the input array and the store's parks/periods/catalogue is not. Each run gets a fresh store file;
// ParkBrief and peer runs alternate so machine noise hits both alike.

import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeValuesBulk } from '../src-main/core/values/bulk-write.ts';
import { allValues, buildStore } from './fixture.ts';
import { figure, machine, median, note, spread, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SHAPE = { parks: 200, years: 10, lastYear: 2022, indicators: 125 };
const TARGET_MS = 1000;
const dir = tempDir('parkbrief-bench-bulk-');

interface Stored {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

let maxRssMB = 0;

function parkbriefRun(i: number, keep = false): { ms: number; values: number; stored?: Stored } {
  const path = join(dir, `store-${i}.sqlite`);
  const f = buildStore(path, SHAPE);
  const values = allValues(f);
  const t0 = performance.now();
  const r = writeValuesBulk(f.ctx, 'bench import', values);
  const elapsed = performance.now() - t0;
  if (keep) maxRssMB = process.resourceUsage().maxRSS / 1024; // KiB → MiB; later runs would count the peer's rows too
  const stored = (f.ctx.db.prepare('SELECT count(*) AS n FROM indicator_values').get() as { n: number }).n;
  if (r.inserted !== values.length || stored !== values.length) throw new Error(`inserted ${r.inserted}, stored ${stored}`);
  const out = keep
    ? {
        columns: f.ctx.db.pragma('table_info(indicator_values)') as { name: string; type: string }[],
        rows: f.ctx.db.prepare('SELECT * FROM indicator_values').raw().all() as unknown[][],
      }
    : undefined;
  f.ctx.db.close();
  removeStore(path);
  return { ms: elapsed, values: values.length, ...(out ? { stored: out } : {}) };
}

/** The peer gets ParkBrief's stored rows (keys already made) and the same durability pragmas. */
function peerRun(i: number, { columns, rows }: Stored, inMemory = false): number {
  const path = inMemory ? ':memory:' : join(dir, `peer-${i}.sqlite`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE bare (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO bare VALUES (${columns.map(() => '?').join(', ')})`);
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const elapsed = performance.now() - t0;
  db.close();
  if (!inMemory) removeStore(path);
  return elapsed;
}

function removeStore(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
}

console.log(`store-bulk: ${SHAPE.parks} parks × ${SHAPE.indicators} indicators × ${SHAPE.years} years; ${machine()}`);

// First run alone: a cold process (as an import would be) and the only thing in memory, so the
// peak RSS after it belongs to ParkBrief's bulk path (plus the 250,000-object input array).
const rssBefore = process.memoryUsage().rss;
const cold = parkbriefRun(0, true);
note(`cold first run: ${cold.ms.toFixed(0)} ms for ${cold.values} values (RSS before: ${(rssBefore / 2 ** 20).toFixed(0)} MB)`);
const pb: number[] = [];
const peer: number[] = [];
for (let i = 1; i <= RUNS; i++) {
  pb.push(parkbriefRun(i).ms);
  peer.push(peerRun(i, cold.stored!));
}
const pbMed = median(pb);
const peerMed = median(peer);
note(`ParkBrief ${spread(pb)}`);
note(`peer      ${spread(peer)}`);
// How much of the floor is the disk: the same peer into :memory: (no WAL, no fsync).
note(`peer into :memory: (CPU only, not a target): ${median([1, 2, 3].map((i) => peerRun(i, cold.stored!, true))).toFixed(0)} ms, median of 3`);
figure('bulk insert 250,000 values', `${pbMed.toFixed(0)} ms`, `≤ ${TARGET_MS} ms`, verdict(pbMed, TARGET_MS), `median of ${RUNS} warm runs, performance.now() around writeValuesBulk, fresh file store each run (WAL, synchronous=FULL)`);
figure('bulk insert peer (raw better-sqlite3)', `${peerMed.toFixed(0)} ms`, '-', '-', `median of ${RUNS} runs, one prepared INSERT in one transaction into a bare ${cold.stored!.columns.length}-column table of the store's columns, same pragmas`);
figure('bulk insert ParkBrief/peer', `${(pbMed / peerMed).toFixed(1)}×`, '-', '-', 'ratio of the two medians');
figure('bulk insert peak RSS', `${maxRssMB.toFixed(0)} MB`, '-', '-', 'process.resourceUsage().maxRSS read right after the first (cold) writeValuesBulk, before any peer run; includes the 250,000-object input array');
writeFiguresIfAsked('store-bulk');
