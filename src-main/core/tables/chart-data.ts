// Chart data from the store, through the one figure reader: a park's indicators over periods (with
// last year's figures for 同比 and the targets), or parks for one period. The figures leave here
// as stored; shared/chart converts and words them.

import type { ChartFigure, ChartIndicator, ChartPark, ChartPeriod, RankData, TrendData } from '../../shared/chart/model.ts';
import type { RoundingMode } from '../../shared/figure/exact.ts';
import type { Indicator, ValueKind } from '../../shared/model.ts';
import type { FigureMap, FigureReader, ReportedFigure } from '../figures/read-figures.ts';
import { toPeriod, type ParkRow, type PeriodRow } from '../repos/rows.ts';

export const chartIndicator = (i: Indicator): ChartIndicator => ({ id: i.id, name: i.name, unit: i.unit, decimals: i.decimals, kind: i.kind });
export const chartPark = (p: Pick<ParkRow, 'id' | 'name'>): ChartPark => ({ id: p.id, name: p.name });
export const chartPeriod = (p: PeriodRow): ChartPeriod => ({ id: p.id, key: p.key, label: toPeriod(p).label });

function chartFigure(f: ReportedFigure | undefined): ChartFigure | null {
  return f ? { value: f.value, unit: f.unit, qualifier: f.qualifier, growth: f.growth } : null;
}

const column = (maps: readonly FigureMap[], pk: number) => maps.map((m) => chartFigure(m.get(pk)));

export interface TrendRequest {
  park: ParkRow;
  periods: readonly PeriodRow[];
  indicators: readonly (Indicator & { pk: number })[];
  kind: ValueKind;
  rounding: RoundingMode;
}

/** One park's indicators over `periods` (oldest first). Targets are drawn beside actual figures only. */
export function trendData(reader: FigureReader, r: TrendRequest): TrendData {
  const pks = r.periods.map((p) => p.pk);
  const figures = reader.series(r.park.pk, pks, r.kind);
  const previous = reader.series(r.park.pk, r.periods.map((p) => reader.previousYearPk(p)), 'actual');
  const targets = r.kind === 'actual' ? reader.series(r.park.pk, pks, 'target') : [];
  return {
    kind: 'trend',
    park: chartPark(r.park),
    periods: r.periods.map(chartPeriod),
    rounding: r.rounding,
    series: r.indicators.map((ind) => ({
      indicator: chartIndicator(ind),
      figures: column(figures, ind.pk),
      previous: column(previous, ind.pk),
      targets: targets.length ? column(targets, ind.pk) : r.periods.map(() => null),
    })),
  };
}

export interface RankRequest {
  period: PeriodRow;
  parks: readonly ParkRow[];
  indicator: Indicator & { pk: number };
  kind: ValueKind;
  rounding: RoundingMode;
}

/** One indicator of every park in `parks` for one period, with last year's figure for 同比 and the targets. */
export function rankData(reader: FigureReader, r: RankRequest, read = readParks(reader, r)): RankData {
  return {
    kind: 'rank',
    period: chartPeriod(r.period),
    indicator: chartIndicator(r.indicator),
    parks: r.parks.map(chartPark),
    figures: r.parks.map((p) => chartFigure(read.current.get(p.pk)?.get(r.indicator.pk))),
    previous: r.parks.map((p) => chartFigure(read.previous.get(p.pk)?.get(r.indicator.pk))),
    targets: r.parks.map((p) => chartFigure(read.targets.get(p.pk)?.get(r.indicator.pk))),
    rounding: r.rounding,
  };
}

export interface ParkFigures {
  current: Map<number, FigureMap>;
  previous: Map<number, FigureMap>;
  /** The period's targets, beside actual figures only (as trendData reads them). */
  targets: Map<number, FigureMap>;
}

/** Every park's figures of the period, of a year earlier and its targets, read once for all the indicators of an overview. */
export function readParks(reader: FigureReader, r: Pick<RankRequest, 'period' | 'parks' | 'kind'>): ParkFigures {
  const pks = r.parks.map((p) => p.pk);
  return {
    current: reader.acrossParks(pks, r.period.pk, r.kind),
    previous: reader.acrossParks(pks, reader.previousYearPk(r.period), 'actual'),
    targets: r.kind === 'actual' ? reader.acrossParks(pks, r.period.pk, 'target') : new Map(),
  };
}
