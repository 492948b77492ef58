import { historyState, redo, undo } from '../../history/undo.ts';
import { warningsFor } from '../../checks/warnings-for.ts';
import { editValues } from '../../values/edit-values.ts';
import { readGrid } from '../../values/grid.ts';
import type { Handlers } from './types.ts';

export const valueHandlers: Handlers<'grid.get' | 'values.edit' | 'history.state' | 'history.undo' | 'history.redo'> = {
  'grid.get': (input, ctx) => readGrid(ctx.db, input.parkId, input.periodId, input.kind),
  'values.edit': (input, ctx) => {
    const result = editValues(ctx, input);
    return { ...result, warnings: warningsFor(ctx.db, input, input.edits.map((e) => e.indicatorId)), history: historyState(ctx) };
  },
  'history.state': (_input, ctx) => historyState(ctx),
  'history.undo': (_input, ctx) => undo(ctx),
  'history.redo': (_input, ctx) => redo(ctx),
};
