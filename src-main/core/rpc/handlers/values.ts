import { historyState, redo, undo } from '../../history/undo.ts';
import { warningsFor } from '../../checks/warnings-for.ts';
import { editInPeriod } from '../../values/edit-in-period.ts';
import type { CoreContext } from '../../context.ts';
import { loadFigureWords } from '../../catalog/figure-words.ts';
import type { Handlers } from './types.ts';

function afterReplay<T>(ctx: CoreContext, replay: () => T): T {
  try {
    return replay();
  } finally {
    loadFigureWords(ctx.db);
  }
}

export const valueHandlers: Handlers<'values.edit' | 'history.state' | 'history.undo' | 'history.redo'> = {
  'values.edit': (input, ctx) => {
    const { changed, period } = editInPeriod(ctx, input);
    const scope = { parkId: input.parkId, periodId: period.id, kind: input.kind };
    return { changed, period, warnings: warningsFor(ctx.db, scope, input.edits.map((e) => e.indicatorId)), history: historyState(ctx) };
  },
  'history.state': (_input, ctx) => historyState(ctx),
  // A step may have added or removed a unit or qualifier of the store's own.
  'history.undo': (_input, ctx) => afterReplay(ctx, () => undo(ctx)),
  'history.redo': (_input, ctx) => afterReplay(ctx, () => redo(ctx)),
};
