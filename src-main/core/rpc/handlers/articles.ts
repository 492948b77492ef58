import { applyArticle } from '../../extraction/apply.ts';
import { readArticleFile } from '../../extraction/article-file.ts';
import { keepRead, takeRead } from '../../extraction/pending-reads.ts';
import { reviewArticle } from '../../extraction/review.ts';
import { historyState } from '../../history/undo.ts';
import type { Handlers } from './types.ts';

export const articleHandlers: Handlers<'articles.read' | 'articles.apply'> = {
  'articles.read': async (input, ctx) => {
    const text = input.base64 === undefined ? input.text! : (await readArticleFile(input.fileName, Buffer.from(input.base64, 'base64'))).text;
    const review = reviewArticle(ctx, { fileName: input.fileName, text, parkId: input.parkId, period: input.period });
    return { ...review, readId: keepRead(ctx.db, input.fileName, text) };
  },
  'articles.apply': (input, ctx) => {
    const read = takeRead(ctx.db, input.readId);
    const park = input.parkId !== undefined ? { id: input.parkId } : { newName: input.newPark!.name };
    const applied = applyArticle(ctx, { fileName: read.fileName, text: read.text, park, period: input.period, figures: input.figures });
    return { ...applied, history: historyState(ctx) };
  },
};
