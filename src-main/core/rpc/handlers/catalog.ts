import { findIndicator, insertCategory, insertIndicator } from '../../catalog/catalog.ts';
import { getCatalog } from '../../catalog/get-catalog.ts';
import { indicatorRow, mergeIndicators, moveIndicator, setRetired, updateIndicator } from '../../catalog/edit-indicator.ts';
import { addQualifier, addUnit, loadFigureWords } from '../../catalog/figure-words.ts';
import { getParkRow } from '../../repos/parks.ts';
import { AppError } from '../../../shared/errors.ts';
import { applyCatalogImport, previewCatalogImport } from '../../imports/catalog-import.ts';
import { exportCatalogWorkbook } from '../../tables/catalog-workbook.ts';
import { factorText } from '../../../shared/figure/units.ts';
import { writeBatch } from '../../history/change-log.ts';
import { historyLabel } from '../../../shared/history-labels.ts';
import { IndicatorMatcher } from '../../catalog/match-indicator.ts';
import type { Handlers } from './types.ts';
import type { CoreContext } from '../../context.ts';
import type { ChangeLog } from '../../history/change-log.ts';

/** The category an indicator made without one goes to: 其他, made the first time it is needed. */
function otherCategory(ctx: CoreContext, log: ChangeLog): string {
  const code = ctx.db.prepare("SELECT code FROM categories WHERE name = '其他'").pluck().get() as string | undefined;
  return code ?? insertCategory(ctx, log, { name: '其他', nameEn: 'Other' }).code;
}

export const catalogHandlers: Handlers<
  | 'catalog.get'
  | 'catalog.match'
  | 'catalog.createIndicator'
  | 'catalog.updateIndicator'
  | 'catalog.mergeIndicators'
  | 'catalog.retireIndicator'
  | 'catalog.moveIndicator'
  | 'catalog.addUnit'
  | 'catalog.addQualifier'
  | 'catalog.createCategory'
  | 'catalog.export'
  | 'catalog.importPreview'
  | 'catalog.importApply'
> = {
  'catalog.export': async (_input, ctx) => {
    if (!ctx.host) throw new AppError('INTERNAL', { detail: 'no host to deliver files' });
    return ctx.host.deliver(await exportCatalogWorkbook(ctx));
  },
  'catalog.importPreview': (input, ctx) => previewCatalogImport(ctx, input.fileName, Buffer.from(input.base64, 'base64')),
  'catalog.importApply': (input, ctx) => applyCatalogImport(ctx, input.previewId),
  'catalog.get': (_input, ctx) => getCatalog(ctx.db),
  'catalog.match': (input, ctx) => {
    const matcher = new IndicatorMatcher(ctx.db);
    return input.texts.map((t) => {
      const m = matcher.match(t);
      return m && { indicatorId: m.indicator.id, name: m.indicator.name, by: m.by };
    });
  },
  'catalog.createIndicator': (input, ctx) =>
    writeBatch(ctx, historyLabel('addIndicator', { name: input.name }), (log) => {
      const { aliases, onlyParkId, parentCode, ...fields } = input;
      const categoryCode = fields.categoryCode ?? otherCategory(ctx, log);
      const made = insertIndicator(ctx, log, { ...fields, categoryCode, onlyPark: onlyParkId ? getParkRow(ctx.db, onlyParkId).pk : null });
      // Parent and aliases are checked against the catalogue as it now is, the new indicator in it.
      if (parentCode || aliases?.length) updateIndicator(ctx, log, made.id, { parentCode: parentCode ?? undefined, aliases });
      return findIndicator(ctx.db, made.code);
    }),
  'catalog.updateIndicator': (input, ctx) => {
    const { id, ...patch } = input;
    return writeBatch(ctx, historyLabel('editIndicator', { name: indicatorRow(ctx.db, id).name }), (log) => updateIndicator(ctx, log, id, patch));
  },
  'catalog.mergeIndicators': (input, ctx) =>
    writeBatch(ctx, historyLabel('mergeIndicator', { name: indicatorRow(ctx.db, input.fromId).name }), (log) => mergeIndicators(ctx, log, input.fromId, input.intoId)),
  'catalog.retireIndicator': (input, ctx) =>
    writeBatch(ctx, historyLabel(input.retired ? 'retireIndicator' : 'restoreIndicator', { name: indicatorRow(ctx.db, input.id).name }), (log) =>
      setRetired(ctx, log, input.id, input.retired),
    ),
  'catalog.moveIndicator': (input, ctx) =>
    writeBatch(ctx, historyLabel('reorderIndicators'), (log) => {
      moveIndicator(ctx, log, input.id, input.direction);
      return { moved: log.changes > 0 };
    }),
  'catalog.addUnit': (input, ctx) => {
    const u = writeBatch(ctx, historyLabel('addUnit', { name: input.code }), (log) => addUnit(ctx, log, input));
    loadFigureWords(ctx.db);
    return { code: u.code, dimension: u.dimension, en: u.en, factor: factorText(u.factor), builtin: false };
  },
  'catalog.addQualifier': (input, ctx) => {
    const q = writeBatch(ctx, historyLabel('addQualifier', { name: input.code }), (log) => addQualifier(ctx, log, input));
    loadFigureWords(ctx.db);
    return { ...q, builtin: false };
  },
  'catalog.createCategory': (input, ctx) =>
    writeBatch(ctx, historyLabel('addCategory', { name: input.name }), (log) => insertCategory(ctx, log, input)),
};
