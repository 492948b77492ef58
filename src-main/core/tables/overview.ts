// 概览: all parks for one period. The key indicators are the ones most parks report for it (a
// province's parks report GDP and revenue, a single park may report anything), top-level rows only,
// ties in catalogue order; each is ranked across the parks.

import type { Overview } from '../../shared/chart/model.ts';
import type { ValueKind } from '../../shared/model.ts';
import { FigureReader } from '../figures/read-figures.ts';
import type { PeriodRow } from '../repos/rows.ts';
import { readSettings } from '../settings/settings.ts';
import type { Db } from '../store/open.ts';
import { readCatalogView } from './catalog-lines.ts';
import { allParks } from '../repos/parks.ts';
import { chartPark, chartPeriod, rankData, readParks } from './chart-data.ts';

export const OVERVIEW_INDICATORS = 6;

export function readOverview(db: Db, period: PeriodRow, kind: ValueKind): Overview {
  const reader = new FigureReader(db);
  const parks = allParks(db);
  const rounding = readSettings(db).rounding;
  const read = readParks(reader, { period, parks, kind });
  const reported = (pk: number) => parks.filter((p) => read.current.get(p.pk)?.get(pk)?.value != null).length;
  const key = readCatalogView(db)
    .indicators.filter((i) => i.parentCode === null)
    .map((ind, order) => ({ ind, order, count: reported(ind.pk) }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, OVERVIEW_INDICATORS);
  return {
    period: chartPeriod(period),
    parks: parks.map(chartPark),
    indicators: key.map(({ ind }) => rankData(reader, { period, parks, indicator: ind, kind, rounding }, read)),
  };
}
