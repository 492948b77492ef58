// Browser mode, cold loads: from navigation start to the indicator grid showing figures. Target ≤ 1 s.
// Peer: DOMContentLoaded of the same page (the HTML and its scripts parsed and run), the floor below
// which no app on this server could show anything. Also the first screen's JavaScript, target ≤ 350 KB
// gzipped; peer: React + ReactDOM production, minified and gzipped, the floor of any React renderer.
//
// Needs `npm run build` (reads out/renderer). Each load gets a new browser context: empty cache,
// empty localStorage. Times are read inside the page (performance.now(), origin = navigation start)
// by a MutationObserver installed before any page script, so the harness's polling adds nothing.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startServe } from '../e2e/server-process.ts';
import { figure, machine, median, ms, note, spread, verdict, writeFiguresIfAsked } from './lib.ts';

const LOADS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;
const TARGET_KB = 350;
const ROOT = resolve(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'out/renderer');
const kb = (n: number) => n / 1024;

// ---- first-screen JavaScript size ----
const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
  ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
].map((m) => m[1]!);
let raw = 0;
let gz = 0;
for (const s of new Set(scripts)) {
  const buf = readFileSync(join(RENDERER, s.replace(/^\.?\//, '')));
  raw += buf.length;
  gz += gzipSync(buf, { level: 9 }).length;
}
// The chart code (ECharts) must arrive only with the first chart shown: no first-screen file may
// carry it. renderToSVGString is a method name of ECharts' that survives minification.
const CHART_MARK = 'renderToSVGString';
const firstScreen = new Set([...scripts].map((s) => s.replace(/^\.?\//, '')));
const chartInFirst = [...firstScreen].some((s) => readFileSync(join(RENDERER, s), 'utf8').includes(CHART_MARK));
const chartChunks = readdirSync(join(RENDERER, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !firstScreen.has(f) && readFileSync(join(RENDERER, f), 'utf8').includes(CHART_MARK));
const chartGz = chartChunks.reduce((n, f) => n + gzipSync(readFileSync(join(RENDERER, f)), { level: 9 }).length, 0);

// React 19 ships its production CJS builds unminified, so minify them as the app's build would
// (rolldown's oxc minifier, the one Vite uses) before gzipping; otherwise the floor is inflated.
const require = createRequire(import.meta.url);
const { minifySync } = (await import('rolldown/utils')) as unknown as { minifySync: (name: string, code: string) => { code: string } };
let reactGz = 0;
for (const f of [join(dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom-client.production.js'), join(dirname(require.resolve('react/package.json')), 'cjs/react.production.js')]) {
  reactGz += gzipSync(minifySync(f, readFileSync(f, 'utf8')).code, { level: 9 }).length;
}

// ---- cold loads ----
interface Load {
  dcl: number;
  grid: number;
  wall: number;
}

/** Installed before page scripts: records when `selector` first matches with a figure in it. */
function watch(check: string): string {
  return `(() => {
    const test = () => { try { return (${check})(); } catch { return false; } };
    const done = () => { window.__gridAt = performance.now(); obs.disconnect(); };
    const obs = new MutationObserver(() => { if (test()) done(); });
    obs.observe(document, { subtree: true, childList: true, characterData: true });
  })();`;
}
const anyFigure = `() => [...document.querySelectorAll('[data-testid="indicator-grid"] tr[data-indicator] td[data-col="value"]')].some((td) => /\\d/.test(td.textContent))`;
const gdp = `() => (document.querySelector('[data-testid="indicator-grid"] [data-indicator="地区生产总值"]')?.textContent ?? '').includes('333.52')`;

async function coldLoad(browser: Browser, url: string, check: string, selection: object | null): Promise<Load> {
  const context = await browser.newContext();
  try {
    if (selection) await context.addInitScript(`localStorage.setItem('parkbrief.selection', ${JSON.stringify(JSON.stringify(selection))})`);
    await context.addInitScript(watch(check));
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __gridAt?: number }).__gridAt !== undefined, null, { timeout: 20_000 });
    const wall = performance.now() - t0;
    const [grid, dcl] = await page.evaluate(() => [
      (window as unknown as { __gridAt: number }).__gridAt,
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    ]);
    return { dcl: dcl!, grid: grid!, wall };
  } finally {
    await context.close();
  }
}

const serve = await startServe();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const rpc = async <T>(method: string): Promise<T> => {
    const r = await fetch(`${serve.origin}/rpc/${method}`, { method: 'POST', headers: { 'x-parkbrief-token': serve.token, 'content-type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { value: T }).value;
  };
  const park = (await rpc<{ id: string; name: string }[]>('parks.list')).find((p) => p.name === '楚雄高新区')!;
  const period = (await rpc<{ id: string; key: string }[]>('periods.list')).find((p) => p.key === '2022')!;

  console.log(`ui: ${LOADS} cold loads per scenario, headless /usr/bin/chromium ${browser.version()}; ${machine()}`);
  await coldLoad(browser, serve.url, anyFigure, null); // warm the server's file cache and the browser process, not timed
  const first: Load[] = [];
  const chuxiong: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    first.push(await coldLoad(browser, serve.url, anyFigure, null));
    chuxiong.push(await coldLoad(browser, serve.url, gdp, { parkId: park.id, periodId: period.id, kind: 'actual' }));
  }
  const med = (xs: Load[], k: keyof Load) => median(xs.map((x) => x[k]));
  note(`default selection, grid ms ${spread(first.map((x) => x.grid))}`);
  note(`楚雄高新区 2022, grid ms ${spread(chuxiong.map((x) => x.grid))}`);
  note(`harness wall time goto() → grid seen (adds CDP round trips and polling): ${ms(med(first, 'wall'))} / ${ms(med(chuxiong, 'wall'))}`);
  const how = `median of ${LOADS} cold loads (new context each), navigation start → MutationObserver sees`;
  figure('UI nav → grid with figures', ms(med(first, 'grid')), `≤ ${TARGET_MS} ms`, verdict(med(first, 'grid'), TARGET_MS), `${how} a value cell with a digit (default park/period)`);
  figure('UI nav → 楚雄高新区 2022 GDP 333.52', ms(med(chuxiong, 'grid')), `≤ ${TARGET_MS} ms`, verdict(med(chuxiong, 'grid'), TARGET_MS), `${how} 地区生产总值 row with 333.52 (selection preset in localStorage)`);
  figure('UI peer: DOMContentLoaded', ms(med(first, 'dcl')), '-', '-', 'median over the default-selection loads, Navigation Timing domContentLoadedEventEnd');
  figure('UI grid/DOMContentLoaded', `${(med(first, 'grid') / med(first, 'dcl')).toFixed(1)}×`, '-', '-', 'ratio of medians (default selection)');
} finally {
  await browser.close();
  await serve.stop();
}

figure('first-screen JS gzipped', `${kb(gz).toFixed(1)} KB (raw ${kb(raw).toFixed(1)} KB, ${new Set(scripts).size} file(s))`, `≤ ${TARGET_KB} KB`, verdict(kb(gz), TARGET_KB), 'zlib.gzipSync level 9 of each .js that out/renderer/index.html loads by <script src> or modulepreload, summed');
figure(
  'chart code outside the first screen',
  chartInFirst ? 'in the first screen' : `${kb(chartGz).toFixed(1)} KB gzipped in ${chartChunks.length} lazy file(s)`,
  'not in the first screen',
  chartInFirst || chartChunks.length === 0 ? 'MISS' : 'PASS',
  `first-screen files searched for ECharts' "${CHART_MARK}"; the lazy chunk (dynamic import in ChartView) gzipped at level 9`,
);
figure('JS peer: React+ReactDOM min+gz', `${kb(reactGz).toFixed(1)} KB`, '-', '-', 'react.production.js + react-dom-client.production.js, minified with rolldown minifySync, gzip level 9');
figure('first-screen JS / React floor', `${(gz / reactGz).toFixed(1)}×`, '-', '-', 'ratio of gzipped sizes');
writeFiguresIfAsked('ui');
