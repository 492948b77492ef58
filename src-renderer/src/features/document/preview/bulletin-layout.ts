// The bulletin's pages as the Word export counts them: the shared flow (masthead, title, paragraphs,
// pictures) laid on the 22-line grid by the export's own count (shared/print-layout/bulletin-fit.ts),
// every paragraph cut into the lines that count sets. The preview draws exactly these lines, so its
// page breaks are the export's by construction.
import type { ResolvedChart, ResolvedDocument } from '../../../../../src-main/shared/document.ts';
import { describeChart, documentChartWidth } from '../../../../../src-main/shared/chart/describe.ts';
import { BULLETIN_PICTURE, bulletinIssueFlow, bulletinPages, type BulletinItem } from '../../../../../src-main/shared/print-layout/bulletin-flow.ts';
import { endBlockPlace, endBlockRows, lineStarts } from '../../../../../src-main/shared/print-layout/bulletin-fit.ts';
import { pxFromTwips } from '../../../../../src-main/shared/print-layout/page.ts';

export interface BulletinPiece {
  item: BulletinItem;
  /** For running text: the characters of each line on this page, and whether the first is the paragraph's first line. */
  lines?: { from: number; to: number }[];
  first?: boolean;
}

export interface BulletinLayout {
  pages: BulletinPiece[][];
  /** The page (from 1) the end block (报/送/发) stands on, at its foot; 0 when there is none. */
  endPage: number;
  /** The blank page before it, printed without its number (GB/T 9704); 0 when there is none. */
  blankPage: number;
  endRows: number;
}

/** A chart block's drawn size: the description the export draws, at the export's width. */
export const previewChartSize = (chart: ResolvedChart) =>
  describeChart(chart.data, { title: chart.title ?? undefined, width: documentChartWidth(pxFromTwips(BULLETIN_PICTURE.width)) }).size;

export interface BulletinOptions {
  /** 注明数据来源: the source list the export prints after the last article. */
  sources?: boolean;
  /** An issue of several articles: the other parks' documents that follow this one, in order (documents.export articles). */
  articles?: readonly ResolvedDocument[];
}

/** The pages of `doc`, or of the issue it opens, as the export lays them (bulletinIssueSections). */
export function layoutBulletin(doc: ResolvedDocument, options: BulletinOptions = {}): BulletinLayout {
  const flow = bulletinIssueFlow([doc, ...(options.articles ?? [])], previewChartSize, { sources: options.sources === true });
  const placed = bulletinPages(flow);
  const pages: BulletinPiece[][] = Array.from({ length: placed.page }, () => []);
  const starts = new Map<number, number[]>();
  for (const piece of placed.pieces) {
    const item = flow[piece.item]!;
    const page = pages[piece.page - 1]!;
    if (item.text === undefined) {
      page.push({ item });
      continue;
    }
    let s = starts.get(piece.item);
    if (!s) starts.set(piece.item, (s = lineStarts(item.text, item.indent)));
    const lines: { from: number; to: number }[] = [];
    for (let l = piece.fromLine; l < piece.toLine; l++) lines.push({ from: s[l] ?? item.text.length, to: s[l + 1] ?? item.text.length });
    page.push({ item, lines, first: piece.fromLine === 0 });
  }
  const endRows = endBlockRows(doc.bulletin);
  if (!endRows) return { pages, endPage: 0, blankPage: 0, endRows };
  const { page: endPage, blankPage } = endBlockPlace(endRows, placed);
  while (pages.length < endPage) pages.push([]);
  return { pages, endPage, blankPage, endRows };
}
