import { AppError } from '../../../shared/errors.ts';
import { copyDocument } from '../../documents/copy.ts';
import { findDocument, saveDocument } from '../../documents/documents.ts';
import { exportDocx } from '../../documents/export-docx.ts';
import { addPhoto, getPhotoBytes, getPhotoInfo } from '../../documents/photos.ts';
import { resolveDocument } from '../../documents/resolve.ts';
import type { Host } from '../../host.ts';
import { readSettings, updateSettings } from '../../settings/settings.ts';
import type { Handlers } from './types.ts';

function hostOf(ctx: { host?: Host }): Host {
  if (!ctx.host) throw new AppError('INTERNAL', { detail: 'no host to deliver files' });
  return ctx.host;
}

export const documentHandlers: Handlers<
  | 'documents.get'
  | 'documents.save'
  | 'documents.copy'
  | 'documents.resolve'
  | 'documents.export'
  | 'files.open'
  | 'photos.add'
  | 'photos.get'
  | 'settings.get'
  | 'settings.update'
> = {
  'documents.get': (input, ctx) => findDocument(ctx.db, input.parkId, input.periodId),
  'documents.save': (input, ctx) => saveDocument(ctx, input.parkId, input.periodId, input.body, { createOnly: input.createOnly ?? false }),
  'documents.copy': (input, ctx) => copyDocument(ctx, input.parkId, input.periodId, input.from),
  'documents.resolve': (input, ctx) => resolveDocument(ctx.db, input, readSettings(ctx.db)),
  'documents.export': async (input, ctx) => {
    const host = hostOf(ctx);
    const file = await exportDocx(ctx, { documents: [input], template: input.template, allowMarkers: input.allowMarkers });
    return host.deliver(file);
  },
  'files.open': async (input, ctx) => ({ opened: await hostOf(ctx).openFile(input.path) }),
  'photos.add': (input, ctx) => addPhoto(ctx.db, Buffer.from(input.base64, 'base64')),
  'photos.get': (input, ctx) => {
    const info = getPhotoInfo(ctx.db, input.sha256);
    return { ...info, dataUrl: `data:${info.mime};base64,${getPhotoBytes(ctx.db, input.sha256).toString('base64')}` };
  },
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => updateSettings(ctx, input),
};
