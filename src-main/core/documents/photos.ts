import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { imageSize as ImageSize } from 'image-size';
import type { PhotoInfo } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';

const MAX_BYTES = 5 * 1024 * 1024;
// A small file can declare a huge image (a decompression bomb for the preview and for Word).
const MAX_SIDE = 20_000;
const MAX_PIXELS = 50_000_000;

// Loaded on the first photo, not with this module: every host opens the store through code that can
// add the demo photos to a new store, and a command on an existing store must not pay for the reader.
let sizeReader: typeof ImageSize | null = null;
function imageSize(bytes: Buffer): ReturnType<typeof ImageSize> {
  sizeReader ??= (createRequire(import.meta.url)('image-size') as { imageSize: typeof ImageSize }).imageSize;
  return sizeReader(bytes);
}

/** The image's type from its first bytes, not from a name or a claim by the caller. */
function sniffMime(bytes: Buffer): PhotoInfo['mime'] | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * What the change log keeps of a photo: its hash, type, size and when it came, never its bytes (the
 * log row would otherwise hold a second copy of every image, and a photo never changes: the hash is
 * its name). Salvage finds a lost photo's hash here even when no document shows it any more.
 */
export type PhotoSnapshot = PhotoInfo & { size: number; added_at: string };

/**
 * Keeps an image by its content hash inside the caller's batch (adding the same photo twice stores
 * it once and logs nothing the second time).
 */
export function storePhoto(db: Db, log: ChangeLog, bytes: Buffer): PhotoInfo {
  return insertPhoto(db, log, bytes, checkPhoto(bytes));
}

function insertPhoto(db: Db, log: ChangeLog, bytes: Buffer, info: PhotoInfo): PhotoInfo {
  const added_at = new Date().toISOString();
  const inserted = db
    .prepare('INSERT OR IGNORE INTO photos (sha256, mime, width, height, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(info.sha256, info.mime, info.width, info.height, bytes, added_at).changes;
  if (inserted) {
    const after: PhotoSnapshot = { ...info, size: bytes.length, added_at };
    log.record('photo', info.sha256, null, { ...after });
  }
  return info;
}

/**
 * photos.add: a step of its own in the change log (time, origin, actor), kept off the undo stack
 * like a document save. Why: the photo comes before the save that shows it, so undoing the add
 * alone would leave that document (and every logged version of it) pointing at nothing, and a
 * photo is never taken out again — not by undo, not when the last document stops showing it — so
 * that no step of any history, undone or redone, can refer to a photo the store has lost.
 */
export function addPhoto(ctx: CoreContext, bytes: Buffer): PhotoInfo {
  const info = checkPhoto(bytes);
  return writeBatch(ctx, historyLabel('addPhoto', { name: info.sha256.slice(0, 12) }), (log) => insertPhoto(ctx.db, log, bytes, info), { undoState: 'none' });
}

/** The image checked and described from its own bytes; refused before anything is written. */
function checkPhoto(bytes: Buffer): PhotoInfo {
  if (bytes.length > MAX_BYTES) throw new AppError('PHOTO_INVALID', { detail: `${(bytes.length / 1048576).toFixed(1)} MB > 5 MB` });
  const mime = sniffMime(bytes);
  if (!mime) throw new AppError('PHOTO_INVALID', { detail: 'not PNG/JPEG' });
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = imageSize(bytes));
  } catch (e) {
    throw new AppError('PHOTO_INVALID', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (!width || !height || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw new AppError('PHOTO_INVALID', { detail: `${width}×${height}` });
  return { sha256: createHash('sha256').update(bytes).digest('hex'), mime, width, height };
}

export function getPhotoInfo(db: Db, sha256: string): PhotoInfo {
  const r = cached(db, 'SELECT sha256, mime, width, height FROM photos WHERE sha256 = ?').get(sha256) as PhotoInfo | undefined;
  if (!r) throw new AppError('PHOTO_NOT_FOUND', { photo: sha256.slice(0, 12) });
  return r;
}

export function getPhotoBytes(db: Db, sha256: string): Buffer {
  const r = db.prepare('SELECT bytes FROM photos WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  if (!r) throw new AppError('PHOTO_NOT_FOUND', { photo: sha256.slice(0, 12) });
  return r.bytes;
}
