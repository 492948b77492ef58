// A document's chart as the Word export embeds it: the SVG (Word 2016 and later draw it, sharp at
// any size, with the reader's own fonts) and the PNG the file carries for every program that
// cannot (the main picture of the drawing, as Word itself writes an SVG).

import { createHash } from 'node:crypto';
import { describeChart, type ChartDescription } from '../../../shared/chart/describe.ts';
import type { ChartData } from '../../../shared/chart/model.ts';
import type { ResolvedChart } from '../../../shared/document.ts';
import { chartPool, type ChartPool } from './pool.ts';
import type { SvgRenderer } from './svg.ts';

/**
 * ECharts, resvg and the CJK face, loaded by the first chart drawn in this thread: an export whose
 * charts all go to the chart threads never loads them here (in the app, a fresh job thread each time).
 */
const drawing = async () => {
  const [{ chartPng }, { chartSvg, svgRenderer }] = await Promise.all([import('./png.ts'), import('./svg.ts')]);
  return { chartPng, chartSvg, svgRenderer };
};

export interface DrawnChart {
  svg: Buffer;
  png: Buffer;
  size: ChartDescription['size'];
  title: string;
}

/** What a drawing is made from: the same input always draws the same bytes. */
export interface ChartInput {
  data: ChartData;
  title: string | null;
  width: number | undefined;
}

export function describeInput({ data, title, width }: ChartInput): ChartDescription {
  return describeChart(data, { title: title ?? undefined, width });
}

export async function drawChart(chart: ResolvedChart, width?: number, renderer?: SvgRenderer): Promise<DrawnChart> {
  const desc = describeInput({ data: chart.data, title: chart.title, width });
  const { chartPng, chartSvg } = await drawing();
  const svg = renderer ? renderer.draw(desc) : chartSvg(desc);
  return { svg: Buffer.from(svg), png: await chartPng(svg), size: desc.size, title: desc.title };
}

/** A chart whose size and title are known and whose SVG and PNG are still being drawn. */
export interface PendingChart {
  /** Names the drawing: equal keys, equal bytes. */
  key: string;
  svg: Promise<Buffer>;
  png: Promise<Buffer>;
  size: ChartDescription['size'];
  title: string;
}

/**
 * From this many charts on, an export hands them to the chart threads: a thread's start (loading
 * ECharts, about 150 ms) costs more than a briefing's one or two charts drawn here.
 */
export const POOL_FROM = 6;

/**
 * Every chart of some documents, `width` px wide, left drawing while the caller builds the document
 * around them: a few drawn here one after another (their PNGs on the libuv pool), many on the
 * chart threads. A chart drawn twice (the same data, title and width) is drawn once.
 */
export async function startCharts(charts: readonly ResolvedChart[], width: number, threads: ChartPool | null = chartPool()): Promise<Map<ResolvedChart, PendingChart>> {
  const pool = charts.length >= POOL_FROM ? threads : null;
  const here = pool ? null : await drawing();
  const renderer = here?.svgRenderer();
  const byKey = new Map<string, PendingChart>();
  try {
    return new Map(
      charts.map((c) => {
        const input: ChartInput = { data: c.data, title: c.title, width };
        const key = createHash('sha1').update(JSON.stringify(input)).digest('hex');
        let pending = byKey.get(key);
        if (!pending) {
          const desc = describeInput(input);
          const drawn = here && renderer ? drawHere(renderer.draw(desc), here.chartPng) : onPool(pool!, input);
          pending = { key, ...drawn, size: desc.size, title: desc.title };
          byKey.set(key, pending);
        }
        return [c, pending];
      }),
    );
  } finally {
    renderer?.dispose();
  }
}

function drawHere(svg: string, chartPng: (svg: string) => Promise<Buffer>): Pick<PendingChart, 'svg' | 'png'> {
  const png = chartPng(svg);
  // Awaited when the package is written; a failure until then must not count as unhandled.
  png.catch(() => undefined);
  return { svg: Promise.resolve(Buffer.from(svg)), png };
}

function onPool(pool: ChartPool, input: ChartInput): Pick<PendingChart, 'svg' | 'png'> {
  // A thread that fails (ended, out of memory) hands the chart back: drawn here, as a few are.
  const drawn = pool.draw(input).catch(async () => {
    const { chartPng, chartSvg } = await drawing();
    const svg = chartSvg(describeInput(input));
    return { svg, png: await chartPng(svg) };
  });
  drawn.catch(() => undefined);
  return { svg: drawn.then((d) => Buffer.from(d.svg)), png: drawn.then((d) => d.png) };
}
