import { applyArticle } from '../../extraction/apply.ts';
import { takeRead } from '../../extraction/pending-reads.ts';
import { historyState } from '../../history/undo.ts';
import { runJob } from '../../jobs/jobs.ts';
import type { Handlers } from './types.ts';

export const articleHandlers: Handlers<'articles.read' | 'articles.apply'> = {
  // Reading the file and finding its figures runs in a worker thread (core/jobs/).
  'articles.read': (input, ctx) => runJob(ctx, 'articles.read', input),
  'articles.apply': (input, ctx) => {
    const read = takeRead(ctx.db, input.readId);
    const park = input.parkId !== undefined ? { id: input.parkId } : { newName: input.newPark!.name };
    const applied = applyArticle(ctx, { fileName: read.fileName, text: read.text, park, period: input.period, figures: input.figures });
    return { ...applied, history: historyState(ctx) };
  },
};
