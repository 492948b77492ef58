// The one entry from chart data to an ECharts option: the app's side panel, the overview, the
// document preview, the Word export and the PNG fallback all go through here.

import { describeCompare } from './compare.ts';
import type { ChartDescription, DescribeOptions } from './frame.ts';
import type { ChartData } from './model.ts';
import { describeRank } from './rank.ts';
import { describeTrend } from './trend.ts';

export type { ChartDescription, DescribeOptions } from './frame.ts';

export function describeChart(data: ChartData, options: DescribeOptions = {}): ChartDescription {
  if (data.kind === 'rank') return describeRank(data, options);
  return data.series.length === 1 ? describeTrend(data, options) : describeCompare(data, options);
}

/**
 * The width a document's chart is drawn at for a column `column` px wide: the column's width, but
 * no narrower than 380 px (the page then scales the drawing down, its 12 px type to about 7.5 pt
 * in the magazine's 8 cm column) and no wider than the charts are designed for.
 */
export function documentChartWidth(column: number): number {
  return Math.max(380, Math.min(Math.round(column), 640));
}
