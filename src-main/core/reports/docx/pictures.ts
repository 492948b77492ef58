// The pictures of a .docx, by a short stand-in. docx names every picture it is given by a SHA-1 of
// its bytes computed in JavaScript — a fifth of a 100-park yearbook's time (bench/docx-export), the
// same photo hashed again in every feature. Each picture is handed to docx as a stand-in that names
// it (a photo by its store hash, a chart by a node:crypto hash), so docx hashes a few dozen bytes and
// lists each distinct picture once; package.ts puts the real bytes in their place after packing,
// reading each photo from the store once, and only then (a chart's PNG may still be drawing).
import { createHash } from 'node:crypto';

const PREFIX = 'ParkBrief picture ';
const TOKEN = /^ParkBrief picture ([0-9a-f]{64})$/;

export class Pictures {
  private readonly sources = new Map<string, () => Buffer | Promise<Buffer>>();

  /** The stand-in for a store photo, read by `read` when the package is patched. */
  photo(sha256: string, read: (sha256: string) => Buffer): Buffer {
    if (!this.sources.has(sha256)) this.sources.set(sha256, () => read(sha256));
    return Buffer.from(PREFIX + sha256);
  }

  /** The stand-in for bytes in hand or still being made (a chart's PNG on the thread pool). */
  bytes(bytes: Buffer | Promise<Buffer>, key: string): Buffer {
    const sha = createHash('sha256').update(key).digest('hex');
    if (!this.sources.has(sha)) this.sources.set(sha, () => bytes);
    return Buffer.from(PREFIX + sha);
  }

  /** The key a media part's content stands for (a photo's sha256), or null when it is not a stand-in of these pictures. */
  keyOf(part: Uint8Array): string | null {
    if (part.length !== PREFIX.length + 64) return null;
    const m = TOKEN.exec(Buffer.from(part).toString('latin1'));
    return m && this.sources.has(m[1]!) ? m[1]! : null;
  }

  /** The picture a media part's content stands for, or null when it is not a stand-in. */
  async resolve(part: Uint8Array): Promise<Buffer | null> {
    const key = this.keyOf(part);
    return key === null ? null : this.sources.get(key)!();
  }
}
