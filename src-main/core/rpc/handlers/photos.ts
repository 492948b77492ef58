import { addPhoto, getPhotoBytes, getPhotoInfo } from '../../documents/photos.ts';
import type { Handlers } from './types.ts';

export const photoHandlers: Handlers<'photos.add' | 'photos.get'> = {
  'photos.add': (input, ctx) => addPhoto(ctx, Buffer.from(input.base64, 'base64')),
  'photos.get': (input, ctx) => {
    const info = getPhotoInfo(ctx.db, input.sha256);
    return { ...info, dataUrl: `data:${info.mime};base64,${getPhotoBytes(ctx.db, input.sha256).toString('base64')}` };
  },
};
