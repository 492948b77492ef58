// The magazine's pages as the Word export lays them: the shared flow (lead, headings, paragraphs,
// pictures) on pages of two columns by the export's own count (shared/print-layout/magazine-fit.ts),
// every paragraph cut into the lines that count sets. The preview draws exactly these lines, so its
// column and page breaks are LibreOffice's by construction, whatever faces the browser has.
import type { ResolvedChart, ResolvedDocument } from '../../../../../src-main/shared/document.ts';
import { describeChart, documentChartWidth } from '../../../../../src-main/shared/chart/describe.ts';
import { magazineFit, type MagazinePageFit } from '../../../../../src-main/shared/print-layout/magazine-fit.ts';
import { magazineFlow, magazineHead, type MagazineHead, type MagazineItem } from '../../../../../src-main/shared/print-layout/magazine-flow.ts';
import { COLUMN_WIDTH } from '../../../../../src-main/shared/print-layout/magazine.ts';
import { pxFromTwips } from '../../../../../src-main/shared/print-layout/page.ts';

export interface MagazineLayout {
  head: MagazineHead;
  flow: MagazineItem[];
  pages: MagazinePageFit[];
}

/** A chart's drawing: the description the export draws, at the export's width for a column. */
export const magazineChartWidth = documentChartWidth(pxFromTwips(COLUMN_WIDTH));
export const magazineChartSize = (chart: ResolvedChart) => describeChart(chart.data, { title: chart.title ?? undefined, width: magazineChartWidth }).size;

export function layoutMagazine(doc: ResolvedDocument): MagazineLayout {
  const head = magazineHead(doc);
  const flow = magazineFlow(doc, magazineChartSize);
  const pages = magazineFit(
    flow.map((item) => ({
      lines: item.lines,
      ...(item.kind !== 'text' ? { block: true } : {}),
      ...(item.kind === 'photo' && item.span === 'full' ? { full: true } : {}),
      ...(item.kind === 'text' && item.keepNext ? { keepNext: true } : {}),
    })),
    head.twips,
  );
  return { head, flow, pages };
}
