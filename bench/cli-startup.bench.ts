// The command line's start-up (issue 11): `parkbrief parks` and `parkbrief show --park 楚雄高新区
// --period 2022` as whole processes, spawn to exit, against the same commands of BASE_REV measured
// in the same run. Target: `show` in at most half the base's time.
//
// The base's tree is unpacked with `git archive` into a temp folder with this checkout's
// node_modules linked in, so both sides run on the same Node and the same packages. Each side
// works on its own demo store, made by its own first run (a side may change the schema); the next
// runs take the daily backup a store is due, so the timed runs start from the same state. Runs
// alternate base, this, this with Node's compile cache off, base, … and every side must print the
// same output.
//
// `node bench/cli-startup.bench.ts --write-doc` also rewrites its section of docs/BENCHMARKS.md.

import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { figure, machine, median, ms, note, spread, tempDir, verdict, writeDocSection } from './lib.ts';

/** main just before the CLI went through the contract: every command loaded all handlers, exceljs, docx, jszip and image-size. */
const BASE_REV = 'fb952f78394f87274ccdcb1619acaeb9640e7db9';
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 9);
const TARGET_RATIO = 0.5;

const root = resolve(import.meta.dirname, '..');
const base = BASE_REV.slice(0, 7);
const COMMANDS = [
  { name: 'parks', args: ['parks'] },
  { name: 'show', args: ['show', '--park', '楚雄高新区', '--period', '2022'] },
] as const;

