// Word export: exportDocx of the demo 楚雄高新区 2022 article (magazine and bulletin), and a
// 100-park magazine yearbook. Targets: one feature ≤ 100 ms warm; the yearbook ≤ 3 s; ParkBrief
// faster than the peer for the same content.
//
// Peer: pandoc (the distribution's build, found on PATH) turning the same content, written as
// Markdown from the *resolved* documents, into .docx: `pandoc -f markdown -t docx -o out.docx in.md`,
// timed as a process end to end, which is how a person would use it. The Markdown carries what
// ParkBrief's text carries: title as `#`, subtitle, by-line, lead, each section heading run in bold
// into its first paragraph, photos as `![caption credit](sha.png)` with the store's PNG bytes, placed
// where the export places them. It does not carry ParkBrief's layout (two columns, page furniture,
// fonts, page breaks between yearbook features), so pandoc writes less per paragraph; see
// docs/BENCHMARKS.md §5. ParkBrief is timed two ways: in process (what the app does: exportDocx
// returns the bytes) and as a process (`node src-main/cli.ts export …`, start to exit, the file
// written), so there is a process-against-process comparison too. pandoc's own start-up
// (`pandoc --version`) and Node's (`node -e 0`) are printed so the process ratios can be read fairly.
//
// The store is the demo store plus 99 parks, each given a copy of 楚雄高新区's figures (one SQL
// INSERT … SELECT per park, in one transaction) and its own copy of the 楚雄 article with the park
// name replaced. Building it is not timed. Runs alternate ParkBrief and peer so machine noise hits
// both alike.

import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportDocx } from '../src-main/core/documents/export-docx.ts';
import { openCore } from '../src-main/core/session/open-core.ts';
import { type ResolvedDocument, type Template } from '../src-main/shared/document.ts';
import { buildYearbookStore, markdownOf, PARK, PERIOD, resolveAll } from './yearbook-fixture.ts';
import { figure, machine, median, ms, note, quantile, spread, tempDir, verdict, writeFiguresIfAsked } from './lib.ts';

const RUNS = Math.max(30, Number(process.env.BENCH_RUNS ?? 40)); // in-process single-feature runs per template
const WARMUP = 5;
const PROCESS_RUNS = 12; // pandoc and CLI, single feature
const YEARBOOK_RUNS = 5; // in process
const YEARBOOK_PROCESS_RUNS = 3; // pandoc and CLI, yearbook
const PARKS = 100;
const TARGET_ONE_MS = 100;
const TARGET_YEARBOOK_MS = 3000;

const root = resolve(import.meta.dirname, '..');
const cliPath = join(root, 'src-main/cli.ts');
const dir = tempDir('parkbrief-bench-docx-');
const storePath = join(dir, 'store.sqlite');

console.log(`docx-export: ${PARK} ${PERIOD} (magazine, bulletin) and a ${PARKS}-park magazine yearbook against pandoc; ${machine()}`);

// ---- fixture (not timed) ----------------------------------------------------------------------

const ctx = openCore(storePath, { origin: 'bench', demoIfNew: true });
const { db } = ctx;
const t0 = performance.now();
const { documents: yearbook } = buildYearbookStore(ctx, PARKS);
const one = yearbook.slice(0, 1);
note(`fixture: demo store + ${PARKS - 1} parks, ${yearbook.length} documents for ${PERIOD}, built in ${(performance.now() - t0).toFixed(0)} ms (not timed)`);

// ---- the peer's input: the resolved documents as Markdown, the photos as files ------------------

const mdDir = tempDir('parkbrief-bench-pandoc-');
const oneResolved = resolveAll(ctx, one);
const yearbookResolved = resolveAll(ctx, yearbook);
for (const d of yearbookResolved) if (d.problems.length) throw new Error(`${d.parkName}: ${d.problems.length} unresolved placeholders`);
const oneMd = join(mdDir, 'one.md');
const yearbookMd = join(mdDir, 'yearbook.md');
// The chart goes to pandoc as its source line only: a yearbook's charts are measured in bench/yearbook.bench.ts.
const md = (d: ResolvedDocument) => markdownOf(ctx, d, mdDir, () => null);
writeFileSync(oneMd, md(oneResolved[0]!));
writeFileSync(yearbookMd, yearbookResolved.map(md).join('\n'));

