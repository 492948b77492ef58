import { readGrid } from '../../values/grid.ts';
import type { Handlers } from './types.ts';

// Apart from the edits: reading a grid (`parkbrief show`, every page load) needs none of the writing code.
export const gridHandlers: Handlers<'grid.get'> = {
  'grid.get': (input, ctx) => readGrid(ctx.db, input.parkId, input.periodId, input.kind, { all: input.all ?? false }),
};
