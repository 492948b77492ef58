// Flushing to disk: what makes a written file, and then its rename, survive a power cut and not
// only a crash. One place for the exports, the backups, restores and salvages.

import { closeSync, fsyncSync, openSync } from 'node:fs';

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The rename itself lives in the folder: flushing the folder makes it durable. Best effort —
 * Windows cannot open a folder for this, some file systems refuse it, and the rename is atomic anyway.
 */
export function fsyncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here; the rename stands
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
