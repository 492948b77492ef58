// Charts in the Word export: what one chart adds to a briefing's export (target ≤ 50 ms), and a
// 100-park magazine yearbook with one chart per park (target ≤ 3 s in process). Also where a
// chart's time goes: the ECharts description and SVG, the PNG fallback.
//
// Peer: the PNG drawn the way resvg offers out of the box — the SVG's text laid out by resvg from
// the machine's CJK font file (fontFiles) — instead of ParkBrief's outlines from a face read once
// per process (core/reports/charts/outline-text.ts). resvg re-reads the font file for every text run.
// Second peer: the yearbook's 100 charts drawn one after another in the exporting thread, as exports
// drew them before the chart threads (core/reports/charts/pool.ts), alternating with the threads.
// Third peer: the same PNG written by resvg's own asPng(), on the calling thread, as before
// core/reports/charts/png-encode.ts; compared by the exporting thread's CPU, which the machine's
// other load disturbs far less than wall time.
//
// The store is the demo store plus 99 parks, each given a copy of 楚雄高新区's figures and its own
// copy of the 楚雄 article, which carries one chart (主导产业产值); one more park, 无图对照高新区, has
// the same article without the chart paragraph: the difference of the two exports is the chart's
// cost. Building the store is not timed. Runs alternate the two so machine noise hits both alike.
//
// `node bench/charts.bench.ts --write-doc` also rewrites its section of docs/BENCHMARKS.md.

import { renderAsync } from '@resvg/resvg-js';
import { join } from 'node:path';
import { chartFaces } from '../src-main/core/reports/charts/chart-font.ts';
import { outlineText } from '../src-main/core/reports/charts/outline-text.ts';
import { chartPng, PNG_ZOOM } from '../src-main/core/reports/charts/png.ts';
import { drawChart, startCharts } from '../src-main/core/reports/charts/draw.ts';
import { chartPool } from '../src-main/core/reports/charts/pool.ts';
import { putDocument, requireDocument } from '../src-main/core/documents/documents.ts';
import { exportDocx } from '../src-main/core/documents/export-docx.ts';
import { DocumentFigures, resolveDocument } from '../src-main/core/documents/resolve.ts';
import { writeBatch } from '../src-main/core/history/change-log.ts';
import { findParkByName, getParkRow, insertPark } from '../src-main/core/repos/parks.ts';
import { requirePeriodByKey } from '../src-main/core/repos/periods.ts';
import { readSettings } from '../src-main/core/settings/settings.ts';
import { openCore } from '../src-main/core/session/open-core.ts';
import { chartSvg } from '../src-main/core/reports/charts/svg.ts';
import { describeChart } from '../src-main/shared/chart/describe.ts';
import { parseChartBlock } from '../src-main/shared/chart/block.ts';
import { chartOf, type DocumentBody, type ResolvedChart } from '../src-main/shared/document.ts';
import { figure, machine, median, ms, note, quantile, spread, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 30));
const WARMUP = 5;
const YEARBOOK_RUNS = 3;
const PEER_RUNS = 5;
const PARKS = 100;
const TARGET_CHART_MS = 50;
const TARGET_YEARBOOK_MS = 3000;
const PARK = '楚雄高新区';
const CONTROL = '无图对照高新区';
const PERIOD = '2022';

const dir = tempDir('parkbrief-bench-charts-');
console.log(`charts: one chart in the ${PARK} ${PERIOD} magazine feature, and a ${PARKS}-park yearbook with one chart per park; ${machine()}`);

// ---- fixture (not timed) ----------------------------------------------------------------------

const ctx = openCore(join(dir, 'store.sqlite'), { origin: 'bench', demoIfNew: true });
const { db } = ctx;
const period = requirePeriodByKey(db, PERIOD);
const chuxiong = findParkByName(db, PARK);
const withChart = [{ parkId: chuxiong.id, periodId: period.id }];
const withoutChart: typeof withChart = [];
const yearbook = [...withChart];
{
  const body = requireDocument(db, chuxiong.id, period.id).body;
  const charts = body.sections.flatMap((s) => s.paragraphs).filter((p) => parseChartBlock(p) !== null).length;
  if (charts !== 1) throw new Error(`the ${PARK} demo article carries ${charts} charts, the bench wants 1`);
  const noChart: DocumentBody = { ...body, sections: body.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.filter((p) => parseChartBlock(p) === null) })) };
  const bodyJson = JSON.stringify(body);
  const columns = (db.pragma('table_info(indicator_values)') as { name: string }[]).map((c) => c.name);
  const copyValues = db.prepare(
    `INSERT INTO indicator_values (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'park' ? '@to' : c)).join(', ')} FROM indicator_values WHERE park = @from`,
  );
  const fromPk = getParkRow(db, chuxiong.id).pk;
  writeBatch(ctx, 'bench charts', (log) => {
    const copy = (name: string, doc: DocumentBody) => {
      const park = insertPark(ctx, log, { name });
      copyValues.run({ to: getParkRow(db, park.id).pk, from: fromPk });
      putDocument(ctx, log, park.id, period.id, JSON.parse(JSON.stringify(doc).replaceAll(PARK, name)));
      return { parkId: park.id, periodId: period.id };
    };
    withoutChart.push(copy(CONTROL, noChart));
    for (let i = 1; i < PARKS; i++) yearbook.push(copy(`滇中样本${String(i).padStart(2, '0')}高新区`, JSON.parse(bodyJson)));
  });
  note(`fixture: demo store + ${PARKS - 1} parks with the article and its chart, + ${CONTROL} without the chart (not timed)`);
}

