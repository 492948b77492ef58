import { getCatalog, insertCategory, insertIndicator } from '../../catalog/catalog.ts';
import { writeBatch } from '../../history/change-log.ts';
import type { Handlers } from './types.ts';

export const catalogHandlers: Handlers<'catalog.get' | 'catalog.createIndicator' | 'catalog.createCategory'> = {
  'catalog.get': (_input, ctx) => getCatalog(ctx.db),
  'catalog.createIndicator': (input, ctx) =>
    writeBatch(ctx, `新增指标「${input.name}」`, (log) => insertIndicator(ctx, log, input)),
  'catalog.createCategory': (input, ctx) =>
    writeBatch(ctx, `新增分类「${input.name}」`, (log) => insertCategory(ctx, log, input)),
};
