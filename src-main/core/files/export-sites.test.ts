// Each place that writes an export goes through the atomic writer and reports a refused destination
// in the user's words: the streamed province workbook on a disk that fills mid-write, and the app's
// save dialog (Electron host) through dispatch, as the renderer receives it. The CLI's exports run
// as real processes in cli/export-failures.test.ts.

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronHost } from '../../host/electron-host.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { writeProvinceWorkbook } from '../tables/province-workbook.ts';
import { CX, xlsxStore } from '../../../test/support/xlsx-fixture.ts';
import type { TempStore } from '../../../test/support/temp-store.ts';
import { mountTinyDisk } from '../../../test/support/processes.ts';

let s: TempStore;
let dir: string;
beforeAll(() => {
  s = xlsxStore();
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-export-sites-'));
});
afterAll(() => {
  s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const periodIds = () => ['2020', '2021', '2022'].map((k) => s.ids(CX, k).periodId);

describe('the province workbook (streamed)', () => {
  it('on a disk that fills mid-write: FILE_DISK_FULL, the old workbook kept, no partial file', async (t) => {
    const whole = join(dir, 'whole.xlsx');
    await writeProvinceWorkbook(s.ctx, { layout: 'table', kind: 'actual', periodIds: periodIds() }, whole);
    const size = statSync(whole).size;
    const disk = join(dir, 'U盘');
    mkdirSync(disk);
    // Room for the old file and about a third of the new one: it fails after sheets have streamed.
    const mount = mountTinyDisk(disk, Math.max(8, Math.floor(size / 3 / 1024)));
    if ('skip' in mount) return t.skip(mount.skip);
    try {
      const out = join(disk, '省级汇总.xlsx');
      writeFileSync(out, 'the old workbook');
      await expect(writeProvinceWorkbook(s.ctx, { layout: 'table', kind: 'actual', periodIds: periodIds() }, out)).rejects.toMatchObject({
        code: 'FILE_DISK_FULL',
        params: { path: out },
      });
      expect(readFileSync(out, 'utf8')).toBe('the old workbook');
      expect(readdirSync(disk)).toEqual(['省级汇总.xlsx']);
    } finally {
      mount.unmount();
    }
  });

  it('into a folder that is a file: FILE_NOT_A_FOLDER, nothing written', async () => {
    const file = join(dir, '报表');
    writeFileSync(file, 'x');
    const out = join(file, '省级汇总.xlsx');
    await expect(writeProvinceWorkbook(s.ctx, { layout: 'compare', kind: 'actual', periodIds: periodIds() }, out)).rejects.toMatchObject({
      code: 'FILE_NOT_A_FOLDER',
      params: { path: out, folder: file },
    });
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('the app saving an export (Electron host, through dispatch)', () => {
  function withSaveDialog(filePath: string) {
    const host = electronHost({
      dialog: { showSaveDialog: async () => ({ canceled: false, filePath }) },
      shell: { openPath: async () => '' },
      window: () => null,
      documentsDir: () => dir,
    } as never);
    return { ...s.ctx, host };
  }
  const input = () => ({ template: 'table', ...s.ids(CX, '2022'), kind: 'actual' });

  it('a name that is a folder: the envelope carries FILE_IS_A_FOLDER with the path, the folder untouched', async () => {
    const path = join(dir, '指标表.xlsx');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'kept');
    const r = await dispatch(withSaveDialog(path), 'tables.export', input());
    expect(r).toMatchObject({ ok: false, error: { code: 'FILE_IS_A_FOLDER', params: { path } } });
    expect(readdirSync(path)).toEqual(['keep.txt']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('a read-only folder: FILE_NO_PERMISSION (not root: chmod refuses this process)', async () => {
    const folder = join(dir, '只读');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    try {
      const path = join(folder, '指标表.xlsx');
      const r = await dispatch(withSaveDialog(path), 'tables.export', input());
      expect(r).toMatchObject({ ok: false, error: { code: 'FILE_NO_PERMISSION', params: { path } } });
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('a folder that can be written: saved whole', async () => {
    const path = join(dir, '楚雄.xlsx');
    const r = await dispatch(withSaveDialog(path), 'tables.export', input());
    expect(r).toMatchObject({ ok: true, value: { status: 'saved', path } });
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });
});
