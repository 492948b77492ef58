import { historyState, redo, undo } from '../../history/undo.ts';
import { warningsFor } from '../../checks/warnings-for.ts';
import { editInPeriod } from '../../values/edit-in-period.ts';
import type { Handlers } from './types.ts';

export const valueHandlers: Handlers<'values.edit' | 'history.state' | 'history.undo' | 'history.redo'> = {
  'values.edit': (input, ctx) => {
    const { changed, period } = editInPeriod(ctx, input);
    const scope = { parkId: input.parkId, periodId: period.id, kind: input.kind };
    return { changed, period, warnings: warningsFor(ctx.db, scope, input.edits.map((e) => e.indicatorId)), history: historyState(ctx) };
  },
  'history.state': (_input, ctx) => historyState(ctx),
  'history.undo': (_input, ctx) => undo(ctx),
  'history.redo': (_input, ctx) => redo(ctx),
};
