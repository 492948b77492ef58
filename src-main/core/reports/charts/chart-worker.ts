// The entry of a chart-drawing thread (pool.ts starts it; electron.vite.config.ts builds it as
// out/main/charts-worker.js): each message is one chart's data, each reply its SVG and PNG, drawn
// exactly as draw.ts draws them in the main thread. The compile cache is on before ECharts loads.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await (await import('./chart-thread.ts')).serveCharts();
