// A chart description drawn as SVG in the main process: ECharts' server-side rendering, no DOM.
// An export draws all its charts with one instance (setting one up costs about a third of drawing
// a chart, and a yearbook draws a hundred), disposed when done: a live instance keeps a timer that
// would hold the process open.

import { echarts } from '../../../shared/chart/echarts-setup.ts';
import type { ChartDescription } from '../../../shared/chart/describe.ts';

export interface SvgRenderer {
  draw(desc: ChartDescription): string;
  dispose(): void;
}

export function svgRenderer(): SvgRenderer {
  let instance: ReturnType<typeof echarts.init> | null = null;
  return {
    draw(desc) {
      const { width, height } = desc.size;
      if (!instance) instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
      else if (instance.getWidth() !== width || instance.getHeight() !== height) instance.resize({ width, height });
      instance.setOption(desc.option, { notMerge: true });
      return instance.renderToSVGString();
    },
    dispose() {
      instance?.dispose();
      instance = null;
    },
  };
}

/** One chart on its own. */
export function chartSvg(desc: ChartDescription): string {
  const r = svgRenderer();
  try {
    return r.draw(desc);
  } finally {
    r.dispose();
  }
}
