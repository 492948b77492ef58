import { copyDocument } from '../../documents/copy.ts';
import { documentsOfPeriod, findDocument, saveDocument } from '../../documents/documents.ts';
import { resolveDocument } from '../../documents/resolve.ts';
import { readSettings } from '../../settings/settings.ts';
import { runJob } from '../../jobs/jobs.ts';
import { AppError } from '../../../shared/errors.ts';
import { hostOf } from './host-of.ts';
import type { Handlers } from './types.ts';

/** An issue's further articles: a bulletin option, each park once, this document's park not again. */
function checkArticles(input: { parkId: string; template: string; articles?: string[] }): void {
  const articles = input.articles ?? [];
  if (!articles.length) return;
  if (input.template !== 'bulletin') throw new AppError('INVALID_INPUT', { detail: '多篇合为一期只用于工作简报', detailEn: 'articles of one issue are a bulletin option' });
  if (articles.includes(input.parkId) || new Set(articles).size !== articles.length) {
    throw new AppError('INVALID_INPUT', { detail: '一期之中每个园区的文稿只能收录一次', detailEn: 'each park\'s document can appear once in an issue' });
  }
}

export const documentHandlers: Handlers<
  'documents.get' | 'documents.ofPeriod' | 'documents.save' | 'documents.copy' | 'documents.resolve' | 'documents.export' | 'documents.exportYearbook' | 'documents.printPdf'
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
  // Built in a worker thread (core/jobs/), then handed to the host.
  'documents.export': (input, ctx) => {
    checkArticles(input);
    return runJob(ctx, 'documents.export', input);
  },
  'documents.exportYearbook': (input, ctx) => runJob(ctx, 'documents.exportYearbook', input),
  // The window prints itself: the pages are the preview's, nothing is laid out again here.
  'documents.printPdf': async (input, ctx) => {
    const host = hostOf(ctx);
    if (!host.printToPdf) throw new AppError('PRINT_UNAVAILABLE');
    return host.deliver({ fileName: input.fileName, mime: 'application/pdf', bytes: await host.printToPdf() });
  },
};
