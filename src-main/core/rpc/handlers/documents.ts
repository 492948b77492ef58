import { copyDocument } from '../../documents/copy.ts';
import { findDocument, saveDocument } from '../../documents/documents.ts';
import { exportDocx } from '../../documents/export-docx.ts';
import { resolveDocument } from '../../documents/resolve.ts';
import { exportYearbook } from '../../documents/yearbook.ts';
import { readSettings } from '../../settings/settings.ts';
import { hostOf } from './host-of.ts';
import type { Handlers } from './types.ts';

export const documentHandlers: Handlers<
  'documents.get' | 'documents.save' | 'documents.copy' | 'documents.resolve' | 'documents.export' | 'documents.exportYearbook'
> = {
  'documents.get': (input, ctx) => findDocument(ctx.db, input.parkId, input.periodId),
  'documents.save': (input, ctx) =>
    saveDocument(ctx, input.parkId, input.periodId, input.body, {
      createOnly: input.createOnly ?? false,
      ...(input.base !== undefined ? { base: input.base } : {}),
      keepOther: input.keepOther ?? false,
    }),
  'documents.copy': (input, ctx) => copyDocument(ctx, input.parkId, input.periodId, input.from),
  'documents.resolve': (input, ctx) => resolveDocument(ctx.db, input, readSettings(ctx.db)),
  'documents.export': async (input, ctx) => {
    const host = hostOf(ctx);
    const file = await exportDocx(ctx, { documents: [input], template: input.template, allowMarkers: input.allowMarkers });
    return host.deliver(file);
  },
  'documents.exportYearbook': async (input, ctx) => {
    const host = hostOf(ctx);
    return host.deliver(await exportYearbook(ctx, input));
  },
};
