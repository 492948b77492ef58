// A chart in the magazine at the size the Word export draws it: a column wide, by the chart's own
// description. The preview lays and draws it so, and the render tests count the pages with it.
import type { ResolvedChart } from '../document.ts';
import { describeChart, documentChartWidth } from '../chart/describe.ts';
import { COLUMN_WIDTH } from './magazine.ts';
import { pxFromTwips } from './page.ts';

export const magazineChartWidth = documentChartWidth(pxFromTwips(COLUMN_WIDTH));
export const magazineChartSize = (chart: ResolvedChart) => describeChart(chart.data, { title: chart.title ?? undefined, width: magazineChartWidth }).size;