// ---- timing helpers ---------------------------------------------------------------------------

const pandocVersion = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
const havePandoc = pandocVersion.status === 0;
if (havePandoc) note(`peer: ${pandocVersion.stdout.split('\n')[0]} (${spawnSync('sh', ['-c', 'command -v pandoc'], { encoding: 'utf8' }).stdout.trim()})`);
else note('peer: pandoc not found on PATH (Debian/Ubuntu: apt-get install -y pandoc); peer figures are left out');

/** Wall time of a child process, start to exit; a failed run stops the bench. */
function timeProcess(cmd: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return elapsed;
}

async function exportOnce(documents: typeof one, template: Template): Promise<{ ms: number; bytes: Buffer }> {
  const t0 = performance.now();
  const file = await exportDocx(ctx, { documents, template, allowMarkers: false });
  const elapsed = performance.now() - t0;
  if (file.bytes.subarray(0, 2).toString() !== 'PK') throw new Error('export is not a zip');
  return { ms: elapsed, bytes: file.bytes };
}

const pandocOut = (name: string) => join(mdDir, `${name}.docx`);
const pandocRun = (md: string, out: string) => timeProcess('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', out, md], mdDir);
const cliRun = (out: string, ...which: string[]) =>
  timeProcess(process.execPath, [cliPath, 'export', '--db', storePath, ...which, '--period', PERIOD, '--template', 'magazine', '--out', out], root);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const stats = (s: number[]) => `median ${ms(median(s))}, p95 ${ms(quantile(s, 0.95))}`;

interface CliParts {
  imports: number;
  open: number;
  first: number;
  second: number;
}
/** The CLI's process time split up: a fresh node imports what `cli.ts` imports, opens the store, exports twice. */
function cliParts(): CliParts {
  const script = `
    const t0 = performance.now();
    await import(${JSON.stringify(new URL('../src-main/cli/run.ts', import.meta.url).href)});
    const { openCore } = await import(${JSON.stringify(new URL('../src-main/core/session/open-core.ts', import.meta.url).href)});
    const { exportDocx } = await import(${JSON.stringify(new URL('../src-main/core/documents/export-docx.ts', import.meta.url).href)});
    const t1 = performance.now();
    const ctx = openCore(process.argv[1], { origin: 'cli' });
    const t2 = performance.now();
    const documents = ${JSON.stringify(one)};
    await exportDocx(ctx, { documents, template: 'magazine', allowMarkers: false });
    const t3 = performance.now();
    await exportDocx(ctx, { documents, template: 'magazine', allowMarkers: false });
    const t4 = performance.now();
    ctx.db.close();
    console.log(JSON.stringify({ imports: t1 - t0, open: t2 - t1, first: t3 - t2, second: t4 - t3 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, storePath], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`CLI breakdown failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as CliParts;
}

/** Both files read back as plain text by pandoc (not timed): the same words in both, or the comparison is off. */
function readBack(path: string): string {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', path], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`pandoc could not read ${path}: ${r.stderr}`);
  // A picture reads back as its alt text in brackets: ParkBrief's is the caption, pandoc's the
  // caption and credit. Both print the caption paragraph below it, which is compared.
  return r.stdout
    .split('\n')
    .filter((l) => !/^\[.*\]$/.test(l.trim()))
    .join('')
    .replace(/\s+/g, '');
}
function compareText(ours: string, theirs: string, what: string): void {
  const a = readBack(ours);
  const b = readBack(theirs);
  note(`${what}, both files read back as text by pandoc: ParkBrief ${a.length} characters, pandoc ${b.length}; ${a === b ? 'identical' : `differ (first at ${[...a].findIndex((c, i) => c !== b[i])})`} after whitespace is removed`);
}

