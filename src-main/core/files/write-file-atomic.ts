import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/**
 * Writes a file so that a reader (or a crash) sees either the old file or the whole new one, never
 * half: bytes go to a temporary file beside the target, are flushed to disk, and the temporary
 * file is renamed over the target (atomic within one folder on every platform we ship).
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx');
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new AppError('FILE_WRITE_FAILED', { path, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}
