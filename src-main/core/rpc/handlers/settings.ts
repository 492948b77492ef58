import { readSettings, updateSettings } from '../../settings/settings.ts';
import type { Handlers } from './types.ts';

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
};
