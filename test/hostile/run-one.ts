// Test support, run as a child process by hostile-corpus.test.ts: one file through the real import
// path — read as the CLI reads a file it is given (cli/regular-file.ts: special files and sizes
// refused before a byte is read), then imports.preview and imports.apply (or articles.read) through
// dispatch(), as every front calls them — on its own store. Prints one JSON line: the refusal codes
// or the figures written, the store's dump hash before and after, the time and the peak memory of
// this process. A child, so that a reader that ran away could only take itself down.
//
//   node test/hostile/run-one.ts '{"db":"…","file":"…","kind":"import","park":"楚雄高新区","period":"2022"}'

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readRegularFile } from '../../src-main/cli/regular-file.ts';
import type { CoreContext } from '../../src-main/core/context.ts';
import { dispatch } from '../../src-main/core/rpc/dispatch.ts';
import { openCore } from '../../src-main/core/session/open-core.ts';
import { AppError } from '../../src-main/shared/errors.ts';
import { IMPORT_MAX_BYTES } from '../../src-main/shared/tables.ts';
import type { Output, StoreMethod, Input } from '../../src-main/shared/contract.ts';
import { dumpStore } from '../support/temp-store.ts';

interface Spec {
  db: string;
  file: string;
  kind: 'import' | 'article';
  park?: string;
  period?: string;
}

export interface RunResult {
  /** Every error code the path answered with; empty when the file went in. */
  codes: string[];
  /** The first refusal in Chinese, as the user reads it. */
  message: string | null;
  /** What was written: indicator → value (unit) and growth, as the preview listed it. */
  figures: Record<string, { value: string | null; unit: string; growth: string | null }>;
  written: number;
  hashBefore: string;
  hashAfter: string;
  ms: number;
  maxRssMB: number;
}

const spec = JSON.parse(process.argv[2]!) as Spec;

function storeHash(): string {
  const ctx = openCore(spec.db, { origin: 'test', actor: 'tester' });
  try {
    return createHash('sha256').update(JSON.stringify(dumpStore(ctx))).digest('hex');
  } finally {
    ctx.db.close();
  }
}

async function call<M extends StoreMethod>(ctx: CoreContext, method: M, input: Input<M>): Promise<Output<M>> {
  const reply = await dispatch(ctx, method, input);
  if (!reply.ok) throw new AppError(reply.error.code as never, reply.error.params ?? {});
  return reply.value as Output<M>;
}

async function run(): Promise<Omit<RunResult, 'hashBefore' | 'hashAfter' | 'ms' | 'maxRssMB'>> {
  const none = { figures: {}, written: 0 };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(spec.file, IMPORT_MAX_BYTES, () => new AppError('IMPORT_TOO_LARGE', {}));
  } catch (e) {
    if (e instanceof AppError) return { codes: [e.code], message: e.message, ...none };
    return { codes: [`errno:${(e as NodeJS.ErrnoException).code ?? '?'}`], message: String(e), ...none };
  }
  const ctx = openCore(spec.db, { origin: 'test', actor: 'tester' });
  try {
    const fileName = basename(spec.file);
    if (spec.kind === 'article') {
      const read = await call(ctx, 'articles.read', { fileName, base64: bytes.toString('base64') });
      return { codes: [], message: null, figures: {}, written: read.figures.length };
    }
    const p = await call(ctx, 'imports.preview', {
      fileName,
      base64: bytes.toString('base64'),
      ...(spec.park ? { parkName: spec.park } : {}),
      ...(spec.period ? { periodKey: spec.period } : {}),
    });
    if (p.errors.length > 0) return { codes: p.errors.map((e) => e.code), message: p.errors[0]!.message, ...none };
    if (!p.canApply) return { codes: ['NOTHING_TO_APPLY'], message: null, ...none };
    const applied = await call(ctx, 'imports.apply', { previewId: p.previewId });
    const figures = Object.fromEntries(p.items.map((i) => [i.indicator, { value: i.after.value, unit: i.after.unit, growth: i.after.growth }]));
    return { codes: [], message: null, figures, written: applied.inserted + applied.updated };
  } catch (e) {
    if (e instanceof AppError) return { codes: [e.code], message: e.message, ...none };
    throw e;
  } finally {
    ctx.db.close();
  }
}

const hashBefore = storeHash();
const t0 = performance.now();
const result = await run();
const ms = Math.round(performance.now() - t0);
const hashAfter = storeHash();
// The peak resident memory of this process, the store's opening included: VmHWM, as Linux keeps
// it per address space. (getrusage's maxRSS survives exec, so a child spawned by a 350 MB test
// worker would report the worker's peak.) Where there is no /proc, maxRSS is the best there is.
function peakMB(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // no /proc
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
const maxRssMB = peakMB();
process.stdout.write(JSON.stringify({ ...result, hashBefore, hashAfter, ms, maxRssMB } satisfies RunResult) + '\n');
