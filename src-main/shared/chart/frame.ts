// What every chart kind shares: the title on top, the notes (left-out figures, what hatching means)
// at the foot inside the picture so that they travel with it into Word and print, the fonts, and
// numbers on axes written plainly (3000, not 3,000 as ECharts would: GB/T 15835 groups digits by
// a thin space, if at all, never by a comma in Chinese copy).

import type { EChartsOption } from 'echarts';
import { unitText } from '../figure/units.ts';
import { parsePeriodKey, periodLabel } from '../period-key.ts';
import type { ChartLanguage, ChartPeriod } from './model.ts';
import { CHART_FONT, GRID_LINE, INK } from './style.ts';

export interface ChartSize {
  width: number;
  height: number;
}

/** What a chart kind produces: the same option is drawn by the app (canvas) and the exports (SVG). */
export interface ChartDescription {
  title: string;
  notes: string[];
  size: ChartSize;
  option: EChartsOption;
}

export const NOTE_LINE = 16;
export const LEGEND_ROW = 24;

/** How a chart is described: the language of its own words, a title instead of its own, the width it is drawn at. */
export interface DescribeOptions {
  lang?: ChartLanguage;
  title?: string;
  /** CSS pixels; the height follows the kind's proportions. A narrow column gets a narrower drawing, so its type is not shrunk to nothing. */
  width?: number;
}

/**
 * A period as the chart's reader names it: the store's label is Chinese (2018年1—6月), so an English
 * chart words it again from the key (Jan–Jun 2018).
 */
export function periodText(p: ChartPeriod, lang: ChartLanguage): string {
  const parts = lang === 'en' ? parsePeriodKey(p.key) : null;
  return parts ? periodLabel(parts, 'en') : p.label;
}

/** Width in pixels of a legend entry at 12 px: the symbol (25), its gap (5), the name (CJK one em, ASCII about half). */
function legendItemWidth(name: string): number {
  return 30 + [...name].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 7 : 12), 0);
}

const LEGEND_GAP = 16;
const LEGEND_PADDING = 5;

/** Rows the legend wraps to at this chart width (ECharts wraps a horizontal legend at the chart's edge). */
export function legendRows(names: readonly string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = legendItemWidth(n);
    if (x > 0 && x + LEGEND_GAP + w > width - 2 * LEGEND_PADDING) {
      rows++;
      x = 0;
    }
    x += (x > 0 ? LEGEND_GAP : 0) + w;
  }
  return rows;
}

/** An axis tick as GB/T 15835 writes a number: no grouping commas, no float noise (0.30000000000000004). */
export function axisNumber(v: number): string {
  return String(Number(v.toPrecision(12)));
}

export function valueAxis(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value',
    name,
    nameTextStyle: { color: INK, fontSize: 12 },
    axisLabel: { color: INK, formatter: axisNumber },
    axisLine: { show: true, lineStyle: { color: INK } },
    splitLine: { lineStyle: { color: GRID_LINE } },
    ...extra,
  };
}

/** The axis name of an indicator's unit: 亿元, 个工作日, %. */
export function unitAxisName(unit: string): string {
  return unitText(unit);
}

/**
 * The option's frame: title, notes at the foot, legend above them, fonts, no animation (SVG export
 * draws once). `keys` gives a legend entry its own key where the series' symbol would misread.
 */
export function frame(title: string, notes: readonly string[], legend: readonly string[], width: number, keys: Readonly<Record<string, string>> = {}): EChartsOption {
  const noteBlock = notes.length * NOTE_LINE;
  const legendBlock = legend.length ? legendRows(legend, width) * LEGEND_ROW + 4 : 0;
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    backgroundColor: '#ffffff',
    title: [
      { text: title, left: 'center', top: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 15, fontWeight: 'bold', color: INK } },
      ...(notes.length
        ? [{ text: notes.join('\n'), left: 12, bottom: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 11, fontWeight: 'normal' as const, lineHeight: NOTE_LINE, color: '#333333' } }]
        : []),
    ],
    legend: legend.length ? { bottom: 8 + noteBlock, textStyle: { color: INK }, itemGap: LEGEND_GAP, padding: LEGEND_PADDING, data: legend.map((name) => (keys[name] ? { name, icon: keys[name] } : name)) } : { show: false },
    grid: { left: 56, right: 56, top: 56, bottom: 36 + noteBlock + legendBlock },
    // Drawn inside the chart's SVG (richText), not as HTML: ECharts' HTML tooltip writes style=""
    // into markup, which the renderer's CSP (no 'unsafe-inline' styles) refuses. confine keeps it
    // inside the drawing, which clips it.
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
  };
}
