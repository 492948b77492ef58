// Small helpers shared by the benchmarks: statistics, PASS/MISS lines, temp dirs, machine facts.
// Every figure a bench prints goes through `figure`, so it always says how it was measured.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  // Nearest-rank: p95 of 300 samples is the 285th smallest, an observed value, not an interpolation.
  const rank = Math.max(1, Math.ceil(q * s.length));
  return s[rank - 1]!;
}

export const median = (s: readonly number[]): number => quantile(s, 0.5);

export const ms = (x: number): string => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;

export function verdict(value: number, target: number): 'PASS' | 'MISS' {
  return value <= target ? 'PASS' : 'MISS';
}

/** The load average when the bench started: with the one at the end it says how busy the machine was. */
const loadAtStart = loadavg()[0]!;
/** Every figure this process printed, in order, for its section of docs/BENCHMARKS.md. */
const printed: string[][] = [];

/** One result line; run-all.ts picks up the lines that start with "RESULT". */
export function figure(name: string, value: string, target: string, pass: 'PASS' | 'MISS' | '-', how: string): void {
  console.log(`RESULT ${pass.padEnd(4)} | ${name} | ${value} | target ${target} | ${how}`);
  printed.push([name, value, target, pass === 'MISS' ? '**MISS**' : pass, how]);
}

/** A Markdown table row: a `|` inside a cell would end the cell. */
export const tableRow = (cells: readonly string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;

/**
 * A generated section's first line: the command that wrote it, the machine and how busy it was
 * (`about` adds what else the run says of itself).
 */
export function writtenBy(about = ''): string {
  const script = `bench/${basename(process.argv[1] ?? 'run-all.ts')}`;
  const load = `load average ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} during the run`;
  return `Written by \`node ${script} --write-doc\` (do not edit by hand); ${machine()}, ${load}${about ? `; ${about}` : ''}.`;
}

/**
 * With `--write-doc`, rewrites the bench's section of docs/BENCHMARKS.md with every figure this run
 * printed, the machine and its load: the doc's figures are always a run's output, never copied.
 */
export function writeFiguresIfAsked(section: string, about = ''): void {
  if (!process.argv.includes('--write-doc')) return;
  writeDocSection(section, [
    writtenBy(about),
    '',
    '| Figure | Value | Target | Verdict | How |',
    '|---|---|---|---|---|',
    ...printed.map(tableRow),
  ]);
  note(`docs/BENCHMARKS.md: section ${section} rewritten`);
}

export function note(text: string): void {
  console.log(`  ${text}`);
}

export function machine(): string {
  return `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'})`;
}

/** A temp dir removed at exit, even when the bench throws. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function spread(runs: readonly number[]): string {
  return `runs: ${runs.map((r) => r.toFixed(r < 10 ? 2 : 0)).join(', ')}; min–max spread ${(((Math.max(...runs) - Math.min(...runs)) / median(runs)) * 100).toFixed(0)}% of median`;
}

/**
 * Replaces a bench's own section of docs/BENCHMARKS.md — the lines between `<!-- bench:NAME -->`
 * and `<!-- /bench:NAME -->` — with what this run measured, so its figures are never copied by hand.
 */
export function writeDocSection(name: string, lines: readonly string[]): void {
  const doc = resolve(import.meta.dirname, '..', 'docs', 'BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`docs/BENCHMARKS.md has no ${open} … ${close} section to rewrite`);
  writeFileSync(doc, `${text.slice(0, start + open.length)}\n${lines.join('\n')}\n${text.slice(end)}`);
}
