import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file behind', () => {
    const path = join(dir, '简报.docx');
    writeFileSync(path, 'old');
    writeFileAtomic(path, Buffer.from('new contents'));
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('leaves what was at the target when the final rename fails, and cleans up its temporary file', () => {
    // A folder where the file should go makes the rename fail after the bytes are written.
    const path = join(dir, '简报.docx');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'kept');
    expect(() => writeFileAtomic(path, Buffer.from('new'))).toThrow(AppError);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['简报.docx']);
  });

  it('fails with the path named when the folder does not exist', () => {
    const path = join(dir, 'missing-folder', 'x.docx');
    let err: unknown;
    try {
      writeFileAtomic(path, Buffer.from('x'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_WRITE_FAILED');
    expect((err as AppError).message).toContain('x.docx');
    expect(readdirSync(dir)).toEqual([]);
  });
});
