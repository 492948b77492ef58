// The crash test of src-main/http/crash-safety.test.ts with as many kills as you like, printing its
// figures (docs/RELIABILITY.md quotes them):
//
//   node scripts/crash-test.ts --kills 200 --seed 7 [--export-kills 20] [--fault write-behind] [--keep]
//
// --fault write-behind runs the host with an injected fault (edits acknowledged before they are
// committed): the run must then fail, which shows the checks can. Exit code 1 on any failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCrashScenario, type CrashFigures } from '../test/support/crash-run.ts';
import { runExportKills, type ExportKillFigures } from '../test/support/export-kill.ts';

const FAULTS: Record<string, string> = { 'write-behind': resolve(import.meta.dirname, '../test/support/write-behind-fault.ts') };

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    'export-kills': { type: 'string' },
    fault: { type: 'string' },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const whole = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} 应为不小于 ${min} 的整数（--${name} must be a whole number ≥ ${min}）`);
    process.exit(2);
  }
  return n;
};
const kills = whole('kills', args.kills, 1);
const seed = whole('seed', args.seed, 0);
const exportKills = whole('export-kills', args['export-kills'] ?? String(Math.max(5, Math.round(kills / 10))), 0);
if (args.fault !== undefined && !FAULTS[args.fault]) {
  console.error(`未知故障「${args.fault}」（unknown fault）；可用：${Object.keys(FAULTS).join(', ')}`);
  process.exit(2);
}
const host = args.fault ? { nodeArgs: ['--import', pathToFileURL(FAULTS[args.fault]!).href] } : undefined;

const dir = mkdtempSync(join(tmpdir(), 'parkbrief-crash-test-'));
const progress = args.quiet ? undefined : (line: string) => console.log(`  ${line}`);
console.log(`crash test: seed ${seed}, ${kills} host kills, ${exportKills} export kills${args.fault ? `, fault ${args.fault}` : ''}`);
console.log(`machine: ${availableParallelism()} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}; store in ${dir}`);

let failed = false;
try {
  const host1 = await runCrashScenario({ dbPath: join(dir, 'store.sqlite'), kills, seed, host, progress });
  printHost(host1);
  failed ||= host1.failures.length > 0;
  if (exportKills > 0) {
    const exp = await runExportKills({ dir, kills: exportKills, seed, host, progress });
    printExport(exp);
    failed ||= exp.failures.length > 0;
  }
} finally {
  if (args.keep) console.log(`kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'FAILED' : 'PASSED');
process.exitCode = failed ? 1 : 0;

function printHost(f: CrashFigures): void {
  const a = f.acknowledged;
  console.log(`\nbrowser-mode host (serve), SIGKILL ${f.kills} times (${f.bootKills} while starting) in ${(f.ms / 1000).toFixed(1)} s`);
  console.log(`  requests sent                  ${f.requests}`);
  console.log(`  acknowledged writes            ${a.edits + a.pastes + a.documents + a.imports} (cells ${a.edits}, pasted blocks ${a.pastes}, document saves ${a.documents}, CSV imports ${a.imports}); refused pastes ${a.refused}`);
  console.log(`  acknowledged cell writes       ${f.cellWritesAcknowledged}, of which found after the next kill ${f.editsChecked} (the rest overwritten before it)`);
  console.log(`  writes cut off by the kill     ${f.inFlight.landed + f.inFlight.notLanded}: committed whole ${f.inFlight.landed}, not at all ${f.inFlight.notLanded}`);
  console.log(`  integrity_check ok             ${f.integrityOk} of ${f.kills}`);
  console.log(`  change-log entities compared   ${f.logEntitiesChecked}`);
  console.log(`  undo + redo after restart      ${f.undoChecks}`);
  for (const x of f.failures) console.log(`  FAILURE ${x}`);
}

function printExport(f: ExportKillFigures): void {
  console.log(`\nCLI export --format xlsx overwriting a workbook, SIGKILL ${f.kills} times (${f.onTempFile} as its temporary file appeared) in ${(f.ms / 1000).toFixed(1)} s`);
  console.log(`  after a kill: old workbook intact ${f.keptOld}, new workbook complete ${f.gotNew}; runs that finished first ${f.completed}`);
  console.log(`  temporary files left beside it  ${f.tempFilesLeft} (the kill landed while the new file was being written)`);
  for (const x of f.failures) console.log(`  FAILURE ${x}`);
}
