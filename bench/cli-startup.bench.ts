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
import { figure, machine, median, ms, note, spread, tempDir, verdict, writeDocSection, writtenBy } from './lib.ts';

/** main just before the CLI went through the contract: every command loaded all handlers, exceljs, docx, jszip and image-size. */
const BASE_REV = '3d654ec4ef7c10b42afe62210d189049336e7d5c';
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

// The CPU time a process used (all its threads), written at exit: on a machine other work keeps
// busy, wall time mostly measures waiting for a core, CPU time much less so.
const CPU_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; " +
    "process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.CPU_LOG, String((u.user + u.system) / 1000)); });",
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

/** A timed run: wall time from spawn to exit, and the CPU time the process reported. */
function timed(side: Side, args: readonly string[]): { wall: number; cpu: number } {
  const log = join(dir, 'cpu.txt');
  const { ms: wall } = run(side, args, ['--import', CPU_HOOK], { CPU_LOG: log });
  return { wall, cpu: Number(readFileSync(log, 'utf8')) };
}

/** Modules the command loaded, and which of the file writers among them. */
function modules(side: Side, args: readonly string[]): { count: number; writers: string[] } {
  const log = join(dir, 'loaded.txt');
  run(side, args, ['--import', COUNT_HOOK], { LOADED_LOG: log });
  const urls = readFileSync(log, 'utf8').split('\n');
  const writers = ['exceljs', 'docx', 'jszip', 'image-size'].filter((p) => urls.some((u) => u.includes(`/node_modules/${p}/`)));
  return { count: urls.length, writers };
}

console.log(`cli-startup: ${RUNS} runs of each command on each side, alternating; ${machine()}; load average ${loadavg()[0]!.toFixed(1)}`);

// Store creation, then the daily backup it is due: neither is start-up, so neither is timed.
for (const side of sides) for (let i = 0; i < 2; i++) run(side, ['parks']);
for (const c of COMMANDS) {
  const [first, ...rest] = sides.map((s) => run(s, c.args).stdout);
  if (rest.some((out) => out !== first)) throw new Error(`${c.name}: the sides print different output; the comparison would be off`);
}

const times = new Map<string, number[]>(COMMANDS.flatMap((c) => sides.map((s) => [`${c.name} ${s.name}`, []])));
const cpuTimes = new Map<string, number[]>(COMMANDS.flatMap((c) => sides.map((s) => [`${c.name} ${s.name}`, []])));
for (let i = 0; i < RUNS; i++) {
  for (const c of COMMANDS) {
    for (const s of sides) {
      const r = timed(s, c.args);
      times.get(`${c.name} ${s.name}`)!.push(r.wall);
      cpuTimes.get(`${c.name} ${s.name}`)!.push(r.cpu);
    }
  }
}
const counts = new Map(COMMANDS.flatMap((c) => sides.map((s) => [`${c.name} ${s.name}`, modules(s, c.args)])));

const rows: string[] = [];
const writers = (m: { writers: string[] }) => m.writers.join(', ') || 'none';
const x = (n: number) => `${n.toFixed(2)}×`;
for (const c of COMMANDS) {
  const key = (s: Side) => `${c.name} ${s.name}`;
  const [wBase, wThis, wOff] = sides.map((s) => median(times.get(key(s))!)) as [number, number, number];
  const [cBase, cThis, cOff] = sides.map((s) => median(cpuTimes.get(key(s))!)) as [number, number, number];
  const [mBase, mThis] = sides.map((s) => counts.get(key(s))!) as [{ count: number; writers: string[] }, { count: number; writers: string[] }];
  const ratio = wThis / wBase;
  const target = c.name === 'show' ? `≤ ${TARGET_RATIO * 100}% of ${base}` : '-';
  const pass = c.name === 'show' ? verdict(ratio, TARGET_RATIO) : '-';
  for (const side of sides) note(`${c.name}, ${side.name}: wall ${spread(times.get(key(side))!)}; CPU median ${ms(median(cpuTimes.get(key(side))!))}`);
  note(`${c.name}: modules loaded ${mThis.count} (base ${mBase.count}); file writers loaded: ${writers(mThis)} (base: ${writers(mBase)})`);
  figure(`parkbrief ${c.name} as a process, median`, ms(wThis), target, pass, `base ${base} ${ms(wBase)} in the same run: ${x(ratio)}; ${RUNS} alternating runs each`);
  figure(`parkbrief ${c.name}, CPU time, median`, ms(cThis), '-', '-', `base ${ms(cBase)}: ${x(cThis / cBase)}; all threads, as the process reports it`);
  figure(`parkbrief ${c.name}, compile cache off, median`, ms(wOff), '-', '-', `${x(wOff / wBase)} the base (CPU ${x(cOff / cBase)}): the smaller module graph alone`);
  rows.push(
    `| \`parkbrief ${c.args.join(' ')}\` | ${ms(wThis)} · ${ms(wOff)} · ${ms(wBase)} | ${x(ratio)} (${x(wOff / wBase)} cache off) | ${ms(cThis)} · ${ms(cOff)} · ${ms(cBase)} | ${x(cThis / cBase)} (${x(cOff / cBase)}) | ${target === '-' ? '–' : `${target}: ${pass}`} | ${mThis.count} / ${mBase.count} | ${writers(mThis)} / ${writers(mBase)} |`,
  );
}

if (process.argv.includes('--write-doc')) {
  writeDocSection('cli-startup', [
    writtenBy(),
    '',
    `Each command as a process on a demo store, median of ${RUNS} runs per side, the sides alternating: wall time from spawn to exit, and the CPU time the process reports at exit (all threads; on a busy machine wall time is mostly waiting for a core). Sides: this commit as a user runs it (the CLI turns on Node's compile cache, warm after the untimed first runs) · this commit with \`NODE_DISABLE_COMPILE_CACHE=1\` (the smaller module graph alone) · the same command of the commit before the CLI went through the contract (\`${base}\`), unpacked by \`git archive\` beside this checkout with the same \`node_modules\`. Each side has its own demo store.`,
    '',
    '| Command | Wall: this · cache off · base | Wall ratio | CPU: this · cache off · base | CPU ratio | Target | Modules loaded (this / base) | File writers loaded (this / base) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ]);
  note('docs/BENCHMARKS.md: section cli-startup rewritten');
}
