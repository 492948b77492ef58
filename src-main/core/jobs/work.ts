// What each long job does in its worker thread, on the worker's own read-only connection. Nothing
// here writes to the store: what a job produces (a preview's figures, a file's bytes, an article's
// text) goes back to the main thread, which keeps or delivers it (finish.ts).

import type { Input } from '../../shared/contract.ts';
import type { ArticleReview } from '../../shared/extraction.ts';
import type { JobMethod } from '../../shared/jobs.ts';
import type { ImportPreview } from '../../shared/tables.ts';
import type { CoreContext } from '../context.ts';
import type { OutgoingFile } from '../host.ts';
import type { PendingImport } from '../imports/pending.ts';
import type { Progress } from '../progress.ts';

// Each job imports only what it uses: a worker is a fresh instance, and an import preview has no
// business loading the Word and Excel writers.
export interface WorkResults {
  'imports.preview': { preview: ImportPreview; pending: PendingImport | null };
  'tables.export': OutgoingFile;
  'documents.export': OutgoingFile;
  'documents.exportYearbook': OutgoingFile;
  'articles.read': { review: ArticleReview; fileName: string; text: string };
}

type Work = { [M in JobMethod]: (ctx: CoreContext, input: Input<M>, progress: Progress) => WorkResults[M] | Promise<WorkResults[M]> };

export const work: Work = {
  'imports.preview': async (ctx, input, progress) =>
    (await import('../imports/preview.ts')).buildPreview(
      ctx,
      {
        fileName: input.fileName,
        bytes: Buffer.from(input.base64, 'base64'),
        parkId: input.parkId,
        periodId: input.periodId,
        parkName: input.parkName,
        periodKey: input.periodKey,
        kind: input.kind,
        createMissing: input.createMissing,
        createPark: input.createPark,
      },
      progress,
    ),
  'tables.export': async (ctx, input, progress) => {
    progress('building', 0);
    return (await import('../tables/export-xlsx.ts')).exportXlsx(ctx, input);
  },
  'documents.export': async (ctx, input, progress) =>
    (await import('../documents/export-docx.ts')).exportDocx(
      ctx,
      {
        documents: (await import('../documents/issue.ts')).issueDocuments(input),
        template: input.template,
        allowMarkers: input.allowMarkers,
        sources: input.sources === true,
        oneIssue: (input.articles?.length ?? 0) > 0,
      },
      progress,
    ),
  'documents.exportYearbook': async (ctx, input, progress) => (await import('../documents/yearbook.ts')).exportYearbook(ctx, input, progress),
  'articles.read': async (ctx, input, progress) => {
    progress('reading', 0);
    const { readArticleFile } = await import('../extraction/article-file.ts');
    const text = input.base64 === undefined ? input.text! : (await readArticleFile(input.fileName, Buffer.from(input.base64, 'base64'))).text;
    progress('checking', 0);
    const { reviewArticle } = await import('../extraction/review.ts');
    const review = reviewArticle(ctx, { fileName: input.fileName, text, parkId: input.parkId, period: input.period });
    return { review, fileName: input.fileName, text };
  },
};
