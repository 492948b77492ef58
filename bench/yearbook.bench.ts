// The yearbook (export --all-parks): time and peak memory at 100, 200 and 400 parks against pandoc
// on the same text, measured in the same run, and what the charts cost. Targets (issue 14/15):
// ≤ 1.5× pandoc's time at 100 and 200 parks, in process; peak RSS ≤ 200 MB at 400 parks; the
// 100-park yearbook with one chart per park ≤ 3 s in process.
//
// Stores: bench/yearbook-fixture.ts, 100, 200 and 400 parks each with the 楚雄高新区 2022 article (a photo, a chart);
// stores of 100 and 400 parks have the same article without its chart paragraph: the chart cost, and
// the yearbook's own time and memory without the charts (against pandoc on the same text without
// the chart's picture). Building them is not timed.
//
// ParkBrief: exportYearbook (what `export --all-parks` runs: cover, contents, every park's feature)
// on a store of that many parks; each measurement is its own child process (so its peak RSS,
// process.resourceUsage().maxRSS, is that export's alone), which opens the store, exports once untimed, then times
// `RUNS` exports with performance.now() — what the app pays, in process. The 400-park memory
// figure is a fresh child's single export. The child's RSS after opening the store and loading the
// export's modules, before any export, is printed as the floor. In process the export runs on the
// main thread under V8's defaults for it, which the app and the CLI never do: they run it in a job
// worker under the job's heap limits (core/jobs/jobs.ts). So the 400-park memory is also measured as
// `parkbrief export --all-parks` runs it: a fresh child running the CLI's command in process (the
// store opened, the job's worker started, the file written), its maxRSS the whole command's, after
// another command has taken the day's backup of the store. And as the app runs it (core/jobs/place.ts:
// the yearbook's job in a child process of its own, started with the job's limits, child-channel.ts
// heapArgs): what the user pays for an export from the app or the HTTP host is that process's peak,
// read from /proc/<pid>/status (VmHWM) when it posts its file, before the runner ends it (Linux; left
// out elsewhere). The process boots from the sources through the stripped-source cache
// (bench/yearbook-job-child.mjs), as the app's built JavaScript loads no TypeScript compiler.
// Peer: pandoc (on PATH), `pandoc -f markdown -t docx -o out.docx in.md` on the resolved documents
// as Markdown (the same words, the photo and the chart's PNG as files), timed spawn to exit, its
// peak RSS from GNU time (`/usr/bin/time -f %M`) where present. Runs alternate with ParkBrief's.
//
// `node bench/yearbook.bench.ts --write-doc` also rewrites its section of docs/BENCHMARKS.md.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { putDocument, requireDocument } from '../src-main/core/documents/documents.ts';
import { exportYearbook } from '../src-main/core/documents/yearbook.ts';
import { forkJobChild, processCpuMs, type SpawnJobChild } from '../src-main/core/jobs/child-channel.ts';
import { JOB_LIMITS } from '../src-main/core/jobs/jobs.ts';
import { inChildProcess } from '../src-main/core/jobs/place.ts';
import { runInWorker } from '../src-main/core/jobs/runner.ts';
import { writeBatch } from '../src-main/core/history/change-log.ts';
import { openCore } from '../src-main/core/session/open-core.ts';
import { parseChartBlock } from '../src-main/shared/chart/block.ts';
import { chartOf, type DocumentBody } from '../src-main/shared/document.ts';
import { figure, machine, median, ms, note, spread, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';
import { buildYearbookStore, markdownOf, PARK, resolveAll } from './yearbook-fixture.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = [100, 200] as const;
const MEMORY_PARKS = 400;
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 200;
const TARGET_CHARTS_MS = 3000;

// ---- child: one store, the first `parks` documents, exported `runs` times after one warm-up ------

if (process.argv[2] === '--child') {
  const [storePath, runsArg, charts] = process.argv.slice(3);
  const ctx = openCore(storePath!, { origin: 'bench' });
  const periodId = ctx.db.prepare("SELECT id FROM periods WHERE key = '2022'").pluck().get() as string;
  // The floor: store open, the export's modules loaded (docx; ECharts, resvg and fontkit for a store
  // with charts: the export loads them only for a chart), no export yet.
  await import('../src-main/core/reports/docx/index.ts');
  if (charts === 'charts') await import('../src-main/core/reports/charts/draw.ts');
  const floor = process.memoryUsage().rss;
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= Number(runsArg); i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const file = await exportYearbook(ctx, { periodId, template: 'magazine', allowMarkers: false });
    const c = process.cpuUsage(c0);
    if (i > 0 || runsArg === '0') {
      times.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    bytes = file.bytes.length;
    if (runsArg === '0') break;
  }
  ctx.db.close();
  console.log(JSON.stringify({ times, cpu, rssMb: process.resourceUsage().maxRSS / 1024, floorMb: floor / 2 ** 20, kb: bytes / 1024 }));
  process.exit(0);
}

interface ChildResult {
  times: number[];
  /** CPU time of each timed export, ms: user + system of every thread of the process (GC, zlib's pool). */
  cpu: number[];
  rssMb: number;
  floorMb: number;
  kb: number;
}
function child(store: string, runs: number, charts: 'charts' | 'no-charts' = 'charts'): ChildResult {
  const r = spawnSync(process.execPath, [import.meta.filename, '--child', store, String(runs), charts], { encoding: 'utf8', maxBuffer: 2 ** 24 });
  if (r.status !== 0) throw new Error(`child (${store}) exited ${r.status ?? r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * `parkbrief export --all-parks` on a store in a fresh process that loads nothing but the CLI
 * (cli-peak.mjs), after a command that took the day's backup of the store: the CLI backs a store up
 * with the day's first command, which is not the yearbook's memory.
 */
function cliChild(store: string): ChildResult {
  const out = join(dir, 'cli.docx');
  const cli = (args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, 'cli-peak.mjs'), ...args], { encoding: 'utf8', maxBuffer: 2 ** 24 });
  const first = cli(['parks', '--db', store]);
  if (first.status !== 0) throw new Error(`parks (${store}) exited ${first.status ?? first.signal}: ${first.stderr}`);
  const r = cli(['export', '--all-parks', '--period', '2022', '--template', 'magazine', '--out', out, '--db', store]);
  if (r.status !== 0) throw new Error(`export --all-parks (${store}) exited ${r.status ?? r.signal}: ${r.stderr}${r.stdout}`);
  const { ms: took, cpuMs, rssMb, floorMb } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rssMb: number; floorMb: number };
  return { times: [took], cpu: [cpuMs], rssMb, floorMb, kb: statSync(out).size / 1024 };
}

/** A process's peak RSS (MB, VmHWM) and CPU time so far (ms), from /proc; null where /proc does not say. */
function procPeak(pid: number | undefined): { rssMb: number; cpuMs: number } | null {
  const cpuMs = processCpuMs(pid);
  if (cpuMs === null) return null;
  try {
    return { rssMb: Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024, cpuMs };
  } catch {
    return null;
  }
}

/**
 * The yearbook as the app exports it: the job runner (core/jobs/runner.ts) with the yearbook's limits
 * starts its child process as place.ts does for an export, with Node's fork as the HTTP host does
 * (forkJobChild; the app's utilityProcess is Electron's). The child's peak is read as it posts its result.
 */
async function appChild(store: string): Promise<ChildResult | null> {
  if (!existsSync('/proc/self/status')) return null;
  const c = openCore(store, { origin: 'bench' });
  const periodId = c.db.prepare("SELECT id FROM periods WHERE key = '2022'").pluck().get() as string;
  c.db.close();
  let peak: { rssMb: number; cpuMs: number } | null = null;
  const spawn: SpawnJobChild = (entry, execArgv) => {
    const child = forkJobChild(entry, execArgv);
    return {
      ...child,
      onMessage: (listener) =>
        child.onMessage((m) => {
          if (m.type !== 'progress') peak = procPeak(child.pid);
          listener(m);
        }),
    };
  };
  const place = inChildProcess({ spawn, entry: join(import.meta.dirname, 'yearbook-job-child.mjs') });
  const t = performance.now();
  const job = runInWorker(
    { method: 'documents.exportYearbook', storePath: store, input: { periodId, template: 'magazine', allowMarkers: false } },
    { name: 'yearbook' },
    JOB_LIMITS['documents.exportYearbook'],
    () => undefined,
    place,
  );
  const file = (await job.done) as { bytes: Uint8Array };
  const took = performance.now() - t;
  await job.exited;
  if (!peak) return null;
  const { rssMb, cpuMs } = peak;
  return { times: [took], cpu: [cpuMs], rssMb, floorMb: 0, kb: file.bytes.length / 1024 };
}

// ---- fixtures (not timed) ----------------------------------------------------------------------

console.log(`yearbook: ${SIZES.join(' and ')}-park magazine yearbooks against pandoc, peak memory at ${MEMORY_PARKS}, chart cost at 100; ${machine()}`);
const dir = tempDir('parkbrief-bench-yearbook-');
const storeOf = (parks: number) => join(dir, `store-${parks}.sqlite`);
const plainOf = (parks: number) => join(dir, `plain-${parks}.sqlite`);
const PLAIN_SIZES = [...SIZES, MEMORY_PARKS] as const;
const t0 = performance.now();
for (const n of SIZES) {
  const c = openCore(storeOf(n), { origin: 'bench', demoIfNew: true });
  buildYearbookStore(c, n);
  c.db.close();
}
const ctx = openCore(storeOf(MEMORY_PARKS), { origin: 'bench', demoIfNew: true });
const { documents } = buildYearbookStore(ctx, MEMORY_PARKS);
const resolved = resolveAll(ctx, documents);
for (const d of resolved) if (d.problems.length) throw new Error(`${d.parkName}: ${d.problems.length} unresolved placeholders`);
const chart = resolved[0]!.sections.flatMap((s) => s.paragraphs).map(chartOf).find((c) => c !== null);
if (!chart) throw new Error(`the ${PARK} article carries no chart`);
const chartFile = 'chart.png';
// Imported here, not at the top: a child measuring the yearbook without charts must not load ECharts.
const { drawChart } = await import('../src-main/core/reports/charts/draw.ts');
writeFileSync(join(dir, chartFile), (await drawChart(chart, 380)).png);
const markdown = resolved.map((d) => markdownOf(ctx, d, dir, () => chartFile));
const mdFor = (n: number) => {
  const path = join(dir, `yearbook-${n}.md`);
  if (!existsSync(path)) writeFileSync(path, markdown.slice(0, n).join('\n'));
  return path;
};
ctx.db.close();
const plainMarkdown: string[] = [];
for (const n of PLAIN_SIZES) {
  // The same parks, the article without its chart.
  const plain = openCore(plainOf(n), { origin: 'bench', demoIfNew: true });
  const { documents: plainDocs } = buildYearbookStore(plain, n);
  writeBatch(plain, 'bench plain', (log) => {
    for (const d of plainDocs) {
      const body = requireDocument(plain.db, d.parkId, d.periodId).body;
      const noChart: DocumentBody = { ...body, sections: body.sections.map((x) => ({ ...x, paragraphs: x.paragraphs.filter((p) => parseChartBlock(p) === null) })) };
      putDocument(plain, log, d.parkId, d.periodId, noChart);
    }
  });
  if (n === MEMORY_PARKS) plainMarkdown.push(...resolveAll(plain, plainDocs).map((d) => markdownOf(plain, d, dir, () => null)));
  plain.db.close();
}
const plainMdFor = (n: number) => {
  const path = join(dir, `plain-${n}.md`);
  if (!existsSync(path)) writeFileSync(path, plainMarkdown.slice(0, n).join('\n'));
  return path;
};
note(`fixture: demo store + ${MEMORY_PARKS - 1} parks with the ${PARK} 2022 article (photo and chart), and ${PLAIN_SIZES.join(' and ')} parks without the chart, built in ${(performance.now() - t0).toFixed(0)} ms (not timed)`);

// ---- the peer --------------------------------------------------------------------------------

const havePandoc = spawnSync('pandoc', ['--version']).status === 0;
const haveTime = existsSync('/usr/bin/time');
if (havePandoc) note(`peer: ${spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}${haveTime ? ', peak RSS by GNU time' : ''}`);
else note('peer: pandoc not found on PATH (apt-get install -y pandoc); ratios are left out');

function pandoc(md: string): { ms: number; rssMb: number | null; cpuMs: number | null } {
  const out = join(dir, 'pandoc.docx');
  const args = ['-f', 'markdown', '-t', 'docx', '-o', out, md];
  const t = performance.now();
  const r = haveTime ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'pandoc', ...args], { cwd: dir, encoding: 'utf8' }) : spawnSync('pandoc', args, { cwd: dir, encoding: 'utf8' });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`pandoc exited ${r.status}: ${r.stderr}`);
  const [kb, user, sys] = haveTime ? r.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [];
  return { ms: elapsed, rssMb: kb === undefined ? null : kb / 1024, cpuMs: user === undefined ? null : (user + sys!) * 1000 };
}

// ---- measurements ----------------------------------------------------------------------------

interface Row {
  parks: number;
  ours: ChildResult;
  peer: { ms: number[]; rssMb: number | null; kb: number } | null;
}
const rows: Row[] = [];
for (const n of SIZES) {
  const md = mdFor(n);
  const peerMs: number[] = [];
  let peerRss: number | null = null;
  if (havePandoc) pandoc(md); // page cache, as the child's untimed first export
  const ours = child(storeOf(n), RUNS);
  for (let i = 0; i < RUNS && havePandoc; i++) {
    const p = pandoc(md);
    peerMs.push(p.ms);
    peerRss = Math.max(peerRss ?? 0, p.rssMb ?? 0) || null;
  }
  const peer = havePandoc ? { ms: peerMs, rssMb: peerRss, kb: statSync(join(dir, 'pandoc.docx')).size / 1024 } : null;
  rows.push({ parks: n, ours, peer });
  note(`${n} parks: ParkBrief in process ${spread(ours.times)}; peak RSS ${ours.rssMb.toFixed(0)} MB (floor before the export ${ours.floorMb.toFixed(0)} MB); ${ours.kb.toFixed(0)} KB`);
  if (peer) note(`${n} parks: pandoc ${spread(peer.ms)}; peak RSS ${peer.rssMb?.toFixed(0) ?? '?'} MB; ${peer.kb.toFixed(0)} KB`);
}
const mem = child(storeOf(MEMORY_PARKS), 0);
const memPeer = havePandoc ? pandoc(mdFor(MEMORY_PARKS)) : null;
note(`${MEMORY_PARKS} parks, one export in a fresh process: ${ms(mem.times[0]!)}; peak RSS ${mem.rssMb.toFixed(0)} MB (floor ${mem.floorMb.toFixed(0)} MB); ${mem.kb.toFixed(0)} KB${memPeer ? `; pandoc ${ms(memPeer.ms)}, ${memPeer.rssMb?.toFixed(0) ?? '?'} MB` : ''}`);
const memCli = cliChild(storeOf(MEMORY_PARKS));
note(`${MEMORY_PARKS} parks, export --all-parks as the CLI runs it: ${ms(memCli.times[0]!)}, CPU ${ms(memCli.cpu[0]!)}; peak RSS ${memCli.rssMb.toFixed(0)} MB (the process before it loaded the CLI ${memCli.floorMb.toFixed(0)} MB); ${memCli.kb.toFixed(0)} KB`);
const memApp = await appChild(storeOf(MEMORY_PARKS));
if (memApp) note(`${MEMORY_PARKS} parks, as the app exports it (the job's child process): ${ms(memApp.times[0]!)}, the child's CPU ${ms(memApp.cpu[0]!)}; its peak RSS ${memApp.rssMb.toFixed(0)} MB; ${memApp.kb.toFixed(0)} KB`);
// Without charts at each timed size: issue 14's "≤ 1.5× pandoc on the same text at 100 and 200 parks".
const plainRows = SIZES.map((n) => {
  const md = plainMdFor(n);
  if (havePandoc) pandoc(md);
  const ours = child(plainOf(n), RUNS, 'no-charts');
  const peerMs: number[] = [];
  const peerCpu: number[] = [];
  for (let i = 0; i < RUNS && havePandoc; i++) {
    const p = pandoc(md);
    peerMs.push(p.ms);
    if (p.cpuMs !== null) peerCpu.push(p.cpuMs);
  }
  return { parks: n, ours, peerMs, peerCpu };
});
const plain = plainRows[0]!.ours;
const plainPeerMs = plainRows[0]!.peerMs;
const withCharts = rows[0]!.ours;
const chartCost = median(withCharts.times) - median(plain.times);
note(`100 parks without charts: ${spread(plain.times)}; peak RSS ${plain.rssMb.toFixed(0)} MB; pandoc on the same text ${havePandoc ? spread(plainPeerMs) : '-'}; the 100 charts cost ${ms(chartCost)} (${ms(chartCost / 100)} a chart)`);
const memPlain = child(plainOf(MEMORY_PARKS), 0, 'no-charts');
const memPlainPeer = havePandoc ? pandoc(plainMdFor(MEMORY_PARKS)) : null;
note(`${MEMORY_PARKS} parks without charts, one export in a fresh process: ${ms(memPlain.times[0]!)}; peak RSS ${memPlain.rssMb.toFixed(0)} MB (floor ${memPlain.floorMb.toFixed(0)} MB)${memPlainPeer ? `; pandoc ${ms(memPlainPeer.ms)}, ${memPlainPeer.rssMb?.toFixed(0) ?? '?'} MB` : ''}`);
const memPlainCli = cliChild(plainOf(MEMORY_PARKS));
note(`${MEMORY_PARKS} parks without charts, export --all-parks as the CLI runs it: ${ms(memPlainCli.times[0]!)}, CPU ${ms(memPlainCli.cpu[0]!)}; peak RSS ${memPlainCli.rssMb.toFixed(0)} MB (the process before it loaded the CLI ${memPlainCli.floorMb.toFixed(0)} MB)`);
const memPlainApp = await appChild(plainOf(MEMORY_PARKS));
if (memPlainApp) note(`${MEMORY_PARKS} parks without charts, as the app exports it (the job's child process): ${ms(memPlainApp.times[0]!)}, the child's CPU ${ms(memPlainApp.cpu[0]!)}; its peak RSS ${memPlainApp.rssMb.toFixed(0)} MB`);

// ---- results ---------------------------------------------------------------------------------

const result = figure;
for (const r of rows) {
  result(`yearbook ${r.parks} parks, in process`, ms(median(r.ours.times)), '-', '-', `median of ${RUNS} exports in one child after an untimed one; ${r.ours.kb.toFixed(0)} KB`);
  if (r.peer) {
    const ratio = median(r.ours.times) / median(r.peer.ms);
    result(`yearbook ${r.parks} parks ÷ pandoc`, `${ratio.toFixed(2)}×`, `≤ ${TARGET_RATIO}×`, verdict(ratio, TARGET_RATIO), `pandoc median ${ms(median(r.peer.ms))} of ${RUNS}, spawn to exit; ${r.peer.kb.toFixed(0)} KB`);
  }
  result(`yearbook ${r.parks} parks, peak RSS`, `${r.ours.rssMb.toFixed(0)} MB`, '-', '-', `the child's maxRSS; pandoc ${r.peer?.rssMb?.toFixed(0) ?? '?'} MB`);
}
result(`yearbook ${MEMORY_PARKS} parks, peak RSS`, `${mem.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(mem.rssMb, TARGET_RSS_MB), `one export in a fresh process, on its main thread (${ms(mem.times[0]!)}); before it ${mem.floorMb.toFixed(0)} MB; pandoc ${memPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
result(`yearbook ${MEMORY_PARKS} parks, export --all-parks, peak RSS`, `${memCli.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(memCli.rssMb, TARGET_RSS_MB), `the CLI's command in a fresh process: store opened, the export in the job's worker, file written (${ms(memCli.times[0]!)}, CPU ${ms(memCli.cpu[0]!)}); pandoc ${memPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
const appHow = (r: ChildResult) => `the job's own child process as the app starts it for an export (place.ts, the yearbook's job limits), its VmHWM when it posts the file (${ms(r.times[0]!)}, its CPU ${ms(r.cpu[0]!)})`;
if (memApp) result(`yearbook ${MEMORY_PARKS} parks, as the app exports it, peak RSS`, `${memApp.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(memApp.rssMb, TARGET_RSS_MB), `${appHow(memApp)}; pandoc ${memPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
for (const r of plainRows) {
  result(`yearbook ${r.parks} parks without charts, in process`, ms(median(r.ours.times)), '-', '-', `median of ${RUNS} exports in one child after an untimed one; ${r.ours.kb.toFixed(0)} KB; peak RSS ${r.ours.rssMb.toFixed(0)} MB`);
  if (!havePandoc) continue;
  const ratio = median(r.ours.times) / median(r.peerMs);
  result(`yearbook ${r.parks} parks without charts ÷ pandoc`, `${ratio.toFixed(2)}×`, `≤ ${TARGET_RATIO}×`, verdict(ratio, TARGET_RATIO), `pandoc median ${ms(median(r.peerMs))} of ${RUNS} on the same text without the chart's picture`);
  if (r.peerCpu.length) {
    // CPU time is what the machine's load shifts least: on a shared machine the wall times above swing by half.
    const cpuRatio = median(r.ours.cpu) / median(r.peerCpu);
    result(`yearbook ${r.parks} parks without charts, CPU ÷ pandoc CPU`, `${cpuRatio.toFixed(2)}×`, '-', '-', `CPU medians ${ms(median(r.ours.cpu))} (every thread of the child) and ${ms(median(r.peerCpu))} (pandoc's user + system, GNU time)`);
  }
}
result(`yearbook ${MEMORY_PARKS} parks without charts, peak RSS`, `${memPlain.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(memPlain.rssMb, TARGET_RSS_MB), `one export in a fresh process, on its main thread (${ms(memPlain.times[0]!)}); before it ${memPlain.floorMb.toFixed(0)} MB (ECharts, resvg and fontkit not loaded, as the export leaves them without a chart); pandoc ${memPlainPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
result(`yearbook ${MEMORY_PARKS} parks without charts, export --all-parks, peak RSS`, `${memPlainCli.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(memPlainCli.rssMb, TARGET_RSS_MB), `the CLI's command in a fresh process: store opened, the export in the job's worker, file written (${ms(memPlainCli.times[0]!)}, CPU ${ms(memPlainCli.cpu[0]!)}); pandoc ${memPlainPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
if (memPlainApp) result(`yearbook ${MEMORY_PARKS} parks without charts, as the app exports it, peak RSS`, `${memPlainApp.rssMb.toFixed(0)} MB`, `≤ ${TARGET_RSS_MB} MB`, verdict(memPlainApp.rssMb, TARGET_RSS_MB), `${appHow(memPlainApp)}; pandoc ${memPlainPeer?.rssMb?.toFixed(0) ?? '?'} MB`);
result('yearbook 100 parks with a chart each', ms(median(withCharts.times)), `≤ ${TARGET_CHARTS_MS} ms`, verdict(median(withCharts.times), TARGET_CHARTS_MS), 'the 100-park figure above');
result('the 100 charts of the 100-park yearbook', ms(chartCost), '-', '-', `median with charts − median of ${RUNS} without (same articles minus the chart paragraph)`);

writeFiguresIfAsked('yearbook');
