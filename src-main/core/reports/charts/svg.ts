// A chart description drawn as SVG in the main process: ECharts' server-side rendering, no DOM.
// One instance is kept and given each chart anew (notMerge): setting up an instance costs about a
// third of drawing a chart, and a yearbook draws a hundred.

import { echarts } from '../../../shared/chart/echarts-setup.ts';
import type { ChartDescription } from '../../../shared/chart/describe.ts';

let instance: ReturnType<typeof echarts.init> | null = null;

export function chartSvg(desc: ChartDescription): string {
  const { width, height } = desc.size;
  if (!instance) instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  else if (instance.getWidth() !== width || instance.getHeight() !== height) instance.resize({ width, height });
  instance.setOption(desc.option, { notMerge: true });
  return instance.renderToSVGString();
}
