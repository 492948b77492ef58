// Several indicators of one park compared over its periods: a bar per indicator and period, told
// apart by lightness and pattern. Each unit gets its own axis (亿元 left, 个 right); indicators in
// a third unit are left out with a note rather than drawn on an axis that is not theirs. Nothing is
// added up, so figures in different currencies stand side by side on their own axes. A target the
// store holds is a rule across its own bar, as on the trend chart.

import type { EChartsOption } from 'echarts';
import { frame, periodText, unitAxisName, valueAxis, type ChartDescription, type DescribeOptions } from './frame.ts';
import type { TrendData } from './model.ts';
import { pointOf } from './points.ts';
import { fillOf, INK, patternOf, TARGET_KEY, WORDS } from './style.ts';
import { barItem, pointNotes, trendSize } from './trend.ts';

const MAX_AXES = 2;
const BAR_MAX = 32;

/**
 * A target's rule, a little wider than its bar: the bar's width as ECharts lays out a group (the
 * plot between the grid's 56 px margins, 20 % of each period left between groups, 30 % of a bar
 * between bars), at most BAR_MAX.
 */
function targetRuleWidth(chartWidth: number, periods: number, bars: number): number {
  const group = ((chartWidth - 2 * 56) / Math.max(1, periods)) * 0.8;
  const bar = Math.min(BAR_MAX, group / (bars + (bars - 1) * 0.3));
  return Math.round(bar + 6);
}

export function describeCompare(data: TrendData, { lang = 'zh', title, width }: DescribeOptions = {}): ChartDescription {
  const w = WORDS[lang];
  const labels = data.periods.map((p) => periodText(p, lang));
  const units = [...new Set(data.series.map((s) => s.indicator.unit))];
  const drawn = data.series.filter((s) => units.indexOf(s.indicator.unit) < MAX_AXES);
  const left = data.series.filter((s) => !drawn.includes(s));
  const rows = drawn.map((s) => ({ who: s.indicator.name, into: s.indicator.unit, points: s.figures.map((f) => pointOf(f, s.indicator, data.rounding)), labels }));
  const targets = drawn.map((s) => s.targets.map((f) => pointOf(f, s.indicator, data.rounding)));
  const hasTargets = targets.some((t) => t.some((p) => p.value !== null));
  const notes = pointNotes(
    rows.map((r, i) => (hasTargets ? { ...r, points: [...r.points, ...targets[i]!], labels: [...labels, ...labels.map((l) => `${l}${w.target}`)] } : r)),
    lang,
  );
  if (left.length) notes.push(w.otherAxis(left.map((s) => s.indicator.name).join(w.sep)));

  const size = trendSize(width);
  const labelled = drawn.length <= 3;
  const rule = [targetRuleWidth(size.width, labels.length, drawn.length), 3];
  const series: Record<string, unknown>[] = drawn.map((s, i) => ({
    type: 'bar',
    name: `${s.indicator.name}（${unitAxisName(s.indicator.unit)}）`,
    yAxisIndex: units.indexOf(s.indicator.unit),
    barMaxWidth: BAR_MAX,
    label: { show: labelled, position: 'top', fontSize: 10 },
    itemStyle: { color: fillOf(i), decal: patternOf(i), borderColor: '#1a1a1a', borderWidth: 0.5 },
    // As on the trend chart: where a target's rule crosses a bar, the figure goes inside the bar's top.
    data: rows[i]!.points.map((p, period) => {
      const item = barItem(p, fillOf(i), patternOf(i));
      return targets[i]![period]!.value === null ? item : { ...item, label: { ...(item.label as object), position: 'insideTop', color: '#ffffff' } };
    }),
    // A mark of the bar series sits on that series' own bar of the group (a scatter would sit mid-group).
    ...(targets[i]!.some((t) => t.value !== null)
      ? {
          markPoint: {
            symbol: 'rect',
            symbolSize: rule,
            itemStyle: { color: INK },
            label: { show: labelled, position: 'top', color: INK, fontSize: 10 },
            data: targets[i]!.flatMap((t, period) => (t.value === null ? [] : [{ coord: [period, t.value], value: t.value, label: { formatter: `${w.target}${t.label}` } }])),
          },
        }
      : {}),
  }));
  if (hasTargets) {
    // What the rule means, in the legend: a series without points, its key a line as dark as the
    // rules (a scatter's default opacity would grey it).
    series.push({ type: 'scatter', name: w.target, symbol: 'rect', symbolSize: rule, itemStyle: { color: INK, opacity: 1 }, data: [] });
    // Marks do not stretch an axis: each axis gets its targets as points that draw nothing, so a target above every bar stays in the plot.
    units.slice(0, MAX_AXES).forEach((u, axis) => {
      const onAxis = drawn.flatMap((s, i) => (s.indicator.unit === u ? targets[i]!.flatMap((t, period) => (t.value === null ? [] : [[period, t.value]])) : []));
      if (onAxis.length) series.push({ type: 'scatter', yAxisIndex: axis, symbol: 'none', silent: true, tooltip: { show: false }, data: onAxis });
    });
  }
  const axes = units.slice(0, MAX_AXES).map((u, i) => valueAxis(unitAxisName(u), i ? { splitLine: { show: false } } : {}));
  const heading = title ?? data.park.name + data.series.map((s) => s.indicator.name).join(w.sep);
  const option: EChartsOption = {
    ...frame(heading, notes, series.flatMap((x) => (typeof x.name === 'string' ? [x.name] : [])), size.width, { [w.target]: TARGET_KEY.across }),
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
    yAxis: axes as EChartsOption['yAxis'],
    series: series as EChartsOption['series'],
  };
  return { title: heading, notes, size, option };
}
