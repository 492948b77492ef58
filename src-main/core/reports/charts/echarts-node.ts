// ECharts for drawing without a DOM: the package's single-file build (require('echarts') is
// dist/echarts.js), one file to load instead of the two thousand modules behind echarts/core and
// its parts — a tenth of the start-up (0.4 s against 4 s on a busy machine), paid by every export
// thread and chart thread, each of which starts cold. It draws the same bytes as the app's modular
// set-up (shared/chart/echarts-setup.ts, kept small for the app's first screen): render.test.ts
// compares the two.
import { createRequire } from 'node:module';
import type * as EChartsCore from 'echarts/core.js';

export const echarts = createRequire(import.meta.url)('echarts') as typeof EChartsCore;
