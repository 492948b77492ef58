// A zip reader for files people send us: it trusts nothing in them. The central directory is read
// first and every declared size is checked before a byte is inflated (a zip bomb is refused by its
// directory, not by running out of memory), and inflation is capped at the declared size, so a
// directory that lies cannot make an entry grow past it either. Entries are inflated one at a time,
// on demand, so reading a workbook holds one sheet's XML at a time.

import { crc32, inflateRawSync } from 'node:zlib';
import { LimitError, READ_LIMITS } from './limits.ts';

/** Uncompressed bytes a workbook may unpack to in total (limits.ts). */
export const MAX_UNZIPPED_BYTES = READ_LIMITS.unzippedBytes;

export type ZipProblem =
  | { kind: 'not-zip' }
  | { kind: 'ole' } // a compound file: an old .xls, or an .xlsx saved with a password
  /** where: the damaged part's name when one is; detail: what is wrong, in English, for the English message. */
  | { kind: 'corrupt'; detail: string; where?: string }
  | { kind: 'bomb'; size: number; max: number }
  /** Two entries of one name: which one a program reads differs, so the file means two things. */
  | { kind: 'duplicate'; name: string }
  | { kind: 'unsupported'; detail: string };

export class ZipError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const corrupt = (detail: string, where?: string) => new ZipError(where === undefined ? { kind: 'corrupt', detail } : { kind: 'corrupt', detail, where });

export class ZipReader {
  private readonly buf: Buffer;
  private readonly entries = new Map<string, Entry>();
  /** Sum of the declared uncompressed sizes, checked against the cap when opened. */
  readonly totalSize: number;

  constructor(buf: Buffer, maxTotal = MAX_UNZIPPED_BYTES) {
    this.buf = buf;
    if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) throw new ZipError({ kind: 'ole' });
    const looksZip = buf.length >= 4 && buf.readUInt32LE(0) === SIG_LOCAL;
    const eocd = this.findEocd();
    if (eocd < 0) throw looksZip ? corrupt('end of central directory not found (truncated?)') : new ZipError({ kind: 'not-zip' });
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) ({ count, cdSize, cdOffset } = this.zip64Directory(eocd));
    if (cdOffset + cdSize > eocd) throw corrupt('central directory outside the file (truncated?)');
    // Before the directory is walked: a zip64 directory may claim billions of entries.
    if (count > READ_LIMITS.zipEntries) throw new LimitError('zipEntries');
    let total = 0;
    const seen = new Set<string>();
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt(`central directory entry ${i + 1} is damaged`);
      const flags = buf.readUInt16LE(p + 8);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      if (p + 46 + nameLen + extraLen + commentLen > eocd) throw corrupt(`central directory entry ${i + 1} is damaged`);
      const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      const e: Entry = {
        name,
        method: buf.readUInt16LE(p + 10),
        flags,
        crc: buf.readUInt32LE(p + 16),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) this.zip64Sizes(e, p + 46 + nameLen, extraLen);
      // One part is held whole while it is read: a single huge sheet is refused before it is inflated.
      if (e.size > READ_LIMITS.entryBytes) throw new LimitError('entryBytes');
      total += e.size;
      // Checked as we go, so a directory of a million entries stops at the first byte over the cap.
      if (total > maxTotal) throw new ZipError({ kind: 'bomb', size: total, max: maxTotal });
      const key = name.replace(/^\/+/, '');
      // Part names compare without regard to case (OPC, ECMA-376 Part 2 §6.2.2.3): Excel would
      // read one of two such entries and we another, so their figures could differ unseen.
      const folded = key.toLowerCase();
      if (seen.has(folded)) throw new ZipError({ kind: 'duplicate', name: key.slice(0, 200) });
      seen.add(folded);
      this.entries.set(key, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    this.totalSize = total;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or null when the zip has no such entry. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.flags & 0x1) throw new ZipError({ kind: 'unsupported', detail: `${name} is encrypted` });
    const b = this.buf;
    const at = e.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== SIG_LOCAL) throw corrupt(`${name}: local header damaged`, name);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw corrupt(`${name}: data cut off (truncated file)`, name);
    const raw = b.subarray(start, end);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        // maxOutputLength: a stream that inflates past its declared size is a lie, stopped right there.
        out = e.size === 0 ? Buffer.alloc(0) : inflateRawSync(raw, { maxOutputLength: e.size });
      } catch (err) {
        throw corrupt(`${name}: ${(err as Error).message}`, name);
      }
    } else throw new ZipError({ kind: 'unsupported', detail: `${name}: compression method ${e.method}` });
    if (out.length !== e.size) throw corrupt(`${name}: ${out.length} bytes, ${e.size} declared`, name);
    if (crc32(out) >>> 0 !== e.crc) throw corrupt(`${name}: checksum mismatch`, name);
    return out;
  }

  private findEocd(): number {
    const b = this.buf;
    // The record is 22 bytes plus a comment of at most 65535.
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (b.readUInt32LE(i) === SIG_EOCD && i + 22 + b.readUInt16LE(i + 20) <= b.length) return i;
    }
    return -1;
  }

  private zip64Directory(eocd: number): { count: number; cdSize: number; cdOffset: number } {
    const b = this.buf;
    const loc = eocd - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== SIG_EOCD64_LOCATOR) throw corrupt('zip64 locator missing');
    const at = Number(b.readBigUInt64LE(loc + 8));
    if (at + 56 > b.length || b.readUInt32LE(at) !== SIG_EOCD64) throw corrupt('zip64 directory record missing');
    const big = (o: number) => {
      const v = b.readBigUInt64LE(at + o);
      if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip64 size out of range');
      return Number(v);
    };
    return { count: big(32), cdSize: big(40), cdOffset: big(48) };
  }

  private zip64Sizes(e: Entry, extraStart: number, extraLen: number): void {
    const b = this.buf;
    for (let p = extraStart; p + 4 <= extraStart + extraLen; ) {
      const id = b.readUInt16LE(p);
      const len = b.readUInt16LE(p + 2);
      if (id === 0x0001) {
        let q = p + 4;
        const next = () => {
          if (q + 8 > p + 4 + len) throw corrupt(`${e.name}: zip64 field too short`);
          const v = Number(b.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        // Only the fields that overflowed are present, in this order (APPNOTE 4.5.3).
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
        return;
      }
      p += 4 + len;
    }
    throw corrupt(`${e.name}: zip64 sizes missing`);
  }
}
