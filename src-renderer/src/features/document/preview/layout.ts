// From a resolved document to pages: measure every block, paginate, and cut the text blocks that
// cross a page at the character where the page ends.
import type { ResolvedDocument, Template } from '../../../../../src-main/shared/document.ts';
import { documentChartWidth, describeChart } from '../../../../../src-main/shared/chart/describe.ts';
import { captionSegments, hasText, runSegments, segmentsLength, type Block, type ChartBlock, type PhotoBlock, type TextBlock } from './blocks.ts';
import { GEOMETRY, bulletinMastheadLines, type Geometry } from './geometry.ts';
import { appendSegments, Measurer } from './measure.ts';
import { paginate, type FlowItem } from './paginate.ts';

export type Fragment =
  | { kind: 'text'; block: TextBlock; from: number; to: number; continued: boolean }
  | { kind: 'photo'; block: PhotoBlock; image: number; height: number }
  /** drawWidth: the width the chart is described at (as the Word export draws it); shown `scale` times as large to fit the column. */
  | { kind: 'chart'; block: ChartBlock; image: number; height: number; drawWidth: number; scale: number };

export interface PageLayout {
  fragments: Fragment[];
  /** Height of the first page's title or masthead block (0 on later pages). */
  head: number;
}

export interface Layout {
  geometry: Geometry;
  pages: PageLayout[];
  /** The bulletin's end block (报/送/发), at the foot of the last page. */
  endHeight: number;
}

const MAGAZINE_HEAD_WIDTH = 666;

function magazineHead(doc: ResolvedDocument): HTMLElement {
  const head = document.createElement('header');
  head.className = 'pv-m-head';
  const add = (tag: string, cls: string, fill: (el: HTMLElement) => void) => {
    const el = document.createElement(tag);
    el.className = cls;
    fill(el);
    head.append(el);
  };
  add('h1', 'pv-m-title', (el) => appendSegments(el, runSegments(doc.title)));
  if (hasText(doc.subtitle)) add('p', 'pv-m-subtitle', (el) => appendSegments(el, runSegments(doc.subtitle)));
  if (doc.byline.trim()) add('p', 'pv-m-byline', (el) => (el.textContent = doc.byline));
  return head;
}

export function bulletinEndLines(doc: ResolvedDocument): string[] {
  const b = doc.bulletin;
  return [b.reportTo && `报：${b.reportTo}`, b.copyTo && `送：${b.copyTo}`, b.sendTo && `发：${b.sendTo}`].filter(Boolean);
}

function bulletinEnd(doc: ResolvedDocument): HTMLElement | null {
  const lines = bulletinEndLines(doc);
  if (!lines.length && !doc.bulletin.copies) return null;
  const end = document.createElement('div');
  end.className = 'pv-b-end';
  for (const l of lines) {
    const p = document.createElement('p');
    p.textContent = l;
    end.append(p);
  }
  if (doc.bulletin.copies > 0) {
    const c = document.createElement('p');
    c.className = 'pv-b-copies';
    c.textContent = `（共印${doc.bulletin.copies}份）`;
    end.append(c);
  }
  return end;
}

export function layoutDocument(template: Template, doc: ResolvedDocument, blocks: readonly Block[], style: Record<string, string>): Layout {
  const g = GEOMETRY[template];
  const m = new Measurer(template, g, style);
  try {
    const lh = g.lineHeight;
    const full = g.lines * lh;
    const head = template === 'magazine' ? Math.min(m.gridHeight(magazineHead(doc), MAGAZINE_HEAD_WIDTH), full - 4 * lh) : bulletinMastheadLines(doc.bulletin) * lh;
    const photos = new Map<number, { image: number; height: number }>();
    const charts = new Map<number, { image: number; height: number; drawWidth: number; scale: number }>();
    const lines = new Map<number, number>();
    const items: FlowItem[] = blocks.map((b, i) => {
      if (b.kind === 'photo') {
        const size = m.photo(b.photo, captionSegments(b.photo), Math.round(full * g.maxPhotoShare));
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

    let endHeight = 0;
    const end = template === 'bulletin' ? bulletinEnd(doc) : null;
    if (end) {
      endHeight = m.gridHeight(end);
      if (flows[flows.length - 1]!.free < endHeight) pages.push({ head: 0, fragments: [] });
    }
    return { geometry: g, pages, endHeight };
  } finally {
    m.dispose();
  }
}
