import { copyDocument } from '../../documents/copy.ts';
import { documentsOfPeriod, findDocument, saveDocument } from '../../documents/documents.ts';
import { resolveDocument } from '../../documents/resolve.ts';
import { readSettings } from '../../settings/settings.ts';
import { runJob } from '../../jobs/jobs.ts';
import { AppError } from '../../../shared/errors.ts';
import { resolveArticles } from '../../documents/issue.ts';
import { hostOf } from './host-of.ts';
import type { Handlers } from './types.ts';

export const documentHandlers: Handlers<
  'documents.get' | 'documents.ofPeriod' | 'documents.save' | 'documents.copy' | 'documents.resolve' | 'documents.resolveArticles' | 'documents.export' | 'documents.exportYearbook' | 'documents.printPdf'
> = {
  'documents.get': (input, ctx) => findDocument(ctx.db, input.parkId, input.periodId),
  'documents.ofPeriod': (input, ctx) => documentsOfPeriod(ctx.db, input.periodId),
  'documents.save': (input, ctx) =>
    saveDocument(ctx, input.parkId, input.periodId, input.body, {
      createOnly: input.createOnly ?? false,
      ...(input.base !== undefined ? { base: input.base } : {}),
      keepOther: input.keepOther ?? false,
    }),
  'documents.copy': (input, ctx) => copyDocument(ctx, input.parkId, input.periodId, input.from),
  'documents.resolve': (input, ctx) => resolveDocument(ctx.db, input, readSettings(ctx.db)),
  'documents.resolveArticles': (input, ctx) => resolveArticles(ctx.db, input, readSettings(ctx.db)),
  // Built in a worker thread (core/jobs/), then handed to the host.
  // The articles are checked as every job starts (core/jobs/finish.ts), jobs.start's too.
  'documents.export': (input, ctx) => runJob(ctx, 'documents.export', input),
  'documents.exportYearbook': (input, ctx) => runJob(ctx, 'documents.exportYearbook', input),
  // The window prints itself: the pages are the preview's, nothing is laid out again here.
  'documents.printPdf': async (input, ctx) => {
    const host = hostOf(ctx);
    if (!host.printToPdf) throw new AppError('PRINT_UNAVAILABLE');
    return host.deliver({ fileName: input.fileName, mime: 'application/pdf', bytes: await host.printToPdf() });
  },
};
