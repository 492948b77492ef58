// A document's chart as the Word export embeds it: the SVG (Word 2016 and later draw it, sharp at
// any size, with the reader's own fonts) and the PNG the file carries for every program that
// cannot (the main picture of the drawing, as Word itself writes an SVG).

import { describeChart, type ChartDescription } from '../../../shared/chart/describe.ts';
import type { ResolvedChart } from '../../../shared/document.ts';
import { chartPng } from './png.ts';
import { chartSvg, svgRenderer, type SvgRenderer } from './svg.ts';

export interface DrawnChart {
  svg: Buffer;
  png: Buffer;
  size: ChartDescription['size'];
  title: string;
}

export async function drawChart(chart: ResolvedChart, width?: number, renderer?: SvgRenderer): Promise<DrawnChart> {
  const desc = describeChart(chart.data, { title: chart.title ?? undefined, width });
  const svg = renderer ? renderer.draw(desc) : chartSvg(desc);
  return { svg: Buffer.from(svg), png: await chartPng(svg), size: desc.size, title: desc.title };
}

/** Every chart of some documents, drawn `width` px wide: the SVGs one after another, the PNGs side by side on the thread pool. */
export async function drawCharts(charts: readonly ResolvedChart[], width: number): Promise<Map<ResolvedChart, DrawnChart>> {
  const renderer = svgRenderer();
  try {
    const drawn = await Promise.all(charts.map((c) => drawChart(c, width, renderer)));
    return new Map(charts.map((c, i) => [c, drawn[i]!]));
  } finally {
    renderer.dispose();
  }
}
