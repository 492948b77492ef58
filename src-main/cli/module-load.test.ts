// What a command loads decides how long it takes to start: every module is read, and every .ts
// file stripped, on every run. `parks` and `show` read the store and print, so the Word and Excel
// writers (docx, exceljs, jszip) and the image reader (image-size) must stay unloaded. The child
// process records every module Node loads (ESM and CommonJS alike) through a load hook.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../cli.ts');
const HEAVY = ['exceljs', 'docx', 'jszip', 'image-size', 'pinyin-pro'];

// registerHooks runs in the loading thread and sees require() too, so CommonJS packages count.
const HOOK = `data:text/javascript,${encodeURIComponent(
  [
    "import { registerHooks } from 'node:module';",
    "import { writeFileSync } from 'node:fs';",
    'const loaded = [];',
    'registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });',
    "process.on('exit', () => writeFileSync(process.env.LOADED_LOG, loaded.join('\\n')));",
  ].join('\n'),
)}`;

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-modules-'));
  db = join(dir, 'store.sqlite');
  // The demo store is created by a first run, so the runs below open an existing store, as a user's do.
  expect(spawnSync(process.execPath, [CLI, 'parks', '--db', db], { encoding: 'utf8' }).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages (by node_modules folder) and our own files a CLI run loaded. */
function loadedBy(args: string[]): { packages: Set<string>; ownFiles: number } {
  const log = join(dir, 'loaded.txt');
  const r = spawnSync(process.execPath, ['--import', HOOK, CLI, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, LOADED_LOG: log } });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n');
  const packages = new Set(urls.flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
  return { packages, ownFiles: urls.filter((u) => u.includes('/src-main/')).length };
}

describe('modules a read-only command loads', () => {
  it.each([
    ['parks', ['parks']],
    ['show', ['show', '--park', '楚雄高新区', '--period', '2022']],
  ])('%s loads the store and the contract, not the file writers', (_name, args) => {
    const { packages, ownFiles } = loadedBy(args);
    // The hook saw the run: the native SQLite binding (required from CommonJS) and zod (ESM).
    expect(packages).toContain('better-sqlite3');
    expect(packages).toContain('zod');
    expect(ownFiles).toBeGreaterThan(10);
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });
});

describe('modules the yearbook export loads', () => {
  it('loads the Word writer, not the Excel one (exceljs came in through the park list for charts) nor jszip (the yearbook writes its own zip)', () => {
    const log = join(dir, 'loaded-yearbook.txt');
    const yearbook = resolve(import.meta.dirname, '../core/documents/yearbook.ts');
    const r = spawnSync(process.execPath, ['--import', HOOK, '--input-type=module', '-e', `await import(${JSON.stringify(yearbook)});`], {
      encoding: 'utf8',
      env: { ...process.env, LOADED_LOG: log },
    });
    expect(r.status, r.stderr).toBe(0);
    const packages = new Set(readFileSync(log, 'utf8').split('\n').flatMap((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1] ?? []));
    expect(packages).toContain('docx');
    expect(['exceljs', 'jszip'].filter((p) => packages.has(p))).toEqual([]);
  });
});