const settings = readSettings(db);
const reader = new DocumentFigures(db);
const resolved = resolveDocument(db, { ...withChart[0]!, body: requireDocument(db, chuxiong.id, period.id).body }, settings, reader);
const chart: ResolvedChart = resolved.sections.flatMap((s) => s.paragraphs).map(chartOf).find((c) => c !== null)!;

async function exportMs(documents: typeof withChart): Promise<number> {
  const t0 = performance.now();
  const file = await exportDocx(ctx, { documents, template: 'magazine', allowMarkers: false });
  const elapsed = performance.now() - t0;
  if (file.bytes.subarray(0, 2).toString() !== 'PK') throw new Error('export is not a zip');
  return elapsed;
}

// ---- 1. one chart in a briefing ----------------------------------------------------------------

for (let i = 0; i < WARMUP; i++) {
  await exportMs(withChart);
  await exportMs(withoutChart);
}
const chartRuns: number[] = [];
const plainRuns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  chartRuns.push(await exportMs(withChart));
  plainRuns.push(await exportMs(withoutChart));
}
const added = median(chartRuns) - median(plainRuns);
note(`feature with its chart: median ${ms(median(chartRuns))}, p95 ${ms(quantile(chartRuns, 0.95))}; without: median ${ms(median(plainRuns))}, p95 ${ms(quantile(plainRuns, 0.95))}`);

// Where a chart's time goes (warm): describing + ECharts SVG, then the PNG.
const svgRuns: number[] = [];
const drawRuns: number[] = [];
let svg = '';
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  svg = chartSvg(describeChart(chart.data, { title: chart.title ?? undefined, width: 380 }));
  svgRuns.push(performance.now() - t0);
  const t1 = performance.now();
  await drawChart(chart, 380);
  drawRuns.push(performance.now() - t1);
}
note(`one chart alone: description + SVG median ${ms(median(svgRuns))}; SVG + PNG (drawChart) median ${ms(median(drawRuns))}`);

// ---- 2. the yearbook --------------------------------------------------------------------------

await exportMs(yearbook); // warm-up
const yb: number[] = [];
for (let i = 0; i < YEARBOOK_RUNS; i++) yb.push(await exportMs(yearbook));
const peakMb = process.resourceUsage().maxRSS / 1024;
note(`yearbook (${PARKS} features, ${PARKS} charts): ${spread(yb)}; peak RSS ${peakMb.toFixed(0)} MB`);

// ---- 2b. the yearbook's charts alone: on the chart threads, and in the exporting thread ----------

// What an export does with them (startCharts), until every SVG and PNG is in hand; the same charts
// drawn one after another in the exporting thread (no threads) is the peer, alternating in one run.
const yearbookCharts = yearbook.flatMap((d) =>
  resolveDocument(db, { ...d, body: requireDocument(db, d.parkId, d.periodId).body }, settings, reader)
    .sections.flatMap((s) => s.paragraphs)
    .flatMap((p) => chartOf(p) ?? []),
);
const threadCpuMs = (): number => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
async function drawAll(threads: ReturnType<typeof chartPool>): Promise<{ total: number; held: number; cpu: number }> {
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const pending = await startCharts(yearbookCharts, 380, threads);
  const held = performance.now() - t0;
  await Promise.all([...pending.values()].flatMap((c) => [c.svg, c.png]));
  return { total: performance.now() - t0, held, cpu: threadCpuMs() - c0 };
}
const pool = chartPool();
await drawAll(pool);
await drawAll(null);
const onThreads: { total: number; held: number; cpu: number }[] = [];
const inThread: { total: number; held: number; cpu: number }[] = [];
for (let i = 0; i < YEARBOOK_RUNS + 2; i++) {
  onThreads.push(await drawAll(pool));
  inThread.push(await drawAll(null));
}
note(`${yearbookCharts.length} charts on ${pool?.size ?? 0} chart threads: ${spread(onThreads.map((r) => r.total))}; in the exporting thread: ${spread(inThread.map((r) => r.total))}`);

// ---- 3. the peer: resvg laying out the text itself ----------------------------------------------

