// `npm run audit:electron`: runs @doyensec/electronegativity over the Electron app's sources and
// fails on any finding that scripts/electronegativity.explained.json does not explain, and on any
// explanation that no longer matches a finding (a stale reason would silently cover the next one).
//
// It scans the TypeScript sources, not the electron-vite bundle in out/: the tool parses our
// TypeScript (Babel's typescript plugin), both give the same findings, and only the sources give a
// file:line a reviewer can open. It also needs no build, so it runs before the unit tests.
//
//   node scripts/electronegativity.ts [--root DIR] [--explained FILE]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What ships in the app: the main process, the preload and the renderer, plus package.json (the Electron version). */
const SCANNED_DIRS = ['src-main', 'src-renderer'];
const SCANNED_EXT = /\.(?:[cm]?js|jsx|tsx?|html?)$/;
const TEST_FILE = /\.test\.tsx?$/;

/**
 * Fetches Electron's release list from GitHub, which CI cannot reach (only the npm registry). The
 * Electron version is pinned in package.json and updated through npm like any dependency.
 */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

const MIN_REASON = 40;

export interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  sample: string;
  severity: string;
  confidence: string;
  description: string;
}

export interface Explanation {
  check: string;
  file: string;
  /** A piece of the flagged line (the tool's "sample"), so the reason follows the code, not a line number. */
  snippet: string;
  reason: string;
  /** Tests that prove the reason holds; each must exist. */
  tests?: string[];
}

export interface Verdict {
  unexplained: Finding[];
  stale: Explanation[];
  explained: number;
}

/** Each finding needs an explanation with its check, its file and a snippet of its line; each explanation needs a finding. */
export function judge(findings: Finding[], explanations: Explanation[]): Verdict {
  const used = new Set<Explanation>();
  const unexplained: Finding[] = [];
  for (const f of findings) {
    const hits = explanations.filter((x) => x.check === f.check && x.file === f.file && f.sample.includes(x.snippet));
    if (hits.length === 0) unexplained.push(f);
    for (const x of hits) used.add(x);
  }
  return {
    unexplained,
    stale: explanations.filter((x) => !used.has(x)),
    explained: findings.length - unexplained.length,
  };
}

