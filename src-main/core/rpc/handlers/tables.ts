import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from './types.ts';

// Placeholder while the exporters are being written (issue 4); replaced before landing.
export const tableHandlers: Handlers<'tables.export'> = {
  'tables.export': () => {
    throw new AppError('INTERNAL', { detail: 'tables.export not built yet' });
  },
};
