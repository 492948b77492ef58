// A chart description drawn as SVG in the main process: ECharts' server-side rendering, no DOM.

import { echarts } from '../../shared/chart/echarts-setup.ts';
import type { ChartDescription } from '../../shared/chart/describe.ts';

export function chartSvg(desc: ChartDescription): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: desc.size.width, height: desc.size.height });
  try {
    chart.setOption(desc.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
