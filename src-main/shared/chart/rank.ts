// Parks ranked by one indicator for one period: horizontal bars, the best on top (the shortest
// approval time, the largest everything else), places shared by equal figures as in the comparison
// table. Parks without a figure stay in the list below the ranked ones, as a gap; a figure in
// another currency is left out with a note. A park's target is a rule across its bar, as on the
// trend and comparison charts, with the park's figure then inside the bar's end.

import type { EChartsOption } from 'echarts';
import { ranksOf } from '../figure/rank.ts';
import { frame, LEGEND_ROW, NOTE_LINE, periodText, unitAxisName, valueAxis, type ChartDescription, type DescribeOptions } from './frame.ts';
import type { RankData } from './model.ts';
import { pointOf } from './points.ts';
import { fillOf, INK, TARGET_KEY, WORDS } from './style.ts';
import { barItem, pointNotes } from './trend.ts';

const ROW = 26;
const BAR_MAX = 18;

export function describeRank(data: RankData, { lang = 'zh', title, width = 640 }: DescribeOptions = {}): ChartDescription {
  const ind = data.indicator;
  const points = data.figures.map((f) => pointOf(f, ind, data.rounding));
  const ranks = ranksOf(ind, points.map((p) => p.value));
  const order = data.parks.map((_, i) => i);
  // Ranked first by place, then the parks without one in the order given.
  order.sort((a, b) => (ranks[a] ?? Infinity) - (ranks[b] ?? Infinity) || a - b);
  const w = WORDS[lang];
  const targets = data.parks.map((_, i) => pointOf(data.targets?.[i] ?? null, ind, data.rounding));
  const hasTargets = targets.some((t) => t.value !== null);
  const parkNames = data.parks.map((p) => p.name);
  const notes = pointNotes([{ who: '', into: ind.unit, points: [...points, ...targets], labels: [...parkNames, ...parkNames.map((n) => `${n}${w.target}`)] }], lang);
  const heading = title ?? (lang === 'en' ? `${ind.name}, ${periodText(data.period, lang)}` : `${data.period.label}${ind.name}`);
  const categories = order.map((i) => (ranks[i] ? `${ranks[i]}. ${data.parks[i]!.name}` : data.parks[i]!.name));
  const rule = [3, BAR_MAX + 6];
  // A target past the bar's end is written after its rule, the figure moving inside the bar's end; one
  // within the bar is written before its rule, over the bar, and the figure stays after the bar.
  const beyond = (i: number) => targets[i]!.value !== null && (points[i]!.value ?? 0) < targets[i]!.value!;
  const series: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: ind.name,
      barMaxWidth: BAR_MAX,
      label: { show: true, position: 'right', color: INK, fontSize: 11 },
      // parkId travels with the bar so that a click in the app can open that park.
      data: order.map((i) => {
        const item: Record<string, unknown> = { ...barItem(points[i]!, fillOf(0)), parkId: data.parks[i]!.id };
        return points[i]!.value !== null && beyond(i) ? { ...item, label: { ...(item.label as object), position: 'insideRight', color: '#ffffff' } } : item;
      }),
      ...(hasTargets
        ? {
            markPoint: {
              symbol: 'rect',
              symbolSize: rule,
              itemStyle: { color: INK },
              // Outlined in white: a target within the bar is written over it.
              label: { show: true, color: INK, fontSize: 11, textBorderColor: '#ffffff', textBorderWidth: 2 },
              data: order.flatMap((i, row) =>
                targets[i]!.value === null ? [] : [{ coord: [targets[i]!.value, row], value: targets[i]!.value, label: { formatter: `${w.target}${targets[i]!.label}`, position: beyond(i) ? 'right' : 'left' } }],
              ),
            },
          }
        : {}),
    },
  ];
  if (hasTargets) {
    series.push({ type: 'scatter', name: w.target, symbol: 'rect', symbolSize: rule, itemStyle: { color: INK, opacity: 1 }, data: [] });
    // Marks do not stretch the axis: the targets as points that draw nothing keep every rule inside the plot.
    series.push({ type: 'scatter', symbol: 'none', silent: true, tooltip: { show: false }, data: order.flatMap((i, row) => (targets[i]!.value === null ? [] : [[targets[i]!.value, row]])) });
  }
  const option: EChartsOption = {
    ...frame(heading, notes, hasTargets ? [w.target] : [], width, { [w.target]: TARGET_KEY.upright }),
    xAxis: valueAxis(unitAxisName(ind.unit), { position: 'top' }) as EChartsOption['xAxis'],
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { color: INK }, axisLine: { lineStyle: { color: INK } } },
    series: series as EChartsOption['series'],
  };
  const height = 96 + ROW * data.parks.length + notes.length * NOTE_LINE + (hasTargets ? LEGEND_ROW + 4 : 0);
  return { title: heading, notes, size: { width, height }, option };
}