// ---- 1. one feature, in process ---------------------------------------------------------------

for (let i = 0; i < WARMUP; i++) {
  await exportOnce(one, 'magazine');
  await exportOnce(one, 'bulletin');
}
const mag: number[] = [];
const bul: number[] = [];
let magBytes: Buffer = Buffer.alloc(0);
let bulBytes: Buffer = Buffer.alloc(0);
for (let i = 0; i < RUNS; i++) {
  const m = await exportOnce(one, 'magazine');
  const b = await exportOnce(one, 'bulletin');
  mag.push(m.ms);
  bul.push(b.ms);
  magBytes = m.bytes;
  bulBytes = b.bytes;
}
const ourOne = join(dir, 'one-magazine.docx');
writeFileSync(ourOne, magBytes);
note(`magazine ${stats(mag)}; min ${ms(Math.min(...mag))}, max ${ms(Math.max(...mag))}; ${kb(magBytes.length)}`);
note(`bulletin ${stats(bul)}; min ${ms(Math.min(...bul))}, max ${ms(Math.max(...bul))}; ${kb(bulBytes.length)}`);

// ---- 1b. one feature against pandoc, and both as processes --------------------------------------

const pandocStart: number[] = [];
const nodeStart: number[] = [];
const pandocOne: number[] = [];
const cliOne: number[] = [];
const cliOneOut = join(dir, 'cli-one.docx');
if (havePandoc) {
  pandocRun(oneMd, pandocOut('one')); // untimed first run: page cache, as for the CLI below
  cliRun(cliOneOut, '--park', PARK);
  for (let i = 0; i < PROCESS_RUNS; i++) {
    pandocStart.push(timeProcess('pandoc', ['--version'], mdDir));
    nodeStart.push(timeProcess(process.execPath, ['-e', '0'], root));
    pandocOne.push(pandocRun(oneMd, pandocOut('one')));
    cliOne.push(cliRun(cliOneOut, '--park', PARK));
  }
  note(`pandoc one feature: ${spread(pandocOne)}; ${kb(statSync(pandocOut('one')).size)}`);
  note(`ParkBrief CLI one feature: ${spread(cliOne)}; ${kb(statSync(cliOneOut).size)}`);
  note(`process start-up alone: pandoc --version median ${ms(median(pandocStart))}; node -e 0 median ${ms(median(nodeStart))}`);
  const parts = [1, 2, 3].map(() => cliParts());
  const med = (k: keyof CliParts) => ms(median(parts.map((p) => p[k])));
  note(`where the CLI's time goes (fresh node, median of 3): importing the CLI's modules ${med('imports')}, opening the store ${med('open')}, first (cold) export ${med('first')}, second ${med('second')}`);
  compareText(ourOne, pandocOut('one'), 'one feature');
}

// ---- 2. the 100-park yearbook ---------------------------------------------------------------

