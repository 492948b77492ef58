import { writeBatch } from '../../history/change-log.ts';
import { deletePark, getParkRow, insertPark, listParks, updatePark } from '../../repos/parks.ts';
import { canonicalPeriodKey, deletePeriod, ensurePeriod, findPeriodByKey, getPeriodRow, listPeriods, updatePeriodKey } from '../../repos/periods.ts';
import { AppError } from '../../../shared/errors.ts';
import { historyLabel } from '../../../shared/history-labels.ts';
import type { Handlers } from './types.ts';

export const parkHandlers: Handlers<
  'parks.list' | 'parks.create' | 'parks.update' | 'parks.delete' | 'periods.list' | 'periods.create' | 'periods.update' | 'periods.delete'
> = {
  'parks.list': (_input, ctx) => listParks(ctx.db),
  'parks.create': (input, ctx) => writeBatch(ctx, historyLabel('addPark', { name: input.name }), (log) => insertPark(ctx, log, input)),
  'parks.update': (input, ctx) => {
    const { id, ...patch } = input;
    return writeBatch(ctx, historyLabel('renamePark', { name: getParkRow(ctx.db, id).name }), (log) => updatePark(ctx, log, id, patch));
  },
  'parks.delete': (input, ctx) =>
    writeBatch(ctx, historyLabel('deletePark', { name: getParkRow(ctx.db, input.id).name }), (log) => deletePark(ctx, log, input.id, input.cascade)),
  'periods.update': (input, ctx) =>
    writeBatch(ctx, historyLabel('renamePeriod', { name: getPeriodRow(ctx.db, input.id).key }), (log) => updatePeriodKey(ctx, log, input.id, input.key)),
  'periods.delete': (input, ctx) =>
    writeBatch(ctx, historyLabel('deletePeriod', { name: getPeriodRow(ctx.db, input.id).key }), (log) => deletePeriod(ctx, log, input.id, input.cascade)),
  'periods.list': (input, ctx) => listPeriods(ctx.db, input.parkId === undefined ? undefined : getParkRow(ctx.db, input.parkId).pk),
  'periods.create': (input, ctx) => {
    const key = canonicalPeriodKey(input.key);
    if (findPeriodByKey(ctx.db, key)) throw new AppError('DUPLICATE_NAME', { what: 'period', name: key });
    return writeBatch(ctx, historyLabel('addPeriod', { name: key }), (log) => ensurePeriod(ctx, log, key));
  },
};
