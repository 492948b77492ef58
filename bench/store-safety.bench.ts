// What the reliability work costs at start-up on a big store (issue 5): the read-only check every
// host runs before it opens a store, and the start-up backup through the online backup API.
// Store: the province store of issue 4, 200 parks × 125 indicators × 10 years = 250,000 figures.
// Peers: the check against SQLite's own full integrity_check; the backup against a plain file copy
// (copyFileSync, what a user dragging the file would do — unsafe while the app writes, but the
// floor for moving the bytes).

import Database from 'better-sqlite3';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../src-main/core/backups/create-backup.ts';
import { checkStoreFile } from '../src-main/core/store/check-store.ts';
import { figure, machine, median, ms, note, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';
import { buildProvince } from './province-fixture.ts';

const RUNS = 5;
const dir = tempDir('parkbrief-bench-safety-');
const p = buildProvince(dir);
const store = p.full;
const mb = statSync(store).size / (1024 * 1024);
note(`${machine()}; store ${mb.toFixed(1)} MB, ${p.values.toLocaleString('en-US')} figures; median of ${RUNS} runs`);

function time(fn: () => void | Promise<void>): Promise<number> {
  const t0 = performance.now();
  return Promise.resolve(fn()).then(() => performance.now() - t0);
}

const check: number[] = [];
const integrity: number[] = [];
const backup: number[] = [];
const copy: number[] = [];
for (let i = 0; i < RUNS; i++) {
  check.push(await time(() => void checkStoreFile(store)));
  integrity.push(
    await time(() => {
      const db = new Database(store, { readonly: true });
      db.pragma('integrity_check');
      db.close();
    }),
  );
  const out = join(dir, `b${i}.sqlite`);
  backup.push(
    await time(async () => {
      const db = new Database(store, { readonly: true });
      await createBackup(db, { storePath: store, reason: 'manual', out });
      db.close();
    }),
  );
  rmSync(out, { force: true });
  copy.push(await time(() => copyFileSync(store, join(dir, `c${i}.sqlite`))));
  rmSync(join(dir, `c${i}.sqlite`), { force: true });
}

const c = median(check);
const ic = median(integrity);
figure('store check on open (quick_check), 250k figures', ms(c), '≤ 1000 ms', verdict(c, 1000), `vs integrity_check ${ms(ic)}: ${(c / ic).toFixed(2)}×`);
const b = median(backup);
const cp = median(copy);
figure(
  'start-up backup (online backup API + check + fsync + rename), 250k figures',
  ms(b),
  '≤ 2000 ms',
  verdict(b, 2000),
  `vs copyFileSync ${ms(cp)}: ${(b / cp).toFixed(1)}×; ${(mb / (b / 1000)).toFixed(0)} MB/s`,
);
writeFiguresIfAsked('store-safety');
