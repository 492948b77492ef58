// ECharts for drawing without a DOM: one of the package's single-file builds, one file to load
// instead of the two thousand modules behind echarts/core and its parts — a tenth of the start-up
// (0.4 s against 4 s on a busy machine), paid by every export thread and chart thread, each of which
// starts cold. The "common" production build: the kinds and parts the charts use (bar, line,
// scatter, grid, legend, title, markPoint, tooltip, the SVG renderer) without the other charts and
// components or the development build's checks. Against the full build (require('echarts')) it
// loads and draws a first chart with a third less CPU, and an export's charts (SVG and PNG) cost
// about a tenth less CPU each, cold or warm: merging an option visits every registered component type.
// It draws the same bytes as the app's modular set-up (shared/chart/echarts-setup.ts, kept small
// for the app's first screen): render.test.ts compares the two.
import { createRequire } from 'node:module';
import type * as EChartsCore from 'echarts/core.js';

export const echarts = createRequire(import.meta.url)('echarts/dist/echarts.common.min') as typeof EChartsCore;
