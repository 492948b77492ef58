import { AppError } from '../../../shared/errors.ts';
import type { Host } from '../../host.ts';
import { exportXlsx } from '../../tables/export-xlsx.ts';
import type { Handlers } from './types.ts';

function hostOf(ctx: { host?: Host }): Host {
  if (!ctx.host) throw new AppError('INTERNAL', { detail: 'no host to deliver files' });
  return ctx.host;
}

export const tableHandlers: Handlers<'tables.export'> = {
  // The workbook is built from the store first; only a finished file is handed to the save dialog
  // or download link, exactly as documents.export does.
  'tables.export': async (input, ctx) => {
    const host = hostOf(ctx);
    const { fileName, mime, bytes } = await exportXlsx(ctx, input);
    return host.deliver({ fileName, mime, bytes });
  },
};
