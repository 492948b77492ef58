// The parts of ECharts the chart kinds use, registered once: the app loads this module only when a
// chart is shown (a dynamic import keeps it out of the first screen), the exports in the main
// process. Both draw with the SVG renderer, so the app shows what Word and print get.

import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkPointComponent, TitleComponent, TooltipComponent } from 'echarts/components';
// echarts/core.js, the same module as echarts/core: the layer rule reads a bare /core as the app's core.
import * as echarts from 'echarts/core.js';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkPointComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
