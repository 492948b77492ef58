// The one entry from chart data to an ECharts option: the app's side panel, the overview, the
// document preview, the Word export and the PNG fallback all go through here.

import { describeCompare } from './compare.ts';
import type { ChartDescription } from './frame.ts';
import type { ChartData, ChartLanguage } from './model.ts';
import { describeRank } from './rank.ts';
import { describeTrend } from './trend.ts';

export type { ChartDescription } from './frame.ts';

export function describeChart(data: ChartData, lang: ChartLanguage = 'zh', title?: string): ChartDescription {
  if (data.kind === 'rank') return describeRank(data, lang, title);
  return data.series.length === 1 ? describeTrend(data, lang, title) : describeCompare(data, lang, title);
}
