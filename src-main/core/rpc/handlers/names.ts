import type { ResolvedNames } from '../../../shared/contract.ts';
import { findIndicator } from '../../catalog/catalog.ts';
import { findParkByName } from '../../repos/parks.ts';
import { requirePeriodByKey } from '../../repos/periods.ts';
import { toPeriod } from '../../repos/rows.ts';
import { yearColumns } from '../../tables/period-columns.ts';
import type { Handlers } from './types.ts';

export const nameHandlers: Handlers<'names.resolve'> = {
  // In a fixed order, so that of several unknown names the same one is reported every time.
  'names.resolve': (input, { db }) => {
    const found: ResolvedNames = {};
    if (input.park !== undefined) found.park = findParkByName(db, input.park);
    if (input.parks !== undefined) found.parks = input.parks.map((name) => findParkByName(db, name));
    if (input.period !== undefined) found.period = requirePeriodByKey(db, input.period);
    if (input.indicator !== undefined) found.indicator = findIndicator(db, input.indicator);
    if (input.years !== undefined) found.years = yearColumns(db, input.years).map(toPeriod);
    return found;
  },
};
