// How every chart looks, in the app, in Word and in print: fonts that exist on Windows and in WPS
// (微软雅黑, 宋体) before those of other systems; series told apart in grey-scale print by lightness
// and by a pattern or marker each, not by hue alone; approximate figures hatched.

import type { ChartLanguage } from './model.ts';

/**
 * Single quotes only: the SVG renderer writes this into a style="" attribute unescaped. Noto Sans
 * CJK SC is what Linux machines (and the PNG renderer) have; Word and WPS on Windows use 微软雅黑.
 */
export const CHART_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', SimSun, sans-serif";

export const INK = '#1a1a1a';
export const GRID_LINE = '#d0d0d0';

/** Fills from dark to light: neighbours differ by about 25 % lightness, so grey print keeps them apart. */
export const FILLS = ['#1f4e79', '#6f9bc8', '#b8cde4', '#3f3f3f', '#9a9a9a'] as const;

/** Decal patterns, one per series after the first (solid); ECharts draws them in canvas and SVG alike. */
const PATTERNS = [
  null,
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0 },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[2, 4]], dashArrayY: [2, 2] },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 2 },
  { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[3, 4]], dashArrayY: [3, 3] },
] as const;

export const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'pin'] as const;

/** Diagonal hatching over an approximate figure's bar: 近80 is not an exact 80. */
export const APPROX_DECAL = { symbol: 'rect', symbolSize: 1, color: 'rgba(255,255,255,0.75)', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4 };

/**
 * The legend's key for 目标: the rule the chart draws, not the filled box ECharts gives a series of
 * rect symbols. The legend keeps a path's proportions in its 25 × 14 box, so the key is a 3 px line
 * like the rule: across for the rule over an upright bar, upright for the one over a lying bar (the
 * ranked chart).
 */
export const TARGET_KEY = { across: 'path://M0 0H25V3H0Z', upright: 'path://M0 0H3V14H0Z' } as const;

export function fillOf(i: number): string {
  return FILLS[i % FILLS.length]!;
}

export function patternOf(i: number): Record<string, unknown> | undefined {
  const p = PATTERNS[i % PATTERNS.length];
  return p ? { ...p, color: i % 2 ? 'rgba(0,0,0,0.35)' : 'rgba(255,255,255,0.6)' } : undefined;
}

/** The words a chart writes itself; the figures' names and units are data. */
export const WORDS = {
  zh: {
    growth: '同比',
    target: '目标',
    points: '个百分点',
    rank: (n: number) => `第${n}位`,
    excluded: (who: string, unit: string, into: string) => `${who}以“${unit}”填报，不换算为“${into}”，图中未列。`,
    approx: '斜线为约数（近、余、以上等）。',
    none: '所列各项都没有数据，图中为空。',
    otherAxis: (names: string) => `${names}的单位与前两种不同，图中未列。`,
    sep: '、',
  },
  en: {
    growth: 'YoY',
    target: 'Target',
    points: 'pct. points',
    rank: (n: number) => `#${n}`,
    excluded: (who: string, unit: string, into: string) => `${who}: reported in ${unit}, not converted into ${into}; left out.`,
    approx: 'Hatched: approximate figures (nearly, over, or more …).',
    none: 'No figures for any of these: the chart is empty.',
    otherAxis: (names: string) => `${names}: in a third unit; left out.`,
    sep: ', ',
  },
} as const satisfies Record<ChartLanguage, unknown>;
