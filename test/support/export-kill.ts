// The export half of the crash test: `parkbrief export --format xlsx` overwriting an existing
// workbook, killed with SIGKILL at seeded moments. Two stores differ in one figure (地区生产总值), and
// each run exports from the store the file does not come from yet, so the destination afterwards
// tells which it is. Every other kill comes at a seeded time late in the run, the others the moment
// the temporary file appears (the window between its creation and the rename). The file must be
// byte for byte the old one, or a complete new workbook (every zip entry passes its checksum,
// exceljs opens it, it carries the other store's figure) — never anything else.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ZipReader } from '../../src-main/core/imports/zip.ts';
import { runCliProcess, type HostOptions } from './host-process.ts';
import { seededRandom } from './seeded-random.ts';

export interface ExportKillOptions {
  dir: string;
  kills: number;
  seed: number;
  host?: HostOptions;
  progress?: (line: string) => void;
}

export interface ExportKillFigures {
  kills: number;
  /** Kills sent the moment the export's temporary file appeared (the rest at a seeded time). */
  onTempFile: number;
  /** Runs that finished before their kill came (the new file must then be whole). */
  completed: number;
  /** After a kill: the old workbook untouched, or the new one complete. */
  keptOld: number;
  gotNew: number;
  /** Temporary files a kill left beside the destination: the kill landed while the new file was being written. */
  tempFilesLeft: number;
  ms: number;
  failures: string[];
}

const STORES = [
  { name: 'a.sqlite', gdp: '111.11' },
  { name: 'b.sqlite', gdp: '222.22' },
] as const;

export async function runExportKills(opts: ExportKillOptions): Promise<ExportKillFigures> {
  const t0 = performance.now();
  const fig: ExportKillFigures = { kills: 0, onTempFile: 0, completed: 0, keptOld: 0, gotNew: 0, tempFilesLeft: 0, ms: 0, failures: [] };
  const out = join(opts.dir, '指标表.xlsx');
  const cli = (args: string[]) => runCliProcess(args, opts.host ?? {});
  // Two demo stores (created by the CLI itself) that differ in one figure.
  await Promise.all(
    STORES.map(async (s) => {
      const p = cli(['set', '--db', join(opts.dir, s.name), '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', s.gdp]);
      const e = await p.exited;
      if (e.code !== 0) throw new Error(`set ${s.name} failed:\n${p.output()}`);
    }),
  );
  const exportFrom = (store: number) =>
    cli(['export', '--format', 'xlsx', '--template', 'table', '--park', '楚雄高新区', '--period', '2022', '--out', out, '--db', join(opts.dir, STORES[store]!.name)]);

  let started = performance.now();
  const first = exportFrom(0);
  if ((await first.exited).code !== 0) throw new Error(`the first export failed:\n${first.output()}`);
  /** How long an undisturbed export takes here; kills are spread over its second half. */
  let fullMs = performance.now() - started;
  let current = { bytes: readFileSync(out), store: await identify(readFileSync(out)) };
  if (current.store !== 0) throw new Error(`the first export does not carry ${STORES[0].gdp}`);

  const rnd = seededRandom(opts.seed);
  for (let attempt = 0; fig.kills < opts.kills && !fig.failures.length; attempt++) {
    if (attempt >= opts.kills * 5) {
      fig.failures.push(`only ${fig.kills} of ${opts.kills} kills landed in ${attempt} runs: every export finished first`);
      break;
    }
    const next = 1 - current.store;
    // Every other kill at a seeded time in the run's second half, the others aimed at the write
    // itself: sent as soon as the temporary file appears, between its creation and the rename.
    const aimed = fig.kills % 2 === 1;
    const delay = aimed ? rnd() * 3 : fullMs * (0.4 + 0.7 * rnd());
    const isTemp = (f: string | null) => !!f && f.startsWith(`.${basename(out)}.`) && f.endsWith('.tmp');
    let timer: NodeJS.Timeout | undefined;
    started = performance.now();
    const run = exportFrom(next);
    const watcher = aimed
      ? watch(dirname(out), (_event, f) => {
          if (isTemp(f) && !timer) timer = setTimeout(() => void run.kill(), delay);
        })
      : null;
    if (!aimed) timer = setTimeout(() => void run.kill(), delay);
    const exit = await run.exited;
    watcher?.close();
    clearTimeout(timer);
    const killed = exit.signal === 'SIGKILL';
    if (!killed && exit.code !== 0) {
      fig.failures.push(`export exited with ${exit.code}:\n${run.output()}`);
      break;
    }
    const left = readdirSync(dirname(out)).filter(isTemp);
    for (const f of left) rmSync(join(dirname(out), f));
    const bytes = readFileSync(out);
    let outcome: 'old' | 'new';
    if (bytes.equals(current.bytes)) outcome = 'old';
    else {
      const store = await identify(bytes).catch((e: unknown) => `unreadable: ${(e as Error).message}`);
      if (store !== next) {
        fig.failures.push(`after ${killed ? (aimed ? 'a kill aimed at the write' : `a kill at ${Math.round(delay)} ms`) : 'a finished run'}, ${out} is neither the old workbook nor the new one (${typeof store === 'string' ? store : `figure of store ${store}`}, ${bytes.length} bytes)`);
        break;
      }
      outcome = 'new';
    }
    if (!killed) {
      fullMs = performance.now() - started;
      fig.completed++;
      if (outcome !== 'new') fig.failures.push('a finished export left the old file in place');
    } else {
      fig.kills++;
      if (aimed) fig.onTempFile++;
      fig.tempFilesLeft += left.length;
      fig[outcome === 'old' ? 'keptOld' : 'gotNew']++;
    }
    opts.progress?.(`export run ${attempt + 1}: ${killed ? (aimed ? 'killed as its temp file appeared' : `killed at ${Math.round(delay)} ms`) : 'finished'}, ${outcome} file${left.length ? `, ${left.length} temp file left` : ''}`);
    if (outcome === 'new') current = { bytes, store: next };
  }
  fig.ms = Math.round(performance.now() - t0);
  return fig;
}

/** Which store a workbook was exported from, after checking it is whole; throws when it is not. */
async function identify(bytes: Buffer): Promise<number> {
  const zip = new ZipReader(bytes);
  for (const name of zip.names()) zip.read(name); // inflates and checks each entry's CRC
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const found = new Set<number>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) => {
      const cells = row.values as unknown[];
      if (!cells.includes('地区生产总值')) return;
      STORES.forEach((s, i) => {
        if (cells.includes(Number(s.gdp))) found.add(i);
      });
    }),
  );
  if (found.size !== 1) throw new Error(`地区生产总值 found for ${found.size} stores`);
  return [...found][0]!;
}
