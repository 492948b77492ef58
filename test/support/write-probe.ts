// Test support: one atomic write in a process of its own, so that a test can give it another
// user (a folder it may not write), a file-size limit (a disk that fills mid-write) or any other
// real condition a test process cannot put on itself. Prints the outcome as one JSON line.
//
//   node write-probe.ts bytes|stream PATH SIZE

import { once } from 'node:events';
import { isAppError } from '../../src-main/shared/errors.ts';
import { openAtomicStream, writeFileAtomic } from '../../src-main/core/files/write-file-atomic.ts';

const CHUNK = 64 * 1024;

/** Bytes that are not all zero, so a truncated copy can never pass for the whole. */
export function probeBytes(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}

async function writeStreamed(path: string, bytes: Buffer): Promise<void> {
  const file = openAtomicStream(path);
  try {
    for (let off = 0; off < bytes.length; off += CHUNK) {
      if (!file.stream.write(bytes.subarray(off, off + CHUNK))) await file.guard(once(file.stream, 'drain'));
    }
    file.stream.end();
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
}

async function main(): Promise<void> {
  const [mode, path, size] = process.argv.slice(2);
  if ((mode !== 'bytes' && mode !== 'stream') || !path || !size) throw new Error('usage: write-probe.ts bytes|stream PATH SIZE');
  const bytes = probeBytes(Number(size));
  if (mode === 'bytes') writeFileAtomic(path, bytes);
  else await writeStreamed(path, bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => console.log(JSON.stringify({ ok: true })),
    (e: unknown) => {
      console.log(JSON.stringify(isAppError(e) ? { ok: false, code: e.code, params: e.params, message: e.message } : { ok: false, code: 'THROWN', message: String(e) }));
    },
  );
}
