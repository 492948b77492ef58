// What the main thread does with a job's result: the one place that touches the main connection
// or the user's files, after the worker has finished. A job cancelled or dead before this point has
// left nothing behind — no kept preview, no file.

import type { Input, Output } from '../../shared/contract.ts';
import type { JobMethod } from '../../shared/jobs.ts';
import type { CoreContext } from '../context.ts';
import { checkIssueArticles } from '../documents/issue.ts';
import { keepRead } from '../extraction/pending-reads.ts';
import type { OutgoingFile } from '../host.ts';
import { savePending } from '../imports/pending.ts';
import { hostOf } from '../rpc/handlers/host-of.ts';
import type { WorkResults } from './work.ts';

type Finish = { [M in JobMethod]: (ctx: CoreContext, result: WorkResults[M], input: Input<M>) => Output<M> | Promise<Output<M>> };

/** Bytes come back from a worker as a plain Uint8Array; the hosts write Buffers. */
function asFile(f: OutgoingFile): OutgoingFile {
  const b = f.bytes as Uint8Array;
  const bytes = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return { ...f, bytes };
}

export const finish: Finish = {
  'imports.preview': (ctx, { preview, pending }) => {
    if (pending) savePending(ctx, preview.previewId, pending);
    return preview;
  },
  // Only a finished file is handed to the save dialog or download link (written atomically there).
  'tables.export': (ctx, file) => hostOf(ctx).deliver(asFile(file)),
  'documents.export': (ctx, file) => hostOf(ctx).deliver(asFile(file)),
  'documents.exportYearbook': (ctx, file) => hostOf(ctx).deliver(asFile(file)),
  'articles.read': (ctx, { review, fileName, text }) => ({ ...review, readId: keepRead(ctx.db, fileName, text) }),
};

/** Checked before the worker starts, so that an export with nowhere to go is refused at once. */
export function checkBeforeStart<M extends JobMethod>(ctx: CoreContext, method: M, input: Input<M>): void {
  if (method === 'tables.export' || method === 'documents.export' || method === 'documents.exportYearbook') hostOf(ctx);
  if (method === 'documents.export') checkIssueArticles(ctx.db, input as Input<'documents.export'>);
}
