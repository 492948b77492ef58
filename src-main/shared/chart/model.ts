// What a chart is drawn from: figures as stored (decimal text in their own unit, with qualifier and
// reported growth), read by core/figures/read-figures.ts and carried over the contract unchanged, so
// that the app and the exports describe a chart from the same data with the same code.

import type { RoundingMode } from '../figure/exact.ts';
import type { MeasureKind } from '../model.ts';

export interface ChartFigure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  /** A growth rate as reported (增长42.5%), which takes precedence over one computed. */
  growth: string | null;
}

export interface ChartIndicator {
  id: string;
  name: string;
  /** The catalogue unit: the axis is in it, and every figure is converted into it. */
  unit: string;
  decimals: number;
  kind: MeasureKind;
}

export interface ChartPeriod {
  id: string;
  key: string;
  label: string;
}

export interface ChartPark {
  id: string;
  name: string;
}

/** One indicator of one park over periods. */
export interface TrendSeries {
  indicator: ChartIndicator;
  /** One per period; null where the period has no figure (a gap, never a zero). */
  figures: (ChartFigure | null)[];
  /** The actual figure of the same period a year earlier, for 同比. */
  previous: (ChartFigure | null)[];
  /** The target (plan) figure of each period, drawn as a marker. */
  targets: (ChartFigure | null)[];
}

/** A park's indicators over its periods: one indicator is a trend, several are compared. */
export interface TrendData {
  kind: 'trend';
  park: ChartPark;
  periods: ChartPeriod[];
  series: TrendSeries[];
  rounding: RoundingMode;
}

/** One indicator of many parks for one period, ranked. */
export interface RankData {
  kind: 'rank';
  period: ChartPeriod;
  indicator: ChartIndicator;
  parks: ChartPark[];
  figures: (ChartFigure | null)[];
  /** Each park's actual figure of the same period a year earlier: the overview's 同比 column. */
  previous: (ChartFigure | null)[];
  /** Each park's target (plan) figure of the period, marked on its bar; absent where none was read. */
  targets?: (ChartFigure | null)[];
  rounding: RoundingMode;
}

export type ChartData = TrendData | RankData;

export type ChartLanguage = 'zh' | 'en';

/** 概览: every park for one period, the indicators most of them report, each ranked. */
export interface Overview {
  period: ChartPeriod;
  parks: ChartPark[];
  indicators: RankData[];
}
