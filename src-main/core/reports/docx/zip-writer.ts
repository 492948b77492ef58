// A .docx package written entry by entry, so that only the entry in hand is in memory uncompressed.
// fflate lays out the zip (headers, data descriptors, the central directory); node:zlib deflates
// and sums, natively, several times faster than deflating in JavaScript. A part written in pieces
// (the yearbook's body, feature by feature) is deflated as it comes and kept compressed until it is
// added, because a zip entry's bytes cannot be interleaved with another's.
import { createDeflateRaw, crc32, deflateRawSync, type DeflateRaw } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const DEFLATE = 8;
const STORE = 0;
/** zlib's level: the default, what Word itself writes about. */
const LEVEL = 6;

export class ZipWriter {
  private readonly out: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((err, chunk) => {
    if (err) this.failure ??= err;
    else this.out.push(chunk);
  });
  private readonly names = new Set<string>();

  /** A whole part, deflated; `store` keeps it as it is (PNG and JPEG gain nothing from deflating again). */
  add(name: string, data: string | Uint8Array, opts: { store?: boolean } = {}): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.entry(name, opts.store ? [bytes] : [deflateRawSync(bytes, { level: LEVEL })], { crc: crc32(bytes), size: bytes.length, method: opts.store ? STORE : DEFLATE });
  }

  /** A part deflated by a `DeflatedPart`, once it has ended. */
  addDeflated(name: string, part: DeflatedPart): void {
    this.entry(name, part.chunks(), { crc: part.crc, size: part.size, method: DEFLATE });
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The package's bytes; nothing can be added after. */
  finish(): Buffer {
    this.zip.end();
    if (this.failure) throw this.failure;
    return Buffer.concat(this.out);
  }

  private entry(name: string, compressed: readonly Uint8Array[], { crc, size, method }: { crc: number; size: number; method: number }): void {
    if (this.names.has(name)) throw new Error(`the package already has ${name}`);
    this.names.add(name);
    const file: ZipInputFile = { filename: name, size, crc, compression: method };
    this.zip.add(file);
    if (compressed.length === 0) file.ondata!(null, new Uint8Array(0), true);
    // fflate's types ask for an ArrayBuffer-backed array; it only reads the bytes.
    compressed.forEach((c, i) => file.ondata!(null, c as Uint8Array<ArrayBuffer>, i === compressed.length - 1));
    if (this.failure) throw this.failure;
  }
}

/**
 * A part written piece by piece: each piece is summed and handed to zlib's deflate, which runs on the
 * thread pool while the next piece is built; only the compressed bytes stay.
 */
export class DeflatedPart {
  crc = 0;
  size = 0;
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: LEVEL });
  private readonly compressed: Buffer[] = [];
  private pending: Promise<void> = Promise.resolve();
  private ended = false;

  constructor() {
    this.deflate.on('data', (c: Buffer) => this.compressed.push(c));
  }

  /** Waits for the piece before to be deflated, so no more than one piece waits in memory. */
  async write(text: string): Promise<void> {
    await this.pending;
    const bytes = Buffer.from(text, 'utf8');
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pending = new Promise((resolve, reject) => this.deflate.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  async end(): Promise<void> {
    await this.pending;
    this.ended = true;
    // 'end': the last compressed bytes have been read, not just the last input taken.
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('error', reject);
      this.deflate.once('end', resolve);
      this.deflate.end();
    });
  }

  chunks(): Buffer[] {
    if (!this.ended) throw new Error('DeflatedPart: chunks() before end()');
    return this.compressed;
  }
}
