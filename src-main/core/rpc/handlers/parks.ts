import { writeBatch } from '../../history/change-log.ts';
import { insertPark, listParks } from '../../repos/parks.ts';
import { canonicalPeriodKey, ensurePeriod, findPeriodByKey, listPeriods } from '../../repos/periods.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from './types.ts';

export const parkHandlers: Handlers<'parks.list' | 'parks.create' | 'periods.list' | 'periods.create'> = {
  'parks.list': (_input, ctx) => listParks(ctx.db),
  'parks.create': (input, ctx) => writeBatch(ctx, `新增园区「${input.name}」`, (log) => insertPark(ctx, log, input)),
  'periods.list': (_input, ctx) => listPeriods(ctx.db),
  'periods.create': (input, ctx) => {
    const key = canonicalPeriodKey(input.key);
    if (findPeriodByKey(ctx.db, key)) throw new AppError('DUPLICATE_NAME', { what: 'period', name: key });
    return writeBatch(ctx, `新增期别「${key}」`, (log) => ensurePeriod(ctx, log, key));
  },
};
