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

/** A chart whose SVG is drawn and whose PNG is still being made on the thread pool. */
export interface PendingChart extends Omit<DrawnChart, 'png'> {
  png: Promise<Buffer>;
}

/**
 * Every chart of some documents, `width` px wide: the SVGs drawn now, one after another, the PNGs
 * started on the thread pool and left running while the caller builds the document around them.
 */
export function startCharts(charts: readonly ResolvedChart[], width: number): Map<ResolvedChart, PendingChart> {
  const renderer = svgRenderer();
  try {
    return new Map(
      charts.map((c) => {
        const desc = describeChart(c.data, { title: c.title ?? undefined, width });
        const svg = renderer.draw(desc);
        const png = chartPng(svg);
        // Awaited when the package is written; a failure until then must not count as unhandled.
        png.catch(() => undefined);
        return [c, { svg: Buffer.from(svg), png, size: desc.size, title: desc.title }];
      }),
    );
  } finally {
    renderer.dispose();
  }
}