const face = chartFaces().regular;
const peer: number[] = [];
if (face) {
  for (let i = 0; i < PEER_RUNS; i++) {
    const t0 = performance.now();
    (await renderAsync(svg, { background: '#ffffff', fitTo: { mode: 'zoom', value: 1.5 }, font: { fontFiles: [face.file], loadSystemFonts: false } })).asPng();
    peer.push(performance.now() - t0);
  }
  note(`peer, resvg with fontFiles [${face.file}]: ${spread(peer)}`);
} else note('peer: no CJK font file found on this machine (fonts-noto-cjk); left out');

// ---- 4. the peer: the PNG written by resvg's asPng() on the calling thread ------------------------

const ours: number[] = [];
const asPng: number[] = [];
if (face) {
  const bold = chartFaces().bold ?? face;
  for (let i = 0; i < RUNS; i++) {
    let c0 = threadCpuMs();
    await chartPng(svg);
    ours.push(threadCpuMs() - c0);
    c0 = threadCpuMs();
    (await renderAsync(outlineText(svg, face, bold), { background: '#ffffff', fitTo: { mode: 'zoom', value: PNG_ZOOM }, font: { loadSystemFonts: false } })).asPng();
    asPng.push(threadCpuMs() - c0);
  }
  note(`exporting thread's CPU for one PNG: ParkBrief ${spread(ours)}; resvg's asPng() ${spread(asPng)}`);
}

// ---- results ----------------------------------------------------------------------------------

figure(
  'one chart added to a feature export',
  ms(added),
  `≤ ${TARGET_CHART_MS} ms`,
  verdict(added, TARGET_CHART_MS),
  `median of ${RUNS} exportDocx with the chart − median of ${RUNS} without (same article, alternating, after ${WARMUP} warm-ups each); in process`,
);
figure('one chart drawn (SVG + PNG)', ms(median(drawRuns)), '-', '-', `median of ${RUNS} drawChart at 380 px (the magazine column), ECharts SSR + outlined text + resvg at 1.5×`);
figure(
  `yearbook ${PARKS} parks with a chart each`,
  ms(median(yb)),
  `≤ ${TARGET_YEARBOOK_MS} ms`,
  verdict(median(yb), TARGET_YEARBOOK_MS),
  `median of ${YEARBOOK_RUNS} in-process exportDocx of ${PARKS} magazine features after one warm-up`,
);
figure(
  `the exporting thread's CPU for the ${yearbookCharts.length} charts, drawn in it`,
  ms(median(inThread.map((r) => r.cpu))),
  '-',
  '-',
  `median of ${inThread.length} (process.threadCpuUsage), startCharts without threads until every SVG and PNG is in hand: ECharts, outlining, handing the PNGs to the libuv pool`,
);
const threadsMs = median(onThreads.map((r) => r.total));
const hereMs = median(inThread.map((r) => r.total));
figure(
  `the ${yearbookCharts.length} charts of the yearbook, on the chart threads`,
  ms(threadsMs),
  '-',
  '-',
  `median of ${onThreads.length}, startCharts until every SVG and PNG is in hand, ${pool?.size ?? 0} thread(s) (cores − 2, at most 3), warm`,
);
figure(
  `the exporting thread held by those ${yearbookCharts.length} charts`,
  ms(median(onThreads.map((r) => r.held))),
  '-',
  '-',
  `median time until startCharts returns (the export then builds the document); drawing them in the exporting thread holds it ${ms(median(inThread.map((r) => r.held)))}`,
);
figure(
  'peer: the same charts drawn in the exporting thread',
  ms(hereMs),
  '-',
  '-',
  `median of ${inThread.length}, startCharts without threads (as before the chart threads), alternating with the figure above`,
);
figure('chart threads / exporting thread', `${(threadsMs / hereMs).toFixed(2)}×`, '< 1×', threadsMs < hereMs ? 'PASS' : 'MISS', 'the two medians above, same run; the machine\'s other load shares the cores with both');
if (peer.length) {
  const pngOnly = median(drawRuns) - median(svgRuns);
  figure('peer: PNG with resvg laying out the text', ms(median(peer)), '-', '-', `median of ${PEER_RUNS}, renderAsync(svg, { font: { fontFiles: [the CJK .ttc] } }), then asPng()`);
  figure('ParkBrief PNG / peer PNG', `${(pngOnly / median(peer)).toFixed(2)}×`, '< 1×', pngOnly < median(peer) ? 'PASS' : 'MISS', 'ParkBrief: drawChart − SVG alone (outline + resvg), medians');
}
if (ours.length) {
  figure(
    'exporting thread CPU per PNG: ParkBrief / resvg asPng()',
    `${(median(ours) / median(asPng)).toFixed(2)}×`,
    '< 1×',
    median(ours) < median(asPng) ? 'PASS' : 'MISS',
    `medians of ${RUNS}, alternating: chartPng (outline, resvg on the pool, zlib on the pool) ${ms(median(ours))}; the same with resvg's asPng() ${ms(median(asPng))}`,
  );
}
db.close();

writeFiguresIfAsked('charts', `peak RSS of the bench process after the yearbook runs ${peakMb.toFixed(0)} MB`);
