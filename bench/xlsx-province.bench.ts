// The province workbook (issue 4): 200 parks × 125 indicators × 10 years = 250,000 figures.
//
// Export, two layouts: `table` (one sheet per park, a column per year, 同比, group rows, number
// formats, print setup) and `compare` (one sheet per year, 200 parks side by side with totals and
// ranks), both streamed by writeProvinceWorkbook. Targets: no slower than the peer (ratio ≤ 1.0),
// peak memory ≤ 250 MB.
// Peer: LibreOffice (the distribution's build on PATH) converting a CSV of the same 250,000 figures
// — one row per park and indicator, a column per year, the layout of the `table` sheets flattened
// into one sheet — with `soffice --headless --convert-to xlsx`, timed as a process end to end: how
// a person would turn figures into a workbook without us. It writes no styles, formats, print setup
// or second sheet. Its profile is created once before timing (a first start builds it, ~1 s more).
//
// Import: the `table` workbook read back into a store with the same parks, periods and catalogue
// but no figures: previewImport (read, validate, diff, check rules) then applyImport (one
// transaction, one undo step), all 250,000 written. Target ≤ 5 s.
//
// Every ParkBrief run is its own child process, so peak RSS (process.resourceUsage().maxRSS) is
// that run's alone and never the fixture's or another run's: an export with the heap options of the
// app's export job, loading only the export's code. Fixture building is not timed.

import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../src-main/core/session/open-core.ts';
import { buildProvince, PROVINCE } from './province-fixture.ts';
import { figure, machine, median, note, spread, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RSS_MB = 250;
const TARGET_IMPORT_MS = 5000;

interface ChildResult {
  ms: number;
  /** The whole child process, start to exit, as the parent saw it: Node start-up and module load too. */
  processMs: number;
  rssMB: number;
  bytes?: number;
  sheets?: number;
  inserted?: number;
  errors?: number;
}

// ---- child mode: one measured run, its result as JSON on stdout --------------------------------

if (process.argv[2] === '--child') {
  const [, , , what, store, file] = process.argv as string[];
  const ctx = openCore(store!, { origin: 'bench', demoIfNew: false });
  const periodIds = ctx.db.prepare("SELECT id FROM periods WHERE kind = 'year' ORDER BY year").pluck().all() as string[];
  // Each run loads only its own code, as the app's job process does: the importer's modules would
  // be in an export's heap otherwise. Loaded before the clock starts, as before.
  const exporting = what === 'table' || what === 'compare';
  const { writeProvinceWorkbook } = exporting ? await import('../src-main/core/tables/province-workbook.ts') : { writeProvinceWorkbook: null };
  const importing = exporting ? null : { ...(await import('../src-main/core/imports/preview.ts')), ...(await import('../src-main/core/imports/pending.ts')) };
  const t0 = performance.now();
  let out: Omit<ChildResult, 'ms' | 'rssMB' | 'processMs'>;
  if (writeProvinceWorkbook && (what === 'table' || what === 'compare')) {
    const r = await writeProvinceWorkbook(ctx, { layout: what, kind: 'actual', periodIds }, file!);
    out = { bytes: r.bytes, sheets: r.sheets };
  } else {
    const { previewImport, applyImport } = importing!;
    const preview = previewImport(ctx, { fileName: 'province.xlsx', bytes: readFileSync(file!) });
    const applied = preview.canApply ? applyImport(ctx, preview.previewId) : null;
    out = { inserted: applied?.inserted ?? 0, errors: preview.counts.errors };
  }
  const ms = performance.now() - t0;
  ctx.db.close();
  process.stdout.write(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, ...out }));
  process.exit(0);
}

// ---- parent ------------------------------------------------------------------------------------

// The export job's heap options, loaded here in the parent only: jobs.ts reaches the importer's
// modules, which the measured children must not load.
const { heapArgs } = await import('../src-main/core/jobs/child-channel.ts');
const { JOB_LIMITS } = await import('../src-main/core/jobs/jobs.ts');

const dir = tempDir('parkbrief-bench-province-');
console.log(`xlsx-province: ${PROVINCE.parks} parks × ${PROVINCE.indicators} indicators × ${PROVINCE.years} years; ${machine()}`);
const prov = buildProvince(dir);
note(`fixture: ${prov.values} figures in a store, and an empty twin with the same ids`);

