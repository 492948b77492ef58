import { historyState, redo, undo } from '../../history/undo.ts';
import { warningsFor } from '../../checks/warnings-for.ts';
import { editInPeriod } from '../../values/edit-in-period.ts';
import { readGrid } from '../../values/grid.ts';
import type { Handlers } from './types.ts';

export const valueHandlers: Handlers<'grid.get' | 'values.edit' | 'history.state' | 'history.undo' | 'history.redo'> = {
  'grid.get': (input, ctx) => readGrid(ctx.db, input.parkId, input.periodId, input.kind),
  'values.edit': (input, ctx) => {
    const { changed, period } = editInPeriod(ctx, input);
    const scope = { parkId: input.parkId, periodId: period.id, kind: input.kind };
    return { changed, period, warnings: warningsFor(ctx.db, scope, input.edits.map((e) => e.indicatorId)), history: historyState(ctx) };
  },
  'history.state': (_input, ctx) => historyState(ctx),
  'history.undo': (_input, ctx) => undo(ctx),
  'history.redo': (_input, ctx) => redo(ctx),
};
