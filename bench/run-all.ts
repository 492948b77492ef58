// Runs every benchmark in its own child process (so one bench's heap and peak RSS never leak into
// the next), passes its output through, and ends with a table of the RESULT lines.
// `npm run bench` builds the renderer first; ui.bench.ts needs out/renderer. With `--write-doc`
// every bench rewrites its own section of docs/BENCHMARKS.md and this script the summary table.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { machine, tableRow, writeDocSection, writtenBy } from './lib.ts';

const BENCHES = ['store-bulk', 'grid-read', 'http-edit', 'edit-during-export', 'ui', 'docx-export', 'charts', 'yearbook', 'xlsx-province', 'store-safety', 'cli-startup'];
const here = import.meta.dirname;
const writeDoc = process.argv.includes('--write-doc');
const rows: string[][] = [];
const failed: string[] = [];

for (const name of BENCHES) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, [resolve(here, `${name}.bench.ts`), ...(writeDoc ? ['--write-doc'] : [])], { cwd: resolve(here, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout ?? '');
  if (r.status !== 0) failed.push(`${name} (exit ${r.status ?? r.signal})`);
  for (const line of (r.stdout ?? '').split('\n')) {
    if (!line.startsWith('RESULT ')) continue;
    const [verdict, what, value, target] = line.slice('RESULT '.length).split(' | ');
    rows.push([name, verdict!.trim(), what!, value!, target!.replace(/^target /, '')]);
  }
}

const head = ['bench', 'verdict', 'figure', 'value', 'target'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
console.log(`\n=== summary (${machine()}) ===`);
console.log(line(head));
console.log(line(width.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const misses = rows.filter((r) => r[1] === 'MISS').length;
console.log(`\n${rows.filter((r) => r[1] === 'PASS').length} PASS, ${misses} MISS${failed.length ? `; failed to run: ${failed.join(', ')}` : ''}`);
if (writeDoc) {
  writeDocSection('summary', [
    `${writtenBy()} Each bench's own section below has how every figure is measured.`,
    '',
    '| Bench | Figure | Value | Target | Verdict |',
    '|---|---|---|---|---|',
    ...rows.map(([bench, verdict, what, value, target]) => tableRow([bench!, what!, value!, target!, verdict === 'MISS' ? '**MISS**' : verdict!])),
    '',
    `${rows.filter((r) => r[1] === 'PASS').length} PASS, ${misses} MISS${failed.length ? `; failed to run: ${failed.join(', ')}` : ''}.`,
  ]);
}
// A MISS is a finding, not a crash: only a bench that could not run fails the command.
process.exitCode = failed.length ? 1 : 0;
