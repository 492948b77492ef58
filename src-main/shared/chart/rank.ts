// Parks ranked by one indicator for one period: horizontal bars, the best on top (the shortest
// approval time, the largest everything else), places shared by equal figures as in the comparison
// table. Parks without a figure stay in the list below the ranked ones, as a gap; a figure in
// another currency is left out with a note.

import type { EChartsOption } from 'echarts';
import { ranksOf } from '../figure/rank.ts';
import { frame, NOTE_LINE, unitAxisName, valueAxis, type ChartDescription, type DescribeOptions } from './frame.ts';
import type { RankData } from './model.ts';
import { pointOf } from './points.ts';
import { fillOf, INK } from './style.ts';
import { barItem, pointNotes } from './trend.ts';

const ROW = 26;

export function describeRank(data: RankData, { lang = 'zh', title, width = 640 }: DescribeOptions = {}): ChartDescription {
  const ind = data.indicator;
  const points = data.figures.map((f) => pointOf(f, ind, data.rounding));
  const ranks = ranksOf(ind, points.map((p) => p.value));
  const order = data.parks.map((_, i) => i);
  // Ranked first by place, then the parks without one in the order given.
  order.sort((a, b) => (ranks[a] ?? Infinity) - (ranks[b] ?? Infinity) || a - b);
  const notes = pointNotes([{ who: '', into: ind.unit, points, labels: data.parks.map((p) => p.name) }], lang);
  const heading = title ?? `${data.period.label}${ind.name}`;
  const categories = order.map((i) => (ranks[i] ? `${ranks[i]}. ${data.parks[i]!.name}` : data.parks[i]!.name));
  const option: EChartsOption = {
    ...frame(heading, notes, [], width),
    xAxis: valueAxis(unitAxisName(ind.unit), { position: 'top' }) as EChartsOption['xAxis'],
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { color: INK }, axisLine: { lineStyle: { color: INK } } },
    series: [
      {
        type: 'bar',
        name: ind.name,
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: INK, fontSize: 11 },
        // parkId travels with the bar so that a click in the app can open that park.
        data: order.map((i) => ({ ...barItem(points[i]!, fillOf(0)), parkId: data.parks[i]!.id })),
      },
    ] as EChartsOption['series'],
  };
  const height = 96 + ROW * data.parks.length + notes.length * NOTE_LINE;
  return { title: heading, notes, size: { width, height }, option };
}
