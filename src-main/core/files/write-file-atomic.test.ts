// Every failure here is a real one — another user, a file-size limit, a full tmpfs, a folder where
// the file should be — except EBUSY, ETXTBSY, EROFS and EDQUOT, which Linux gives only on special
// mounts or busy executables: their wording is checked through fileWriteError directly (last block).

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, formatMessage } from '../../shared/errors.ts';
import { fileWriteError } from './write-error.ts';
import { openAtomicStream, writeFileAtomic } from './write-file-atomic.ts';
import { probeBytes } from '../../../test/support/write-probe.ts';
import { mountTinyDisk, restrictedWriter, runNode, secondUser } from '../../../test/support/processes.ts';

const PROBE = 'test/support/write-probe.ts';
const MODES = ['bytes', 'stream'] as const;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-atomic-'));
  chmodSync(dir, 0o755); // another user's writer must reach the folders inside
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function caught(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the write to fail');
}

async function probe(mode: string, path: string, size: number, opts: Parameters<typeof runNode>[1] = {}) {
  const r = await runNode([PROBE, mode, path, String(size)], opts);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { ok: boolean; code?: string; params?: Record<string, string>; message?: string };
}

describe('writeFileAtomic and openAtomicStream', () => {
  it('replace a file whole and leave no temporary file behind', async () => {
    const path = join(dir, '简报.docx');
    writeFileSync(path, 'old');
    writeFileAtomic(path, Buffer.from('new contents'));
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(await probe('stream', path, 300_000)).toEqual({ ok: true });
    expect(readFileSync(path).equals(probeBytes(300_000))).toBe(true);
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('a destination that is a folder: FILE_IS_A_FOLDER, the folder and what it holds untouched', () => {
    const path = join(dir, '简报.docx');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'kept');
    const err = caught(() => writeFileAtomic(path, Buffer.from('new')));
    expect(err.code).toBe('FILE_IS_A_FOLDER');
    expect(err.message).toBe(`无法写入文件「${path}」：这是一个文件夹，不是文件，请换一个文件名`);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('a parent that is a file: FILE_NOT_A_FOLDER naming that file, which stays as it was', async () => {
    const notAFolder = join(dir, '报表');
    writeFileSync(notAFolder, 'a file, not a folder');
    for (const path of [join(notAFolder, 'x.xlsx'), join(notAFolder, 'sub', 'x.xlsx')]) {
      const err = caught(() => writeFileAtomic(path, Buffer.from('x')));
      expect(err.code).toBe('FILE_NOT_A_FOLDER');
      expect(err.params).toEqual({ path, folder: notAFolder });
      expect(err.message).toContain(`路径不是文件夹——「${notAFolder}」是一个文件`);
      expect(() => openAtomicStream(path)).toThrow(expect.objectContaining({ code: 'FILE_NOT_A_FOLDER' }) as Error);
    }
    expect(readFileSync(notAFolder, 'utf8')).toBe('a file, not a folder');
    expect(readdirSync(dir)).toEqual(['报表']);
  });

  it('a folder that does not exist: FILE_FOLDER_MISSING, nothing created', () => {
    const path = join(dir, 'missing-folder', 'x.docx');
    const err = caught(() => writeFileAtomic(path, Buffer.from('x')));
    expect(err.code).toBe('FILE_FOLDER_MISSING');
    expect(err.message).toContain('x.docx');
    expect(err.message).toContain('missing-folder」不存在');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file name too long for the file system: FILE_NAME_INVALID', () => {
    const path = join(dir, `${'园区'.repeat(60)}.xlsx`); // 364 bytes in UTF-8, over the usual 255
    expect(caught(() => writeFileAtomic(path, Buffer.from('x'))).code).toBe('FILE_NAME_INVALID');
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('a folder the writer may not write', () => {
    const writer = restrictedWriter();
    const why = 'skip' in writer ? writer.skip : '';
    it.skipIf(why)(`FILE_NO_PERMISSION, the file already there untouched, no temporary file (${why || ('how' in writer ? writer.how : '')})`, async () => {
      if ('skip' in writer) return;
      const folder = join(dir, '只读');
      mkdirSync(folder);
      const existing = join(folder, '指标表.xlsx');
      writeFileSync(existing, 'the old workbook');
      writer.lock(folder);
      try {
        for (const mode of MODES) {
          for (const path of [existing, join(folder, '新表.xlsx')]) {
            const r = await probe(mode, path, 100_000, { identity: writer.identity });
            expect(r).toMatchObject({ ok: false, code: 'FILE_NO_PERMISSION', params: { path } });
            expect(r.message).toBe(`无法写入文件「${path}」：目标文件夹只读或没有写入权限，请另选一个文件夹（如“文档”或桌面）保存`);
          }
        }
      } finally {
        writer.unlock(folder);
      }
      expect(readFileSync(existing, 'utf8')).toBe('the old workbook');
      expect(readdirSync(folder)).toEqual(['指标表.xlsx']);
    });
  });

  describe('a file the writer may not replace, in a folder it may write', () => {
    // A shared folder with the sticky bit (like /tmp): anyone may add files, only the owner may
    // replace one. The temporary file is written, and the rename is refused: the last step fails.
    const other = secondUser();
    const why = 'skip' in other ? other.skip : '';
    it.skipIf(why)(`FILE_IN_USE, the file untouched, the written temporary file removed ${why}`, async () => {
      if ('skip' in other) return;
      const folder = join(dir, '共享');
      mkdirSync(folder);
      chmodSync(folder, 0o1777);
      const path = join(folder, '简报.docx');
      writeFileSync(path, 'theirs');
      for (const mode of MODES) {
        const r = await probe(mode, path, 100_000, { identity: other });
        expect(r).toMatchObject({ ok: false, code: 'FILE_IN_USE', params: { path } });
        expect(r.message).toContain('文件被其他程序占用（如 Excel/WPS 正在打开）或设为只读');
      }
      expect(readFileSync(path, 'utf8')).toBe('theirs');
      expect(readdirSync(folder)).toEqual(['简报.docx']);
    });
  });

  it.skipIf(process.platform === 'win32')('a disk that fills mid-write (file-size limit): FILE_DISK_FULL, the old file untouched, no partial file', async () => {
    const path = join(dir, '年鉴.xlsx');
    writeFileSync(path, 'the old workbook');
    for (const mode of MODES) {
      // 2 MB against a limit of 256 KB: the first chunks are written, then the disk "fills".
      const r = await probe(mode, path, 2_000_000, { fileSizeLimitKb: 256 });
      expect(r).toMatchObject({ ok: false, code: 'FILE_DISK_FULL', params: { path } });
      expect(r.message).toContain('磁盘已满');
    }
    expect(readFileSync(path, 'utf8')).toBe('the old workbook');
    expect(readdirSync(dir)).toEqual(['年鉴.xlsx']);
  });

  describe('a disk that is really full (tmpfs)', () => {
    it('FILE_DISK_FULL (ENOSPC), the old file untouched, no partial file', async (t) => {
      const disk = join(dir, 'U盘');
      mkdirSync(disk);
      const mount = mountTinyDisk(disk, 64);
      if ('skip' in mount) return t.skip(mount.skip);
      try {
        const path = join(disk, '年鉴.xlsx');
        writeFileSync(path, 'the old workbook');
        expect(caught(() => writeFileAtomic(path, probeBytes(200_000))).code).toBe('FILE_DISK_FULL');
        const file = openAtomicStream(path);
        file.stream.end(probeBytes(200_000));
        await expect(file.commit()).rejects.toMatchObject({ code: 'FILE_DISK_FULL', params: { path } });
        expect(readFileSync(path, 'utf8')).toBe('the old workbook');
        expect(readdirSync(disk)).toEqual(['年鉴.xlsx']);
        // The space was given back: a file that fits is written.
        writeFileAtomic(path, probeBytes(20_000));
        expect(readFileSync(path).equals(probeBytes(20_000))).toBe(true);
      } finally {
        mount.unmount();
      }
    });
  });

  it('openAtomicStream: abort with writes still pending leaves nothing, and is safe twice', async () => {
    const path = join(dir, 'x.xlsx');
    writeFileSync(path, 'the old workbook');
    const file = openAtomicStream(path);
    for (let i = 0; i < 20; i++) file.stream.write(probeBytes(256 * 1024));
    await Promise.all([file.abort(), file.abort()]);
    await file.abort();
    expect(readdirSync(dir)).toEqual(['x.xlsx']);
    expect(readFileSync(path, 'utf8')).toBe('the old workbook');
  });

  it('a folder given to the writer is written (the lock, not the writer, refuses)', async () => {
    const writer = restrictedWriter();
    if ('skip' in writer) return;
    const folder = join(dir, '可写');
    mkdirSync(folder);
    writer.own(folder);
    const path = join(folder, 'x.xlsx');
    expect(await probe('stream', path, 10_000, { identity: writer.identity })).toEqual({ ok: true });
    expect(readFileSync(path).equals(probeBytes(10_000))).toBe(true);
  });
});

describe('fileWriteError: what each system error tells the user', () => {
  const path = '/报表/指标表.xlsx';
  const err = (code: string) => Object.assign(new Error(`${code}: something`), { code });
  const cases: [string, 'create' | 'write' | 'replace', string, string, string][] = [
    ['EACCES', 'create', 'FILE_NO_PERMISSION', '目标文件夹只读或没有写入权限', 'the folder is read-only'],
    ['EPERM', 'create', 'FILE_NO_PERMISSION', '目标文件夹只读或没有写入权限', 'the folder is read-only'],
    ['EROFS', 'create', 'FILE_NO_PERMISSION', '目标文件夹只读或没有写入权限', 'the folder is read-only'],
    // Windows: replacing a file open in Excel/WPS is refused with EPERM (access denied) or EBUSY (sharing violation).
    ['EPERM', 'replace', 'FILE_IN_USE', '文件被其他程序占用（如 Excel/WPS 正在打开）', 'in use by another program'],
    ['EACCES', 'replace', 'FILE_IN_USE', '文件被其他程序占用（如 Excel/WPS 正在打开）', 'in use by another program'],
    ['EBUSY', 'replace', 'FILE_IN_USE', '文件被其他程序占用（如 Excel/WPS 正在打开）', 'in use by another program'],
    ['EBUSY', 'create', 'FILE_IN_USE', '文件被其他程序占用', 'in use by another program'],
    ['ETXTBSY', 'create', 'FILE_IN_USE', '文件被其他程序占用', 'in use by another program'],
    ['ENOSPC', 'write', 'FILE_DISK_FULL', '磁盘已满', 'the disk is full'],
    ['EDQUOT', 'write', 'FILE_DISK_FULL', '磁盘已满（或超出磁盘配额', 'quota'],
    ['EFBIG', 'write', 'FILE_DISK_FULL', '文件大小上限', 'file-size limit'],
    ['EISDIR', 'replace', 'FILE_IS_A_FOLDER', '这是一个文件夹', 'it is a folder'],
    ['ENOENT', 'create', 'FILE_FOLDER_MISSING', '文件夹「/报表」不存在', 'the folder "/报表" does not exist'],
    ['ENAMETOOLONG', 'create', 'FILE_NAME_INVALID', '文件名或路径过长', 'too long'],
    ['EINVAL', 'create', 'FILE_NAME_INVALID', '不允许的字符', 'not allowed'],
  ];
  it.each(cases)('%s at the %s step: %s', (sys, stage, code, zh, en) => {
    const e = fileWriteError(path, err(sys), stage);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`无法写入文件「${path}」：`);
    expect(e.message).toContain(zh);
    const english = formatMessage(e.code, e.params, 'en');
    expect(english).toContain(`Cannot write "${path}": `);
    expect(english).toContain(en);
  });

  it('ENOTDIR names the part of the path that is a file, when there is one', () => {
    expect(fileWriteError(path, err('ENOTDIR'), 'create').params).toEqual({ path, folder: '/报表' });
  });

  it('anything else keeps the system error code, so it can still be looked up, and its English text for the English message only', () => {
    const e = fileWriteError(path, err('EIO'), 'write');
    expect(e.code).toBe('FILE_WRITE_FAILED');
    expect(e.message).toBe(`无法写入文件「${path}」（系统错误代码 EIO）：请另选一个保存位置后重试；仍不行请把此信息告知技术支持`);
    expect(formatMessage(e.code, e.params, 'en')).toContain('(EIO: EIO: something)');
    expect(fileWriteError(path, new Error('odd'), 'write').message).toContain('（系统错误代码 —）');
  });
});
