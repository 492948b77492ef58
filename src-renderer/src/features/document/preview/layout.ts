// The magazine's pages: measure every block in the page's own type, paginate two columns on the
// shared geometry (geometry.ts reads shared/print-layout/magazine.ts), and cut the text blocks that
// cross a page at the character where the page ends. (The bulletin is laid by the export's own
// count instead: bulletin-layout.ts.)
import type { ResolvedDocument } from '../../../../../src-main/shared/document.ts';
import { documentChartWidth, describeChart } from '../../../../../src-main/shared/chart/describe.ts';
import { photoSize } from '../../../../../src-main/shared/print-layout/caption.ts';
import { CAPTION_EMS_MAGAZINE, COLUMN_WIDTH, PICTURE_MAX_HEIGHT, magazineByline, magazineTitleLines, magazineTitleSize, titleLeading } from '../../../../../src-main/shared/print-layout/magazine.ts';
import { cssPx, cssPxFromHalfPoints } from '../../../../../src-main/shared/print-layout/page.ts';
import { captionSegments, hasText, runSegments, segmentsLength, type Block, type ChartBlock, type PhotoBlock, type TextBlock } from './blocks.ts';
import { GEOMETRY, type Geometry } from './geometry.ts';
import { appendSegments, Measurer } from './measure.ts';
import { paginate, type FlowItem } from './paginate.ts';

export type Fragment =
  | { kind: 'text'; block: TextBlock; from: number; to: number; continued: boolean }
  | { kind: 'photo'; block: PhotoBlock; image: number; height: number }
  /** drawWidth: the width the chart is described at (as the Word export draws it); shown `scale` times as large to fit the column. */
  | { kind: 'chart'; block: ChartBlock; image: number; height: number; drawWidth: number; scale: number };

export interface PageLayout {
  fragments: Fragment[];
  /** Height of the first page's title block (0 on later pages). */
  head: number;
}

export interface Layout {
  geometry: Geometry;
  pages: PageLayout[];
}

/** The title block as the export sets it: the park on a line of its own, the size that fits the type area. */
export function magazineHeadParts(doc: ResolvedDocument) {
  const lines = magazineTitleLines(doc.title);
  const size = magazineTitleSize(lines);
  return { lines, fontSize: cssPxFromHalfPoints(size), lineHeight: cssPx(titleLeading(size)), byline: magazineByline(doc.byline) };
}

function magazineHead(doc: ResolvedDocument): HTMLElement {
  const parts = magazineHeadParts(doc);
  const head = document.createElement('header');
  head.className = 'pv-m-head';
  const add = (tag: string, cls: string, fill: (el: HTMLElement) => void) => {
    const el = document.createElement(tag);
    el.className = cls;
    fill(el);
    head.append(el);
  };
  add('h1', 'pv-m-title', (el) => {
    el.style.fontSize = `${parts.fontSize}px`;
    el.style.lineHeight = `${parts.lineHeight}px`;
    parts.lines.forEach((line, i) => {
      if (i) el.append(document.createElement('br'));
      appendSegments(el, runSegments(line));
    });
  });
  if (hasText(doc.subtitle)) add('p', 'pv-m-subtitle', (el) => appendSegments(el, runSegments(doc.subtitle)));
  if (parts.byline) add('p', 'pv-m-byline', (el) => (el.textContent = parts.byline));
  return head;
}

export function layoutMagazine(doc: ResolvedDocument, blocks: readonly Block[], style: Record<string, string>): Layout {
  const g = GEOMETRY.magazine;
  const m = new Measurer('magazine', g, style);
  try {
    const lh = g.lineHeight;
    const full = g.lines * lh;
    const areaWidth = g.columns * g.columnWidth + (g.columns - 1) * g.columnGap;
    const head = Math.min(m.gridHeight(magazineHead(doc), areaWidth), full - 4 * lh);
    const photos = new Map<number, { image: number; height: number }>();
    const charts = new Map<number, { image: number; height: number; drawWidth: number; scale: number }>();
    const lines = new Map<number, number>();
    const items: FlowItem[] = blocks.map((b, i) => {
      if (b.kind === 'photo') {
        // The image at the export's size (whole pixels, the aspect kept), its caption measured.
        const size = m.photo(b.photo, captionSegments(b.photo.caption, b.photo.credit, CAPTION_EMS_MAGAZINE), photoSize(b.photo, { width: COLUMN_WIDTH, maxHeight: PICTURE_MAX_HEIGHT }).height);
        photos.set(i, size);
        return { kind: 'box', height: size.height };
      }
      if (b.kind === 'chart') {
        const drawWidth = documentChartWidth(g.columnWidth);
        const drawn = describeChart(b.chart.data, { title: b.chart.title ?? undefined, width: drawWidth }).size;
        const size = m.photo(drawn, [{ text: b.chart.credit }], full);
        charts.set(i, { ...size, drawWidth, scale: size.image / drawn.height });
        return { kind: 'box', height: size.height };
      }
      const n = m.lines(b, 0, segmentsLength(b.segments), false);
      lines.set(i, n);
      return { kind: 'text', lines: n, keepWithNext: b.keepWithNext };
    });
    const flows = paginate(items, { lineHeight: lh, columns: g.columns, columnHeight: (p) => (p === 0 ? full - head : full) });

    // Where each split block's pieces start, in characters.
    const cuts = new Map<number, { line: number; char: number }[]>();
    const charAt = (i: number, line: number): number => {
      const b = blocks[i] as TextBlock;
      const len = segmentsLength(b.segments);
      if (line <= 0) return 0;
      if (line >= lines.get(i)!) return len;
      const known = cuts.get(i) ?? [{ line: 0, char: 0 }];
      const prev = known.filter((c) => c.line < line).pop()!;
      const char = m.splitAt(b, prev.char, len, line - prev.line, prev.line > 0);
      known.push({ line, char });
      known.sort((a, c) => a.line - c.line);
      cuts.set(i, known);
      return char;
    };

    const pages: PageLayout[] = flows.map((f, p) => ({
      head: p === 0 ? head : 0,
      fragments: f.pieces.map((piece): Fragment => {
        const b = blocks[piece.block]!;
        if (b.kind === 'photo') return { kind: 'photo', block: b, ...photos.get(piece.block)! };
        if (b.kind === 'chart') return { kind: 'chart', block: b, ...charts.get(piece.block)! };
        const from = charAt(piece.block, piece.fromLine);
        const to = piece.toLine >= lines.get(piece.block)! ? segmentsLength(b.segments) : charAt(piece.block, piece.toLine);
        return { kind: 'text', block: b, from, to, continued: piece.fromLine > 0 };
      }),
    }));
    return { geometry: g, pages };
  } finally {
    m.dispose();
  }
}
