import { getIndicatorsByIds } from '../../catalog/catalog.ts';
import { trendData } from '../../tables/chart-data.ts';
import { readOverview } from '../../tables/overview.ts';
import { FigureReader } from '../../figures/read-figures.ts';
import { getParkRow } from '../../repos/parks.ts';
import { getPeriodRow } from '../../repos/periods.ts';
import { readSettings } from '../../settings/settings.ts';
import { tableColumns } from '../../tables/period-columns.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Handlers } from './types.ts';

export const chartHandlers: Handlers<'charts.trend' | 'charts.overview'> = {
  'charts.trend': (input, ctx) => {
    const park = getParkRow(ctx.db, input.parkId);
    const period = getPeriodRow(ctx.db, input.periodId);
    const found = getIndicatorsByIds(ctx.db, input.indicatorIds);
    const indicators = [...new Set(input.indicatorIds)].map((id) => {
      const ind = found.get(id);
      if (!ind) throw new AppError('INDICATOR_NOT_FOUND', { indicator: id });
      return ind;
    });
    const periods = tableColumns(ctx.db, park, period, input.kind, input.periodIds);
    return trendData(new FigureReader(ctx.db), { park, periods, indicators, kind: input.kind, rounding: readSettings(ctx.db).rounding });
  },
  'charts.overview': (input, ctx) => readOverview(ctx.db, getPeriodRow(ctx.db, input.periodId), input.kind),
};
