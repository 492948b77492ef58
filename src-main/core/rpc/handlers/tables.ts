import { exportXlsx } from '../../tables/export-xlsx.ts';
import { hostOf } from './host-of.ts';
import type { Handlers } from './types.ts';

export const tableHandlers: Handlers<'tables.export'> = {
  // The workbook is built from the store first; only a finished file is handed to the save dialog
  // or download link, exactly as documents.export does.
  'tables.export': async (input, ctx) => {
    const host = hostOf(ctx);
    const { fileName, mime, bytes, sheets } = await exportXlsx(ctx, input);
    return host.deliver({ fileName, mime, bytes, sheets });
  },
};