const yb: number[] = [];
let ybBytes: Buffer = Buffer.alloc(0);
await exportOnce(yearbook, 'magazine'); // warm-up
const pandocYb: number[] = [];
const cliYb: number[] = [];
const cliYbOut = join(dir, 'cli-yearbook.docx');
for (let i = 0; i < Math.max(YEARBOOK_RUNS, havePandoc ? YEARBOOK_PROCESS_RUNS : 0); i++) {
  if (i < YEARBOOK_RUNS) {
    const r = await exportOnce(yearbook, 'magazine');
    yb.push(r.ms);
    ybBytes = r.bytes;
  }
  if (havePandoc && i < YEARBOOK_PROCESS_RUNS) {
    pandocYb.push(pandocRun(yearbookMd, pandocOut('yearbook')));
    cliYb.push(cliRun(cliYbOut, '--all-parks'));
  }
}
const ourYb = join(dir, 'yearbook.docx');
writeFileSync(ourYb, ybBytes);
note(`yearbook in process: ${spread(yb)}; ${kb(ybBytes.length)}; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (havePandoc) {
  note(`pandoc yearbook: ${spread(pandocYb)}; ${kb(statSync(pandocOut('yearbook')).size)} (Markdown ${kb(statSync(yearbookMd).size)})`);
  note(`ParkBrief CLI yearbook (--all-parks): ${spread(cliYb)}; ${kb(statSync(cliYbOut).size)}`);
  compareText(ourYb, pandocOut('yearbook'), 'yearbook');
}

// ---- results ----------------------------------------------------------------------------------

const how1 = `${RUNS} warm runs after ${WARMUP} warm-ups, magazine and bulletin alternating, performance.now() around exportDocx (resolve + render + zip), nearest-rank p95`;
figure('one feature magazine, median', ms(median(mag)), `≤ ${TARGET_ONE_MS} ms`, verdict(median(mag), TARGET_ONE_MS), how1);
figure('one feature magazine, p95', ms(quantile(mag, 0.95)), `≤ ${TARGET_ONE_MS} ms`, verdict(quantile(mag, 0.95), TARGET_ONE_MS), how1);
figure('one feature bulletin, median', ms(median(bul)), `≤ ${TARGET_ONE_MS} ms`, verdict(median(bul), TARGET_ONE_MS), how1);
figure('one feature bulletin, p95', ms(quantile(bul, 0.95)), `≤ ${TARGET_ONE_MS} ms`, verdict(quantile(bul, 0.95), TARGET_ONE_MS), how1);
figure(
  `yearbook ${PARKS} parks magazine`,
  ms(median(yb)),
  `≤ ${TARGET_YEARBOOK_MS} ms`,
  verdict(median(yb), TARGET_YEARBOOK_MS),
  `median of ${YEARBOOK_RUNS} in-process runs after one warm-up, exportDocx with ${PARKS} documents; file ${kb(ybBytes.length)}`,
);
if (havePandoc) {
  const pOne = median(pandocOne);
  const pYb = median(pandocYb);
  figure('peer pandoc one feature (process)', ms(pOne), '-', '-', `median of ${PROCESS_RUNS}, pandoc -f markdown -t docx -o out.docx in.md, spawn to exit; pandoc --version alone ${ms(median(pandocStart))}`);
  figure('ParkBrief/pandoc one feature, in process', `${(median(mag) / pOne).toFixed(2)}×`, '< 1×', median(mag) < pOne ? 'PASS' : 'MISS', 'exportDocx magazine median ÷ pandoc process median');
  figure('ParkBrief CLI one feature (process)', ms(median(cliOne)), '-', '-', `median of ${PROCESS_RUNS}, node src-main/cli.ts export --park … --template magazine --out x.docx, spawn to exit; node -e 0 alone ${ms(median(nodeStart))}`);
  figure('ParkBrief CLI/pandoc one feature, process', `${(median(cliOne) / pOne).toFixed(2)}×`, '< 1×', median(cliOne) < pOne ? 'PASS' : 'MISS', 'both as processes, ratio of medians');
  figure('peer pandoc yearbook (process)', ms(pYb), '-', '-', `median of ${YEARBOOK_PROCESS_RUNS}, the ${PARKS} documents as one Markdown file; file ${kb(statSync(pandocOut('yearbook')).size)}`);
  figure('ParkBrief/pandoc yearbook, in process', `${(median(yb) / pYb).toFixed(2)}×`, '< 1×', median(yb) < pYb ? 'PASS' : 'MISS', 'exportDocx yearbook median ÷ pandoc process median');
  figure('ParkBrief CLI yearbook (process)', ms(median(cliYb)), '-', '-', `median of ${YEARBOOK_PROCESS_RUNS}, node src-main/cli.ts export --all-parks …, spawn to exit`);
  figure('ParkBrief CLI/pandoc yearbook, process', `${(median(cliYb) / pYb).toFixed(2)}×`, '< 1×', median(cliYb) < pYb ? 'PASS' : 'MISS', 'both as processes, ratio of medians');
}
db.close();
writeFiguresIfAsked('docx-export');
