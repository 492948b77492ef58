// Loaded on demand by ChartView's dynamic import: ECharts and the chart kinds (about 190 KB
// gzipped) stay out of the first screen, whose budget is 350 KB.
export { echarts } from '../../../../src-main/shared/chart/echarts-setup.ts';
export { describeChart } from '../../../../src-main/shared/chart/describe.ts';
