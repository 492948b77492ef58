// A file named on the command line is opened before anything is read from it, and read only when it
// is a regular file. A FIFO would block the read until some writer came (the CLI hung), /dev/zero
// would fill memory without end, a folder fails with a bare EISDIR. Opening without blocking and
// asking the open descriptor — not the path, which could be swapped in between — settles what it is.

import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { fileReadError } from '../core/files/write-error.ts';
import { AppError } from '../shared/errors.ts';

/** What a non-regular file is, in the words of the message. */
function kindOf(st: Stats): { zh: string; en: string } {
  if (st.isDirectory()) return { zh: '文件夹', en: 'a folder' };
  if (st.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '设备文件', en: 'a device' };
  if (st.isSocket()) return { zh: '套接字', en: 'a socket' };
  return { zh: '特殊文件', en: 'a special file' };
}

/**
 * The bytes of a regular file no larger than `maxBytes`; `tooLarge` builds the refusal for a bigger
 * one, so nothing over the limit is read into memory. Every refusal is an AppError in the user's
 * words (a missing file, no permission … worded by fileReadError), never a bare errno.
 */
export function readRegularFile(path: string, maxBytes: number, tooLarge: (size: number) => Error): Buffer {
  try {
    return readOpened(path, maxBytes, tooLarge);
  } catch (e) {
    if (e instanceof AppError || !(typeof (e as NodeJS.ErrnoException | null)?.code === 'string')) throw e;
    throw fileReadError(path, e);
  }
}

function readOpened(path: string, maxBytes: number, tooLarge: (size: number) => Error): Buffer {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. Windows has no such flag.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = kindOf(st);
      throw new AppError('IMPORT_NOT_A_FILE', { path, kind: kind.zh, kindEn: kind.en });
    }
    if (st.size > maxBytes) throw tooLarge(st.size);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
