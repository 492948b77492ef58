import { applyImport } from '../../imports/pending.ts';
import { previewImport } from '../../imports/preview.ts';
import type { Handlers } from './types.ts';

export const importHandlers: Handlers<'imports.preview' | 'imports.apply'> = {
  'imports.preview': (input, ctx) =>
    previewImport(ctx, {
      fileName: input.fileName,
      bytes: Buffer.from(input.base64, 'base64'),
      parkId: input.parkId,
      periodId: input.periodId,
      parkName: input.parkName,
      periodKey: input.periodKey,
      kind: input.kind,
      createMissing: input.createMissing,
      createPark: input.createPark,
    }),
  'imports.apply': (input, ctx) => applyImport(ctx, input.previewId),
};