function child(what: string, store: string, file: string): ChildResult {
  const t0 = performance.now();
  // An export runs with the heap options of the app's export job (core/jobs/jobs.ts JOB_LIMITS).
  const heap = what === 'import' ? [] : heapArgs(JOB_LIMITS['tables.export']);
  const r = spawnSync(process.execPath, [...heap, import.meta.filename, '--child', what, store, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${what} run failed (exit ${r.status ?? r.signal})`);
  return { ...(JSON.parse(r.stdout) as Omit<ChildResult, 'processMs'>), processMs: performance.now() - t0 };
}

// The peer's CSV: the same figures, read from the full store.
const csv = join(dir, 'province.csv');
{
  const ctx = openCore(prov.full, { origin: 'bench', demoIfNew: false });
  const years = ctx.db.prepare("SELECT pk, key FROM periods WHERE kind = 'year' ORDER BY year").all() as { pk: number; key: string }[];
  const lines = [['园区', '指标名称', '代码', '计量单位', ...years.map((y) => y.key)].join(',')];
  const rows = ctx.db
    .prepare(
      `SELECT p.name AS park, i.name, i.code, i.unit, group_concat(v.value, ',') AS vals
         FROM indicator_values v JOIN parks p ON p.pk = v.park JOIN indicators i ON i.pk = v.indicator JOIN periods q ON q.pk = v.period
        WHERE v.kind = 'actual' GROUP BY v.park, v.indicator ORDER BY p.name, i.sort, i.code`,
    )
    .all() as { park: string; name: string; code: string; unit: string; vals: string }[];
  for (const r of rows) lines.push([r.park, r.name, r.code, r.unit, r.vals].join(','));
  writeFileSync(csv, lines.join('\n') + '\n');
  ctx.db.close();
  note(`peer input: ${rows.length} CSV rows × ${years.length} years, ${(statSync(csv).size / 1e6).toFixed(1)} MB`);
}

const profile = join(dir, 'lo-profile');
const soffice = (input: string, outDir: string) => {
  const t0 = performance.now();
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  const out = join(outDir, 'province.xlsx');
  if (r.status !== 0) throw new Error(`soffice exit ${r.status}: ${r.stderr}`);
  return { ms, out };
};
const haveSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (haveSoffice) {
  // First start builds the profile: not timed, as a person's LibreOffice has one already.
  soffice(csv, join(dir, 'lo-warm'));
  const tiny = join(dir, 'tiny.csv');
  writeFileSync(tiny, 'a,b\n1,2\n');
  note(`peer: ${spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout.trim()}; start-up alone (1-row CSV): ${soffice(tiny, join(dir, 'lo-tiny')).ms.toFixed(0)} ms`);
} else note('peer: soffice not found on PATH (Debian: apt-get install -y libreoffice-calc-nogui); ratios are left out');

const peer: number[] = [];
const runs: Record<'table' | 'compare', ChildResult[]> = { table: [], compare: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternate so machine noise hits both alike.
  for (const layout of ['table', 'compare'] as const) {
    const out = join(dir, `${layout}-${i}.xlsx`);
    runs[layout].push(child(layout, prov.full, out));
    if (i < RUNS - 1 || layout === 'compare') rmSync(out, { force: true });
  }
  if (haveSoffice) {
    const r = soffice(csv, join(dir, `lo-${i}`));
    peer.push(r.ms);
    if (i === 0) note(`peer output: ${(statSync(r.out).size / 1e6).toFixed(1)} MB`);
  }
}

const peerMs = haveSoffice ? median(peer) : NaN;
if (haveSoffice) note(`LibreOffice CSV → xlsx: ${spread(peer)}`);
for (const layout of ['table', 'compare'] as const) {
  const r = runs[layout];
  const ms = median(r.map((x) => x.ms));
  const rss = Math.max(...r.map((x) => x.rssMB));
  note(`${layout}: ${spread(r.map((x) => x.ms))}; ${r[0]!.sheets} sheets, ${(r[0]!.bytes! / 1e6).toFixed(1)} MB`);
  if (haveSoffice) {
    const ratio = ms / peerMs;
    figure(`province ${layout} export vs LibreOffice`, `${ms.toFixed(0)} ms vs ${peerMs.toFixed(0)} ms = ${ratio.toFixed(2)}×`, '≤ 1.00×', verdict(ratio, 1), `median of ${RUNS}; writeProvinceWorkbook timed inside its process, soffice as a whole process with a warm profile`);
    // The same as processes on both sides: Node's start, module load and store open count too.
    const pms = median(r.map((x) => x.processMs));
    figure(`province ${layout} export vs LibreOffice, process to process`, `${pms.toFixed(0)} ms vs ${peerMs.toFixed(0)} ms = ${(pms / peerMs).toFixed(2)}×`, '≤ 1.00×', verdict(pms / peerMs, 1), `median of ${RUNS}; both timed start to exit by this script`);
  } else figure(`province ${layout} export`, `${ms.toFixed(0)} ms`, '-', '-', `median of ${RUNS}`);
  figure(`province ${layout} export peak RSS`, `${rss.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(rss, TARGET_RSS_MB), 'maxRSS of the exporting child process, highest of the runs');
}

// ---- import ------------------------------------------------------------------------------------

const workbook = join(dir, `table-${RUNS - 1}.xlsx`);
const imports: ChildResult[] = [];
for (let i = 0; i < RUNS; i++) {
  const store = join(dir, `import-${i}.sqlite`);
  copyFileSync(prov.empty, store);
  const r = child('import', store, workbook);
  if (r.errors || r.inserted !== prov.values) throw new Error(`import wrote ${r.inserted} of ${prov.values} figures (${r.errors} errors)`);
  imports.push(r);
  for (const f of [store, `${store}-wal`, `${store}-shm`]) rmSync(f, { force: true });
}
const importMs = median(imports.map((r) => r.ms));
note(`import: ${spread(imports.map((r) => r.ms))}; ${prov.values} figures inserted each run`);
figure('province table workbook import (preview + apply)', `${importMs.toFixed(0)} ms`, `≤ ${TARGET_IMPORT_MS} ms`, verdict(importMs, TARGET_IMPORT_MS), `median of ${RUNS}; read, validate, diff, check rules, one transaction`);
figure('province import peak RSS', `${Math.max(...imports.map((r) => r.rssMB)).toFixed(0)} MB`, '-', '-', 'maxRSS of the importing child process');
writeFiguresIfAsked('xlsx-province');
