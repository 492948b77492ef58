// The trend of one indicator over a park's periods: bars for the figures (in the indicator's unit),
// a line for 同比 on its own axis (% or 个百分点 for a rate), the targets as a rule across the column. A
// period without a figure is a gap in bars and line alike, never a zero.

import type { EChartsOption } from 'echarts';
import { frame, periodText, unitAxisName, valueAxis, type ChartDescription, type DescribeOptions } from './frame.ts';
import type { ChartLanguage, TrendData } from './model.ts';
import { growthOf, pointOf, type Point } from './points.ts';
import { APPROX_DECAL, fillOf, INK, TARGET_KEY, WORDS } from './style.ts';

export const TREND_SIZE = { width: 640, height: 360 };

const MIN_HEIGHT = 260;

/** A trend or comparison drawn `width` wide: 16:9, but never too low for title, plot and legend. */
export function trendSize(width = TREND_SIZE.width): { width: number; height: number } {
  return { width, height: Math.max(MIN_HEIGHT, Math.round((width * TREND_SIZE.height) / TREND_SIZE.width)) };
}

/** A bar's data item: hatched and labelled as copy writes it when approximate. */
export function barItem(p: Point, fill: string, decal?: Record<string, unknown>): Record<string, unknown> {
  return {
    value: p.value,
    label: { show: p.value !== null, formatter: p.label ?? '' },
    itemStyle: { color: fill, decal: p.approx ? APPROX_DECAL : decal },
  };
}

/**
 * Notes for figures left out (another currency) and for hatching, in the order a reader meets them;
 * and, when nothing at all is drawn (no figure, none left out, nothing `drawnBesides` such as a
 * growth line), that the chart is empty on purpose — empty axes alone read as a chart that failed.
 */
export function pointNotes(rows: { who: string; into: string; points: Point[]; labels: string[] }[], lang: ChartLanguage, drawnBesides = false): string[] {
  const w = WORDS[lang];
  const notes: string[] = [];
  if (!drawnBesides && rows.every((r) => r.points.every((p) => p.value === null && !p.excludedUnit))) notes.push(w.none);
  for (const r of rows) {
    const byUnit = new Map<string, string[]>();
    r.points.forEach((p, i) => {
      if (p.excludedUnit) byUnit.set(p.excludedUnit, [...(byUnit.get(p.excludedUnit) ?? []), r.labels[i]!]);
    });
    for (const [unit, labels] of byUnit) notes.push(w.excluded(`${r.who}${labels.join(w.sep)}`, unit, r.into));
  }
  if (rows.some((r) => r.points.some((p) => p.approx))) notes.push(w.approx);
  return notes;
}

export function describeTrend(data: TrendData, { lang = 'zh', title, width }: DescribeOptions = {}): ChartDescription {
  const s = data.series[0];
  if (!s || data.series.length !== 1) throw new RangeError('a trend chart draws exactly one indicator');
  const w = WORDS[lang];
  const ind = s.indicator;
  const labels = data.periods.map((p) => periodText(p, lang));
  const points = s.figures.map((f) => pointOf(f, ind, data.rounding));
  const growth = s.figures.map((f, i) => growthOf(f, s.previous[i] ?? null, ind, data.rounding));
  const targets = s.targets.map((f) => pointOf(f, ind, data.rounding));
  const points100 = ind.kind === 'percent';
  const hasGrowth = growth.some((g) => g.value !== null);
  const hasTargets = targets.some((t) => t.value !== null);
  const notes = pointNotes([{ who: '', into: ind.unit, points: [...points, ...targets], labels: [...labels, ...labels.map((l) => `${l}${w.target}`)] }], lang, hasGrowth);

  const series: Record<string, unknown>[] = [
    {
      type: 'bar',
      name: ind.name,
      barMaxWidth: 44,
      itemStyle: { color: fillOf(0) },
      label: { show: true, position: 'top', color: INK, fontSize: 11 },
      // Where a target rule crosses the column, the figure goes inside the bar's top so the two never overlap.
      data: points.map((p, i) => {
        const item = barItem(p, fillOf(0));
        return targets[i]!.value === null ? item : { ...item, label: { ...(item.label as object), position: 'insideTop', color: '#ffffff' } };
      }),
    },
  ];
  if (hasGrowth) {
    series.push({
      type: 'line',
      name: `${w.growth}（${points100 ? w.points : '%'}）`,
      yAxisIndex: 1,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { color: INK, width: 1.5, type: 'dashed' },
      itemStyle: { color: INK },
      label: { show: true, position: 'top', color: INK, fontSize: 11 },
      data: growth.map((g) => ({ value: g.value, label: { formatter: g.label ?? '' } })),
    });
  }
  if (hasTargets) {
    series.push({
      type: 'scatter',
      name: w.target,
      // A bar across the column at the target's height, as bullet charts mark a target.
      symbol: 'rect',
      symbolSize: [40, 3],
      itemStyle: { color: INK },
      label: { show: true, position: 'right', color: INK, fontSize: 11 },
      data: targets.map((t) => ({ value: t.value, label: { formatter: t.label ? `${w.target}${t.label}` : '' } })),
    });
  }
  const size = trendSize(width);
  const heading = title ?? `${data.park.name}${ind.name}`;
  const legend = hasGrowth || hasTargets ? series.map((x) => x.name as string) : [];
  const option: EChartsOption = {
    ...frame(heading, notes, legend, size.width, { [w.target]: TARGET_KEY.across }),
    xAxis: { type: 'category', data: labels, axisLabel: { color: INK }, axisLine: { lineStyle: { color: INK } }, axisTick: { alignWithLabel: true } },
    yAxis: [
      valueAxis(unitAxisName(ind.unit)),
      ...(hasGrowth ? [valueAxis(points100 ? w.points : '%', { splitLine: { show: false } })] : []),
    ] as EChartsOption['yAxis'],
    series: series as EChartsOption['series'],
  };
  return { title: heading, notes, size, option };
}