// Every module a process loads, ESM and CommonJS alike (registerHooks runs in the loading thread).
const COUNT_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module'; import { writeFileSync } from 'node:fs'; const urls = []; " +
    'registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } }); ' +
    "process.on('exit', () => writeFileSync(process.env.LOADED_LOG, urls.join('\\n')));",
)}`;

function git(args: string[]): { ok: boolean; stdout: Buffer } {
  const r = spawnSync('git', args, { cwd: root, maxBuffer: 1 << 30 });
  return { ok: r.status === 0, stdout: r.stdout ?? Buffer.alloc(0) };
}

if (!git(['cat-file', '-e', `${BASE_REV}^{commit}`]).ok) {
  console.log(`SKIP cli-startup: the base commit ${base} is not in this clone (a shallow clone, or not a git checkout); nothing measured`);
  process.exit(0);
}

const dir = tempDir('parkbrief-bench-cli-');
const baseTree = join(dir, 'base');
const archive = git(['archive', '--format=tar', `--prefix=base/`, BASE_REV]);
const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
if (!archive.ok || untar.status !== 0) throw new Error(`could not unpack ${base}: ${untar.stderr?.toString() ?? ''}`);
symlinkSync(join(root, 'node_modules'), join(baseTree, 'node_modules'), 'dir');

interface Side {
  name: string;
  cli: string;
  store: string;
  env: NodeJS.ProcessEnv;
}
// The caller's own compile cache setting would speed up one side and not the other: none inherits it.
const { NODE_COMPILE_CACHE: _ownCache, NODE_DISABLE_COMPILE_CACHE: _ownOff, ...callerEnv } = process.env;
const env = { ...callerEnv, PARKBRIEF_LANG: '', PARKBRIEF_DB: '' };
const sides: Side[] = [
  { name: `base ${base}`, cli: join(baseTree, 'src-main', 'cli.ts'), store: join(dir, 'base.sqlite'), env },
  // As a user runs it: the CLI turns Node's compile cache on (here in the bench's temp folder).
  { name: 'this commit', cli: join(root, 'src-main', 'cli.ts'), store: join(dir, 'this.sqlite'), env: { ...env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') } },
  // What the smaller module graph alone gives.
  { name: 'this commit, compile cache off', cli: join(root, 'src-main', 'cli.ts'), store: join(dir, 'this-nocache.sqlite'), env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' } },
];

function run(side: Side, args: readonly string[], extra: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...extra, side.cli, ...args, '--db', side.store], { cwd: root, encoding: 'utf8', env: { ...side.env, ...extraEnv } });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${side.name}: ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return { ms: elapsed, stdout: r.stdout };
}

/** Modules the command loaded, and which of the file writers among them. */
function modules(side: Side, args: readonly string[]): { count: number; writers: string[] } {
  const log = join(dir, 'loaded.txt');
  run(side, args, ['--import', COUNT_HOOK], { LOADED_LOG: log });
  const urls = readFileSync(log, 'utf8').split('\n');
  const writers = ['exceljs', 'docx', 'jszip', 'image-size'].filter((p) => urls.some((u) => u.includes(`/node_modules/${p}/`)));
  return { count: urls.length, writers };
}

const load0 = loadavg()[0]!;
console.log(`cli-startup: ${RUNS} runs of each command on each side, alternating; ${machine()}; load average ${load0.toFixed(1)}`);

// Store creation, then the daily backup it is due: neither is start-up, so neither is timed.
for (const side of sides) for (let i = 0; i < 2; i++) run(side, ['parks']);
for (const c of COMMANDS) {
  const [first, ...rest] = sides.map((s) => run(s, c.args).stdout);
  if (rest.some((out) => out !== first)) throw new Error(`${c.name}: the sides print different output; the comparison would be off`);
}

const times = new Map<string, number[]>(COMMANDS.flatMap((c) => sides.map((s) => [`${c.name} ${s.name}`, []])));
for (let i = 0; i < RUNS; i++) {
  for (const c of COMMANDS) for (const s of sides) times.get(`${c.name} ${s.name}`)!.push(run(s, c.args).ms);
}
const counts = new Map(COMMANDS.flatMap((c) => sides.map((s) => [`${c.name} ${s.name}`, modules(s, c.args)])));
const load1 = loadavg()[0]!;

const rows: string[] = [];
const writers = (m: { writers: string[] }) => m.writers.join(', ') || 'none';
for (const c of COMMANDS) {
  const [b, t, off] = sides.map((s) => times.get(`${c.name} ${s.name}`)!);
  const [mb, mt] = sides.map((s) => counts.get(`${c.name} ${s.name}`)!);
  const ratio = median(t!) / median(b!);
  const ratioOff = median(off!) / median(b!);
  const target = c.name === 'show' ? `≤ ${TARGET_RATIO * 100}% of ${base}` : '-';
  const pass = c.name === 'show' ? verdict(ratio, TARGET_RATIO) : '-';
  for (const [i, side] of sides.entries()) note(`${c.name}, ${side.name}: ${spread([b!, t!, off!][i]!)}`);
  note(`${c.name}: modules loaded ${mt!.count} (base ${mb!.count}); file writers loaded: ${writers(mt!)} (base: ${writers(mb!)})`);
  figure(`parkbrief ${c.name} as a process, median`, ms(median(t!)), target, pass, `base ${base} ${ms(median(b!))} in the same run: ${ratio.toFixed(2)}×; ${RUNS} alternating runs each`);
  figure(`parkbrief ${c.name}, compile cache off, median`, ms(median(off!)), '-', '-', `${ratioOff.toFixed(2)}× the base: the smaller module graph alone`);
  rows.push(
    `| \`parkbrief ${c.args.join(' ')}\` | ${ms(median(t!))} | ${ms(median(off!))} | ${ms(median(b!))} | ${ratio.toFixed(2)}× (${ratioOff.toFixed(2)}× cache off) | ${target === '-' ? '–' : `${target}: ${pass}`} | ${mt!.count} / ${mb!.count} | ${writers(mt!)} / ${writers(mb!)} |`,
  );
}

if (process.argv.includes('--write-doc')) {
  writeDocSection('cli-startup', [
    `Written by \`node bench/cli-startup.bench.ts --write-doc\` (do not edit by hand); ${machine()}, load average ${load0.toFixed(1)} → ${load1.toFixed(1)} during the run.`,
    '',
    `Each command as a process, spawn to exit, on a demo store: median of ${RUNS} runs per side, the sides alternating. The peer is the same command of the commit before the CLI went through the contract (\`${base}\`), unpacked by \`git archive\` beside this checkout with the same \`node_modules\`, each side on its own demo store. This commit's CLI turns on Node's compile cache (warm after the untimed first runs); the column "cache off" runs it with \`NODE_DISABLE_COMPILE_CACHE=1\`, which shows what the smaller module graph gives alone.`,
    '',
    '| Command | This commit | Cache off | Base | Ratio | Target | Modules loaded (this / base) | File writers loaded (this / base) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ]);
  note('docs/BENCHMARKS.md: section cli-startup rewritten');
}
