// Several indicators of one park compared over its periods: a bar per indicator and period, told
// apart by lightness and pattern. Each unit gets its own axis (亿元 left, 个 right); indicators in
// a third unit are left out with a note rather than drawn on an axis that is not theirs. Nothing is
// added up, so figures in different currencies stand side by side on their own axes.

import type { EChartsOption } from 'echarts';
import { frame, unitAxisName, valueAxis, type ChartDescription, type DescribeOptions } from './frame.ts';
import type { TrendData } from './model.ts';
import { pointOf } from './points.ts';
import { fillOf, patternOf, WORDS } from './style.ts';
import { barItem, pointNotes, trendSize } from './trend.ts';

const MAX_AXES = 2;

export function describeCompare(data: TrendData, { lang = 'zh', title, width }: DescribeOptions = {}): ChartDescription {
  const w = WORDS[lang];
  const labels = data.periods.map((p) => p.label);
  const units = [...new Set(data.series.map((s) => s.indicator.unit))];
  const drawn = data.series.filter((s) => units.indexOf(s.indicator.unit) < MAX_AXES);
  const left = data.series.filter((s) => !drawn.includes(s));
  const rows = drawn.map((s) => ({ who: s.indicator.name, into: s.indicator.unit, points: s.figures.map((f) => pointOf(f, s.indicator, data.rounding)), labels }));
  const notes = pointNotes(rows, lang);
  if (left.length) notes.push(w.otherAxis(left.map((s) => s.indicator.name).join(w.sep)));

  const series = drawn.map((s, i) => ({
    type: 'bar',
    name: `${s.indicator.name}（${unitAxisName(s.indicator.unit)}）`,
    yAxisIndex: units.indexOf(s.indicator.unit),
    barMaxWidth: 32,
    label: { show: drawn.length <= 3, position: 'top', fontSize: 10 },
    itemStyle: { color: fillOf(i), decal: patternOf(i), borderColor: '#1a1a1a', borderWidth: 0.5 },
    data: rows[i]!.points.map((p) => barItem(p, fillOf(i), patternOf(i))),
  }));
  const axes = units.slice(0, MAX_AXES).map((u, i) => valueAxis(unitAxisName(u), i ? { splitLine: { show: false } } : {}));
  const heading = title ?? data.park.name + data.series.map((s) => s.indicator.name).join(w.sep);
  const size = trendSize(width);
  const option: EChartsOption = {
    ...frame(heading, notes, series.map((x) => x.name), size.width),
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
    yAxis: axes as EChartsOption['yAxis'],
    series: series as EChartsOption['series'],
  };
  return { title: heading, notes, size, option };
}
