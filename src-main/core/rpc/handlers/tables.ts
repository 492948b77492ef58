import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from './types.ts';

// Placeholders while the exporters and the importer are being written (issue 4); replaced before landing.
export const tableHandlers: Handlers<'tables.export' | 'imports.preview' | 'imports.apply'> = {
  'tables.export': () => {
    throw new AppError('INTERNAL', { detail: 'tables.export not built yet' });
  },
  'imports.preview': () => {
    throw new AppError('INTERNAL', { detail: 'imports.preview not built yet' });
  },
  'imports.apply': () => {
    throw new AppError('INTERNAL', { detail: 'imports.apply not built yet' });
  },
};
