// A chart description drawn as SVG in the main process: ECharts' server-side rendering, no DOM.
// An export draws all its charts with one instance (setting one up costs about a third of drawing
// a chart, and a yearbook draws a hundred), disposed when done: a live instance keeps a timer that
// would hold the process open.

import { echarts } from './echarts-node.ts';
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
      return stableIds(instance.renderToSVGString());
    },
    dispose() {
      instance?.dispose();
      instance = null;
    },
  };
}

const ZR_ID = /\bzr\d+-([a-z]+-?)(\d+)\b/g;

/**
 * zrender names a drawing's classes, patterns and clip paths by counters of the instance and of the
 * process (zr3-cls-41): numbered again from 0 in order of appearance, the same chart is the same
 * bytes whichever instance or thread drew it, and an export is the same file every time.
 */
export function stableIds(svg: string): string {
  const ids = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(ZR_ID, (id, kind: string) => {
    let stable = ids.get(id);
    if (!stable) {
      const n = counts.get(kind) ?? 0;
      counts.set(kind, n + 1);
      ids.set(id, (stable = `zr0-${kind}${n}`));
    }
    return stable;
  });
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
