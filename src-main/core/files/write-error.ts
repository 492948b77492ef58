// Why a file could not be written or read, in the user's words: the one place a system error code
// (ENOENT, EACCES, EBUSY, ENOSPC, EMFILE …) is worded. The code means nothing to a 管委会 clerk; what
// they can act on is "the folder is read-only", "close the file in Excel/WPS", "the disk is full",
// "check the name", each naming the file, so every export and every file a command reads reports those.

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
    case 'EMFILE':
    case 'ENFILE':
      return new AppError('FILE_TOO_MANY_OPEN', { path });
    default:
      return new AppError('FILE_WRITE_FAILED', { path, errno: code ?? '—', detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Why a file the user named could not be read (a command's FILE argument). */
export function fileReadError(path: string, e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('FILE_NOT_FOUND', { path });
    case 'EACCES':
    case 'EPERM':
      return new AppError('FILE_READ_DENIED', { path });
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError('FILE_READ_BUSY', { path });
    case 'EISDIR':
      return new AppError('IMPORT_NOT_A_FILE', { path, kind: '文件夹', kindEn: 'a folder' });
    case 'EMFILE':
    case 'ENFILE':
      return new AppError('FILE_TOO_MANY_OPEN', { path });
    case 'ENAMETOOLONG':
    case 'EINVAL':
      // No file has such a name: the user is told to check it, as for a missing file.
      return new AppError('FILE_NOT_FOUND', { path });
    case 'EIO':
      return new AppError('FILE_READ_IO', { path });
    default:
      return new AppError('IMPORT_FILE_UNREADABLE', { path, errno: code ?? '—', detail: e instanceof Error ? e.message : String(e) });
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
