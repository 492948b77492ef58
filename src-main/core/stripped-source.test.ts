import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strippedSource } from './stripped-source.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-stripped-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = 'export const twice = (n: number): number => n * 2;\ninterface Unused { a: string }\nexport type T = Unused;\n';

describe('the stripped-source cache', () => {
  it('gives Node’s own stripped text, kept under the hash of the source', () => {
    const js = strippedSource(SOURCE, dir);
    expect(js).toBe(stripTypeScriptTypes(SOURCE));
    // Types blanked, not removed: every line where it was, so stack traces point at the source's lines.
    expect(js.split('\n').length).toBe(SOURCE.split('\n').length);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('reads a source stripped before from the cache, and strips a changed one anew', () => {
    strippedSource(SOURCE, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'export const cached = true;\n');
    expect(strippedSource(SOURCE, dir)).toBe('export const cached = true;\n');
    const changed = SOURCE.replace('n * 2', 'n * 3');
    expect(strippedSource(changed, dir)).toBe(stripTypeScriptTypes(changed));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it.skipIf(process.platform === 'win32')('never reads a cache folder another user can write to', () => {
    // As a shared temp folder where someone else made the cache's folder first and left it open.
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    writeFileSync(join(open, `${createHash('sha256').update(SOURCE).digest('hex')}.js`), 'export const planted = true;\n');
    expect(strippedSource(SOURCE, open)).toBe(stripTypeScriptTypes(SOURCE));
  });

  it('strips without a cache it cannot write', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    expect(strippedSource(SOURCE, join(blocked, 'cache'))).toBe(stripTypeScriptTypes(SOURCE));
  });

  it('runs the project’s TypeScript without loading Node’s TypeScript compiler once its sources are cached', () => {
    const module = join(fileURLToPath(new URL('.', import.meta.url)), 'stripped-source.mjs');
    const script = join(dir, 'run.mjs');
    // A module of the project that imports others; the list says whether the compiler was loaded.
    writeFileSync(
      script,
      `(await import(${JSON.stringify(module)})).useStrippedSources(${JSON.stringify(join(dir, 'cache'))});\n` +
        `const { parsePeriodKey } = await import(${JSON.stringify(fileURLToPath(new URL('../shared/period-key.ts', import.meta.url)))});\n` +
        `console.log(JSON.stringify({ key: parsePeriodKey('2022') !== null, compiler: process.moduleLoadList.some((m) => m.includes('amaro')) }));\n`,
    );
    const run = () => {
      const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, PARKBRIEF_STRIPPED_CACHE: '' } });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { key: boolean; compiler: boolean };
    };
    expect(run()).toEqual({ key: true, compiler: true });
    expect(existsSync(join(dir, 'cache'))).toBe(true);
    expect(run()).toEqual({ key: true, compiler: false });
  });
});
