import { hostOf } from './host-of.ts';
import type { Handlers } from './types.ts';

export const fileHandlers: Handlers<'files.open'> = {
  'files.open': async (input, ctx) => ({ opened: await hostOf(ctx).openFile(input.path) }),
};
