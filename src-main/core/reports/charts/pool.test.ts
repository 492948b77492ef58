import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrendData } from '../../../shared/chart/model.ts';
import type { ResolvedChart } from '../../../shared/document.ts';
import { drawChart, POOL_FROM, startCharts } from './draw.ts';
import { ChartPool } from './pool.ts';

function chartOf(park: string, gdp: string): ResolvedChart {
  const data: TrendData = {
    kind: 'trend',
    park: { id: park, name: park },
    periods: ['2020', '2021', '2022'].map((key) => ({ id: key, key, label: `${key}年` })),
    rounding: 'half-up',
    series: [
      {
        indicator: { id: 'g', name: '地区生产总值', unit: '亿元', decimals: 2, kind: 'amount' },
        figures: [{ value: '300', unit: '亿元', qualifier: '近', growth: null }, null, { value: gdp, unit: '亿元', qualifier: null, growth: null }],
        previous: [null, null, { value: '310', unit: '亿元', qualifier: null, growth: null }],
        targets: [null, null, { value: '340', unit: '亿元', qualifier: null, growth: null }],
      },
    ],
  };
  return { data, title: null, credit: '管委会' };
}

/** The chart thread as electron-vite builds it for the app (npm run build). */
const BUILT_THREAD = new URL('../../../../out/main/charts-worker.js', import.meta.url);

const charts = Array.from({ length: POOL_FROM + 2 }, (_, i) => chartOf(`样本${i}高新区`, String(320 + i)));
// The same chart twice: drawn once.
charts.push(charts[0]!);

async function settled(map: Awaited<ReturnType<typeof startCharts>>) {
  return Promise.all(charts.map(async (c) => ({ svg: await map.get(c)!.svg, png: await map.get(c)!.png, key: map.get(c)!.key })));
}

describe('charts drawn on the chart threads', () => {
  const pool = new ChartPool(2);
  afterAll(() => pool.close());

  it('draws the same bytes as drawing in the exporting thread', { timeout: 60_000 }, async () => {
    const here = await Promise.all(charts.map((c) => drawChart(c, 380)));
    // Asked directly, a thread draws it (a failing thread would refuse, not fall back).
    expect((await pool.draw({ data: charts[0]!.data, title: null, width: 380 })).svg).toBe(here[0]!.svg.toString());
    const threads = await settled(await startCharts(charts, 380, pool));
    threads.forEach((t, i) => {
      expect(t.svg.equals(here[i]!.svg), `SVG of chart ${i}`).toBe(true);
      expect(t.png.equals(here[i]!.png), `PNG of chart ${i}`).toBe(true);
    });
    expect(threads.at(-1)!.key).toBe(threads[0]!.key);
    expect(new Set(threads.map((t) => t.key)).size).toBe(charts.length - 1);
  });

  it('draws in the exporting thread what a failing thread hands back', { timeout: 60_000 }, async () => {
    const broken = new ChartPool(1, new URL('data:text/javascript,throw new Error("no ECharts here")'));
    try {
      const here = await Promise.all(charts.map((c) => drawChart(c, 380)));
      const threads = await settled(await startCharts(charts, 380, broken));
      threads.forEach((t, i) => expect(t.png.equals(here[i]!.png)).toBe(true));
    } finally {
      await broken.close();
    }
  });

  it.skipIf(!existsSync(BUILT_THREAD))('the built chart thread (out/main/charts-worker.js) draws the same bytes', { timeout: 60_000 }, async () => {
    const built = new ChartPool(1, BUILT_THREAD);
    try {
      const here = await drawChart(charts[1]!, 380);
      const there = await built.draw({ data: charts[1]!.data, title: null, width: 380 });
      expect(there.svg).toBe(here.svg.toString());
      expect(there.png.equals(here.png)).toBe(true);
    } finally {
      await built.close();
    }
  });
});
