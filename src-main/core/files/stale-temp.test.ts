import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { STALE_TEMP_MS, writeFileAtomic } from './write-file-atomic.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-stale-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('removes the temp files of killed earlier exports of the same file, and nothing else', () => {
  const target = join(dir, '指标表.xlsx');
  const old = Date.now() / 1000 - STALE_TEMP_MS / 1000 - 60;
  const stale = join(dir, '.指标表.xlsx.0123456789ab.tmp');
  const fresh = join(dir, '.指标表.xlsx.ba9876543210.tmp'); // maybe another export writing right now
  const other = join(dir, '.对比表.xlsx.0123456789ab.tmp'); // another file's
  const user = join(dir, '.指标表.xlsx.notes.tmp'); // not a name we make
  for (const f of [stale, fresh, other, user]) writeFileSync(f, 'x');
  for (const f of [stale, other, user]) utimesSync(f, old, old);

  writeFileAtomic(target, Buffer.from('workbook'));

  expect(existsSync(stale)).toBe(false);
  expect(readdirSync(dir).sort()).toEqual(['.对比表.xlsx.0123456789ab.tmp', '.指标表.xlsx.ba9876543210.tmp', '.指标表.xlsx.notes.tmp', '指标表.xlsx'].sort());
});
