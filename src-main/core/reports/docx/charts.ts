// A chart block in Word: the drawing across the column (SVG with its PNG fallback), and the source
// line below it in the caption's face, as statistical graphics credit their figures.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { chartOf, type ResolvedChart, type ResolvedDocument, type Run } from '../../../shared/document.ts';
import { documentChartWidth } from '../../../shared/chart/describe.ts';
import type { DrawnChart } from '../charts/draw.ts';
import type { RenderContext } from './context.ts';
import { pxFromTwips } from './page.ts';
import type { Pictures } from './pictures.ts';
import { captionLineCount, pictureSpacing } from '../../../shared/print-layout/caption.ts';
import { captionAfter, type PhotoLayout } from './photos.ts';
import { runsOf } from './runs.ts';

type ChartLayout = Pick<PhotoLayout, 'width' | 'captionStyle' | 'caption' | 'lines'>;

export function chartParagraphs(chart: ResolvedChart, drawn: DrawnChart, ctx: RenderContext, layout: ChartLayout): Paragraph[] {
  const width = Math.min(pxFromTwips(layout.width), drawn.size.width);
  const height = Math.round((width * drawn.size.height) / drawn.size.width);
  const after = captionAfter({ ...layout, maxHeight: 0 }, height * 15, captionLineCount(chart.credit, '', Math.floor(layout.width / (layout.caption.size * 10))));
  const image = new ImageRun({
    type: 'svg',
    data: drawn.svg,
    fallback: { type: 'png', data: drawn.png },
    transformation: { width, height },
    altText: { name: drawn.title, title: drawn.title, description: [drawn.title, chart.credit].join('\u3000') },
  });
  return [
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...pictureSpacing(layout.lines), line: 240, lineRule: 'auto' } }),
    new Paragraph({ style: layout.captionStyle, children: runsOf(chart.credit, ctx.fonts, layout.caption), ...(after === undefined ? {} : { spacing: { after } }) }),
  ];
}

/** A paragraph's Word paragraphs: its chart if it is a chart block, else its text through `text`. */
export function paragraphOrChart(runs: readonly Run[], ctx: RenderContext, layout: ChartLayout, text: (runs: readonly Run[]) => Paragraph): Paragraph[] {
  const chart = chartOf(runs);
  return chart ? chartParagraphs(chart, ctx.chart(chart), ctx, layout) : [text(runs)];
}

/** Every chart block of the documents, lead and sections, in order. */
export function chartsOf(docs: readonly ResolvedDocument[]): ResolvedChart[] {
  return docs.flatMap((d) => [...d.lead, ...d.sections.flatMap((s) => s.paragraphs)].flatMap((p) => chartOf(p) ?? []));
}

/**
 * The documents' charts drawn for a column `chartColumn` twips wide and handed to docx as stand-ins
 * (pictures.ts): they draw (from six on, on the chart threads) while the document is built around them.
 * ECharts, fontkit and resvg load with the first document that has a chart, not with every export.
 */
export async function drawnCharts(docs: readonly ResolvedDocument[], chartColumn: number, pictures: Pictures): Promise<Map<ResolvedChart, DrawnChart>> {
  const charts = new Map<ResolvedChart, DrawnChart>();
  const blocks = chartsOf(docs);
  if (!blocks.length) return charts;
  for (const [block, c] of await (await import('../charts/draw.ts')).startCharts(blocks, documentChartWidth(pxFromTwips(chartColumn)))) {
    charts.set(block, { size: c.size, title: c.title, svg: pictures.bytes(c.svg, `${c.key}.svg`), png: pictures.bytes(c.png, `${c.key}.png`) });
  }
  return charts;
}
