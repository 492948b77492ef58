// Reading one park-period grid: 150 indicators with this year's figures and last year's (for 同比),
// through readGrid. Target ≤ 5 ms. Peer: one raw prepared SELECT of the same park-period's value
// rows (no catalogue, no join to the previous year, no mapping to model objects) — what the grid
// costs at the very least.
//
// The store holds 20 parks × 2 years × 150 indicators (6,000 figures) so the index has neighbours to
// skip. Reads alternate ParkBrief/peer in rounds; every read is timed alone with performance.now().

import { join } from 'node:path';
import { writeValuesBulk } from '../src-main/core/values/bulk-write.ts';
import { readGrid } from '../src-main/core/values/grid.ts';
import { allValues, buildStore } from './fixture.ts';
import { figure, machine, median, ms, note, quantile, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const WARMUP = 100;
const ROUNDS = 5;
const READS_PER_ROUND = 200;
const TARGET_MS = 5;

const f = buildStore(join(tempDir('parkbrief-bench-grid-'), 'store.sqlite'), { parks: 20, years: 2, lastYear: 2022, indicators: 150 });
writeValuesBulk(f.ctx, 'bench fill', allValues(f));
const { db } = f.ctx;
const parkId = f.parkIds[7]!;
const periodId = f.periodIds[1]!; // 2022; 2021 is its previous year

// The peer selects by the same key readGrid joins on. The value table's key columns are being
// reworked, so the peer asks the store how a value row names its park and period.
const cols = new Set((db.pragma('table_info(indicator_values)') as { name: string }[]).map((c) => c.name));
const peerSql = cols.has('park_id')
  ? 'SELECT * FROM indicator_values WHERE park_id = ? AND period_id = ? AND kind = ?'
  : `SELECT v.* FROM indicator_values v WHERE v.park = (SELECT pk FROM parks WHERE id = ?) AND v.period = (SELECT pk FROM periods WHERE id = ?) AND v.kind = ?`;
const peerStmt = db.prepare(peerSql);

// Sanity: the grid really is 150 rows, each with a current and a previous figure.
const g = readGrid(db, parkId, periodId, 'actual');
const full = g.rows.filter((r) => r.current?.value != null && r.previous?.value != null).length;
if (g.rows.length !== 150 || full !== 150) throw new Error(`grid has ${g.rows.length} rows, ${full} with both years`);
const peerRows = (peerStmt.all(parkId, periodId, 'actual') as unknown[]).length;
if (peerRows !== 150) throw new Error(`peer read ${peerRows} rows`);

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

console.log(`grid-read: 150 indicators × (2022 + 2021) of one park, store of 6,000 figures; ${machine()}`);
for (let i = 0; i < WARMUP; i++) {
  readGrid(db, parkId, periodId, 'actual');
  peerStmt.all(parkId, periodId, 'actual');
}
const pb: number[] = [];
const peer: number[] = [];
const roundMedians: string[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < READS_PER_ROUND; i++) {
    a.push(time(() => readGrid(db, parkId, periodId, 'actual')));
    b.push(time(() => peerStmt.all(parkId, periodId, 'actual')));
  }
  pb.push(...a);
  peer.push(...b);
  roundMedians.push(median(a).toFixed(3));
}
db.close();

const n = pb.length;
note(`ParkBrief per-round medians (ms): ${roundMedians.join(', ')}; max single read ${ms(Math.max(...pb))}`);
figure('grid read median', ms(median(pb)), `≤ ${TARGET_MS} ms`, verdict(median(pb), TARGET_MS), `median of ${n} warm readGrid calls (${WARMUP} warm-up), each timed alone`);
figure('grid read p95', ms(quantile(pb, 0.95)), `≤ ${TARGET_MS} ms`, verdict(quantile(pb, 0.95), TARGET_MS), `nearest-rank p95 of the same ${n} calls`);
figure('grid read peer (raw SELECT)', `${ms(median(peer))} (p95 ${ms(quantile(peer, 0.95))})`, '-', '-', `median of ${n} calls of one prepared SELECT of the park-period's 150 value rows`);
figure('grid read ParkBrief/peer', `${(median(pb) / median(peer)).toFixed(1)}×`, '-', '-', 'ratio of the medians');
writeFiguresIfAsked('grid-read');
