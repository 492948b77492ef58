// Why a file could not be written, in the user's words. The system's error code (EACCES, EBUSY …)
// means nothing to a 管委会 clerk; what they can act on is "the folder is read-only", "close the file
// in Excel/WPS", "the disk is full", each naming the file, so every export reports those.

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/**
 * Where the write stood when it failed. It matters for EACCES/EPERM: refused while creating the
 * temporary file, the folder cannot be written; refused only when replacing the file, the folder can
 * be — it is the file itself that is held (Windows reports a file open in Excel/WPS that way) or
 * protected.
 */
export type WriteStage = 'create' | 'write' | 'replace';

export function fileWriteError(path: string, e: unknown, stage: WriteStage): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new AppError(stage === 'replace' ? 'FILE_IN_USE' : 'FILE_NO_PERMISSION', { path });
    case 'EROFS':
      return new AppError('FILE_NO_PERMISSION', { path });
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError('FILE_IN_USE', { path });
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new AppError('FILE_DISK_FULL', { path });
    case 'ENOTDIR':
      return new AppError('FILE_NOT_A_FOLDER', { path, folder: fileInPath(path) ?? dirname(path) });
    case 'EISDIR':
      return new AppError('FILE_IS_A_FOLDER', { path });
    case 'ENOENT':
      return new AppError('FILE_FOLDER_MISSING', { path, folder: dirname(path) });
    case 'ENAMETOOLONG':
    case 'EINVAL':
      return new AppError('FILE_NAME_INVALID', { path });
    default: {
      const message = e instanceof Error ? e.message : String(e);
      return new AppError('FILE_WRITE_FAILED', { path, detail: code && !message.includes(code) ? `${code} ${message}` : message });
    }
  }
}

/** The nearest ancestor of `path` that exists and is a file: the part of the path that is not a folder. */
function fileInPath(path: string): string | null {
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    let st;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch {
      return null; // a folder we may not look into: nothing better to name than the parent
    }
    if (st) return st.isDirectory() ? null : p;
  }
  return null;
}
