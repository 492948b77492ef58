import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Every entry is named explicitly: this project does not use electron-vite's default src/ layout.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // jobs-worker, jobs-child and charts-worker: the entries of a long job's worker thread, of a long
      // job's child process and of a chart-drawing thread (core/jobs/thread-channel.ts,
      // core/jobs/child-channel.ts and core/reports/charts/pool.ts find them beside the bundle by these names).
      lib: {
        entry: { index: resolve('src-main/index.ts'), cli: resolve('src-main/cli.ts'), 'jobs-worker': resolve('src-main/core/jobs/worker.ts'), 'jobs-child': resolve('src-main/core/jobs/child.ts'), 'charts-worker': resolve('src-main/core/reports/charts/chart-worker.ts') },
        formats: ['es'],
      },
      // resvg is a native addon; ECharts and fontkit are loaded from node_modules as they are.
      rollupOptions: { external: ['better-sqlite3', 'docx', 'exceljs', 'electron', '@resvg/resvg-js', 'echarts', 'fontkit'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: { index: resolve('src-main/preload/index.ts') }, formats: ['cjs'] },
      // A sandboxed preload must be CommonJS (the package is "type": "module").
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; the first screen's budget is 350 KB gzipped.
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
