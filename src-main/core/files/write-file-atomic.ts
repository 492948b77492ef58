import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { AppError } from '../../shared/errors.ts';
import { fsyncFolder } from './fsync.ts';
import { fileWriteError } from './write-error.ts';

/**
 * Exports reach disk as a reader (or a crash) sees either the old file or the whole new one, never
 * half: bytes go to a temporary file beside the target, are flushed, and the temporary file is
 * renamed over the target (atomic within one folder on every platform we ship). A failure at any
 * step removes the temporary file and leaves whatever was at the target as it was; it is reported
 * as an AppError saying why in the user's words (write-error.ts).
 */

/** Beside the target (a rename across disks is a copy, not atomic), hidden, and never a name in use. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Left by an export killed before its rename (nothing else can remove them): older than this, nobody is writing them. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files earlier writes of this same target left behind when their process was
 * killed (the crash test finds them beside the workbook), so a user's folder does not fill with
 * hidden `.表.xlsx.…tmp` files. Best effort: a folder we cannot list is no reason to refuse the export.
 */
export function sweepStaleTemps(path: string, now = Date.now()): string[] {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    try {
      const full = join(dir, name);
      if (now - statSync(full).mtimeMs < STALE_TEMP_MS) continue;
      rmSync(full, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  return removed;
}

/** A new temporary file beside the target, its name never in use ('wx'); old ones swept first. */
function createTemp(path: string): { tmp: string; fd: number } {
  sweepStaleTemps(path);
  const tmp = tempPathFor(path);
  try {
    return { tmp, fd: openSync(tmp, 'wx') };
  } catch (e) {
    throw fileWriteError(path, e, 'create');
  }
}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const { tmp, fd } = createTemp(path);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    discard(fd, tmp);
    throw fileWriteError(path, e, 'write');
  }
  close(fd, tmp, path);
  replace(tmp, path);
}

export interface AtomicStream {
  /** Where the bytes go (the temporary file). */
  readonly stream: Writable;
  /**
   * `p`, or the file's failure as soon as it happens: a writer that waits on its own progress (a
   * zip waiting to drain into a stream that died) would otherwise wait for good.
   */
  guard<T>(p: Promise<T>): Promise<T>;
  /** Once everything is written: ends the stream, waits until it is flushed and closed, renames into place. */
  commit(): Promise<void>;
  /** Gives up: the temporary file is removed once the stream has let go of it; the target is left as it was. */
  abort(): Promise<void>;
}

/** writeFileAtomic for a writer that streams (a workbook too big to hold in memory). */
export function openAtomicStream(path: string): AtomicStream {
  const { tmp, fd } = createTemp(path);
  // The stream owns the descriptor: it flushes it to disk before closing it (flush), and closes it
  // only once no write is pending — closed under a pending write, its number could be reused by
  // another open and the write land there.
  const stream = createWriteStream(tmp, { fd, flush: true });
  let failure: AppError | null = null;
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (e) => {
      failure ??= fileWriteError(path, e, 'write');
      reject(failure);
    });
  });
  failed.catch(() => {}); // observed through guard(); an export that never awaits again must not crash the process
  const closed = new Promise<void>((resolve) => stream.once('close', resolve));
  const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failed]);
  let settled = false;
  const abort = async () => {
    if (settled) return;
    settled = true;
    stream.destroy();
    await closed;
    remove(tmp);
  };
  return {
    stream,
    guard,
    abort,
    async commit() {
      try {
        if (failure) throw failure;
        if (!stream.writableEnded) stream.end();
        await guard(closed);
        if (failure) throw failure;
      } catch (e) {
        await abort();
        throw failure ?? fileWriteError(path, e, 'write');
      }
      settled = true;
      replace(tmp, path);
    },
  };
}

/** Some file systems (network shares) report a failed write only when the file is closed. */
function close(fd: number, tmp: string, path: string): void {
  try {
    closeSync(fd);
  } catch (e) {
    remove(tmp);
    throw fileWriteError(path, e, 'write');
  }
}

function replace(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (e) {
    remove(tmp);
    throw fileWriteError(path, e, 'replace');
  }
  fsyncFolder(dirname(path));
}

function discard(fd: number, tmp: string): void {
  try {
    closeSync(fd);
  } catch {
    // already closed: the file still goes
  }
  remove(tmp);
}

/** The temporary file goes; failing that, the error that got us here is the one worth reporting. */
function remove(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // left behind, hidden (a dot name); nothing more can be done from here
  }
}

