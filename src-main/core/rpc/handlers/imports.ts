import { runJob } from '../../jobs/jobs.ts';
import { applyImport } from '../../imports/pending.ts';
import type { Handlers } from './types.ts';

export const importHandlers: Handlers<'imports.preview' | 'imports.apply'> = {
  // Reading and checking a file runs in a worker thread (core/jobs/); applying is one transaction here.
  'imports.preview': (input, ctx) => runJob(ctx, 'imports.preview', input),
  'imports.apply': (input, ctx) => applyImport(ctx, input.previewId),
};
