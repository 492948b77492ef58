// A chart block in Word: the drawing across the column (SVG with its PNG fallback), and the source
// line below it in the caption's face, as statistical graphics credit their figures.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { ResolvedChart, Run } from '../../../shared/document.ts';
import { chartOf } from '../../../shared/document.ts';
import { documentChartWidth } from '../../../shared/chart/describe.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { drawChart } from '../../charts/draw.ts';
import { pxFromTwips } from './page.ts';
import type { PhotoLayout } from './photos.ts';
import { textRun } from './runs.ts';

export function chartParagraphs(chart: ResolvedChart, fonts: FontMap, layout: Pick<PhotoLayout, 'width' | 'captionStyle' | 'caption'>): Paragraph[] {
  const column = pxFromTwips(layout.width);
  const drawn = drawChart(chart, documentChartWidth(column));
  const width = Math.min(column, drawn.size.width);
  const height = Math.round((width * drawn.size.height) / drawn.size.width);
  const image = new ImageRun({
    type: 'svg',
    data: drawn.svg,
    fallback: { type: 'png', data: drawn.png },
    transformation: { width, height },
    altText: { name: drawn.title, title: drawn.title, description: [drawn.title, chart.credit].join('　') },
  });
  return [
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60, line: 240, lineRule: 'auto' } }),
    new Paragraph({ style: layout.captionStyle, children: [textRun(chart.credit, fonts, layout.caption)] }),
  ];
}

/** A paragraph's Word paragraphs: its chart if it is a chart block, else its text through `text`. */
export function paragraphOrChart(runs: readonly Run[], fonts: FontMap, layout: Pick<PhotoLayout, 'width' | 'captionStyle' | 'caption'>, text: (runs: readonly Run[]) => Paragraph): Paragraph[] {
  const chart = chartOf(runs);
  return chart ? chartParagraphs(chart, fonts, layout) : [text(runs)];
}
