import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from './types.ts';

// Placeholder while the importer is being written (issue 4); replaced before landing.
export const importHandlers: Handlers<'imports.preview' | 'imports.apply'> = {
  'imports.preview': () => {
    throw new AppError('INTERNAL', { detail: 'imports.preview not built yet' });
  },
  'imports.apply': () => {
    throw new AppError('INTERNAL', { detail: 'imports.apply not built yet' });
  },
};
