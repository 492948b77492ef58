import { runJob } from '../../jobs/jobs.ts';
import type { Handlers } from './types.ts';

export const tableHandlers: Handlers<'tables.export'> = {
  // The workbook is built in a worker thread from the store (core/jobs/); only a finished file is
  // handed to the save dialog or download link, exactly as documents.export does.
  'tables.export': (input, ctx) => runJob(ctx, 'tables.export', input),
};
