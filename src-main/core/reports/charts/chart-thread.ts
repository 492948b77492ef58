// A chart-drawing thread: one ECharts instance for every chart it is sent, each reply posted when
// the chart's PNG is done, so a long yearbook's pictures arrive while the document is still built.
import { parentPort } from 'node:worker_threads';
import { chartPng } from './png.ts';
import { describeInput, type ChartInput } from './draw.ts';
import { svgRenderer } from './svg.ts';

export interface ChartRequest {
  id: number;
  input: ChartInput;
}

export type ChartReply = { id: number; svg: string; png: Uint8Array } | { id: number; error: string };

export function serveCharts(): void {
  const port = parentPort;
  if (!port) return;
  // Kept for the thread's life: the pool ends the thread when it has been idle a while.
  const renderer = svgRenderer();
  port.on('message', (m: ChartRequest) => {
    let svg: string;
    try {
      svg = renderer.draw(describeInput(m.input));
    } catch (e) {
      port.postMessage({ id: m.id, error: String(e) } satisfies ChartReply);
      return;
    }
    chartPng(svg).then(
      (png) => port.postMessage({ id: m.id, svg, png } satisfies ChartReply),
      (e: unknown) => port.postMessage({ id: m.id, error: String(e) } satisfies ChartReply),
    );
  });
}