/** Reads and checks the explanation file; every problem is named, none is skipped. */
export function readExplanations(file: string, root: string): { explanations: Explanation[]; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { explanations: [], problems: [`${file}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const list = (data as { findings?: unknown })?.findings;
  if (!Array.isArray(list)) return { explanations: [], problems: [`${file}: expected {"findings": [...]}`] };
  const explanations: Explanation[] = [];
  list.forEach((raw: Record<string, unknown>, i) => {
    const where = `${file}: findings[${i}]`;
    const before = problems.length;
    const known = new Set(['check', 'file', 'snippet', 'reason', 'tests']);
    const extra = Object.keys(raw ?? {}).filter((k) => !known.has(k));
    if (extra.length) problems.push(`${where}: unknown key(s) ${extra.join(', ')}`);
    for (const k of ['check', 'file', 'snippet'] as const) {
      if (typeof raw?.[k] !== 'string' || !(raw[k] as string).trim()) problems.push(`${where}: "${k}" must be a non-empty string`);
    }
    if (typeof raw?.reason !== 'string' || raw.reason.trim().length < MIN_REASON) {
      problems.push(`${where}: "reason" must say why in at least ${MIN_REASON} characters`);
    }
    const tests = raw?.tests;
    if (tests !== undefined) {
      if (!Array.isArray(tests) || tests.some((t) => typeof t !== 'string')) problems.push(`${where}: "tests" must be a list of paths`);
      else for (const t of tests as string[]) if (!existsSync(join(root, t))) problems.push(`${where}: test ${t} does not exist`);
    }
    if (problems.length === before) explanations.push(raw as unknown as Explanation);
  });
  return { explanations, problems };
}

/** The files the tool sees, copied into a scratch folder that mirrors the repo so its paths are the repo's. */
function stage(root: string, into: string): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const take = (rel: string) => {
    const text = readFileSync(join(root, rel), 'utf8');
    // The tool drops findings on lines marked eng-disable before anyone sees them; reasons belong
    // in the explanation file, where they are reviewed and go stale.
    text.split('\n').forEach((l, i) => {
      if (/eng-disable/i.test(l)) problems.push(`${rel}:${i + 1}: inline "eng-disable" is not allowed; explain the finding in the explanation file`);
    });
    mkdirSync(dirname(join(into, rel)), { recursive: true });
    cpSync(join(root, rel), join(into, rel));
    files.push(rel);
  };
  if (existsSync(join(root, 'package.json'))) take('package.json');
  for (const dir of SCANNED_DIRS) {
    if (!existsSync(join(root, dir))) continue;
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SCANNED_EXT.test(entry.name) || TEST_FILE.test(entry.name)) continue;
      const rel = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (rel.split('/').includes('node_modules')) continue;
      take(rel);
    }
  }
  return { files, problems };
}

interface ToolIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description?: string;
  severity?: { name?: string };
  confidence?: { name?: string };
}

interface ToolResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string }[];
  issues: ToolIssue[];
}

const requireTool = createRequire(import.meta.url);

function loadTool(): { run: (options: object) => Promise<ToolResult>; version: string } {
  const pkg = requireTool.resolve('@doyensec/electronegativity/package.json');
  const inTool = createRequire(pkg);
  // The tool asks the internet for fresh translations on every run (and for Electron's release
  // list, excluded above). Answering "not there" keeps its bundled English texts and makes the
  // run offline and deterministic.
  const gotPath = inTool.resolve('got');
  inTool.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: async () => ({ statusCode: 404, body: '' }),
  } as unknown as NodeJS.Module;
  return { run: inTool('./dist/runner.js'), version: (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version };
}

export async function scan(root: string): Promise<{ findings: Finding[]; files: string[]; checks: number; version: string; problems: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'parkbrief-electronegativity-'));
  try {
    const staged = stage(root, scratch);
    const problems = [...staged.problems];
    if (!staged.files.some((f) => f !== 'package.json')) problems.push(`no source files under ${SCANNED_DIRS.join(', ')} in ${root}`);
    const tool = loadTool();
    const result = await tool.run({ input: scratch, isRelative: true, excludeFromScan: OFFLINE_EXCLUDED });
    // A file the tool could not parse is a file nobody checked.
    for (const e of result.errors) problems.push(`${relative(scratch, e.file).split(sep).join('/')}: could not be parsed: ${e.message}`);
    const findings = result.issues.map((i) => ({
      check: i.id,
      file: i.file.split(sep).join('/'),
      line: i.location?.line ?? 0,
      column: i.location?.column ?? 0,
      sample: (i.sample ?? '').trim(),
      severity: i.severity?.name ?? '?',
      confidence: i.confidence?.name ?? '?',
      description: i.description ?? '',
    }));
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.check.localeCompare(b.check));
    return { findings, files: staged.files, checks: result.globalChecks + result.atomicChecks, version: tool.version, problems };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = resolve(opt('--root') ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const explainedFile = resolve(opt('--explained') ?? join(root, 'scripts/electronegativity.explained.json'));

  const { findings, files, checks, version, problems } = await scan(root);
  const { explanations, problems: fileProblems } = readExplanations(explainedFile, root);
  problems.push(...fileProblems);
  const verdict = judge(findings, explanations);

  // One stream, so the report reads in order in a CI log.
  for (const p of problems) console.log(`electronegativity: ${p}`);
  for (const f of verdict.unexplained) {
    // Global checks (a handler missing from the whole app) have no file: the tool says N/A.
    const where = f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}:${f.column + 1}`;
    console.log(`${where}  ${f.check}  [${f.severity}/${f.confidence}]  ${f.description}`);
    if (f.sample) console.log(`    ${f.sample.length > 200 ? f.sample.slice(0, 200) + '…' : f.sample}`);
  }
  for (const x of verdict.stale) {
    console.log(`stale explanation: ${x.check} in ${x.file} ("${x.snippet}") matches no finding any more; remove it`);
  }
  console.log(
    `electronegativity ${version}: ${checks} checks on ${files.length} files, ${findings.length} findings, ` +
      `${verdict.explained} explained, ${verdict.unexplained.length} unexplained, ${verdict.stale.length} stale explanations`,
  );
  const failed = problems.length > 0 || verdict.unexplained.length > 0 || verdict.stale.length > 0;
  if (verdict.unexplained.length > 0) {
    console.log(`Fix each unexplained finding, or, if it is a false positive, say why in ${relative(root, explainedFile)}.`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
