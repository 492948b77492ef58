// Measures preview blocks in an off-screen copy of a page column that carries the same classes as
// the pages, so that lines are counted with the fonts and widths the pages will use.
import type { ResolvedPhoto, Template } from '../../../../../src-main/shared/document.ts';
import { sliceSegments, type Segment, type TextBlock } from './blocks.ts';
import type { Geometry } from './geometry.ts';

let host: HTMLDivElement | null = null;

function measureHost(): HTMLDivElement {
  if (!host || !host.isConnected) {
    host = document.createElement('div');
    host.setAttribute('aria-hidden', 'true');
    host.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;pointer-events:none;contain:layout style';
    document.body.appendChild(host);
  }
  return host;
}

export function appendSegments(el: HTMLElement, segs: readonly Segment[]): void {
  for (const s of segs) {
    if (!s.cls) {
      el.append(s.text);
      continue;
    }
    const span = document.createElement('span');
    span.className = `pv-${s.cls}`;
    span.textContent = s.text;
    el.append(span);
  }
}

export class Measurer {
  private readonly col: HTMLDivElement;
  private readonly lh: number;

  constructor(template: Template, geometry: Geometry, style: Record<string, string>) {
    const h = measureHost();
    h.className = `pv-root pv-${template}`;
    h.removeAttribute('style');
    h.style.cssText = 'position:absolute;left:-100000px;top:0;visibility:hidden;pointer-events:none;contain:layout style';
    for (const [k, v] of Object.entries(style)) h.style.setProperty(k, v);
    this.col = document.createElement('div');
    this.col.className = 'pv-measure-col';
    this.col.style.width = `${geometry.columnWidth}px`;
    h.replaceChildren(this.col);
    this.lh = geometry.lineHeight;
  }

  dispose(): void {
    this.col.remove();
  }

  private heightOf(el: HTMLElement): number {
    this.col.replaceChildren(el);
    return el.getBoundingClientRect().height;
  }

  private textElement(block: TextBlock, from: number, to: number, continued: boolean): HTMLElement {
    const p = document.createElement('p');
    p.className = continued ? `${block.cls} pv-cont` : block.cls;
    appendSegments(p, sliceSegments(block.segments, from, to));
    return p;
  }

  /** Lines taken by characters [from, to) of a block. */
  lines(block: TextBlock, from: number, to: number, continued: boolean): number {
    return Math.max(1, Math.round(this.heightOf(this.textElement(block, from, to, continued)) / this.lh));
  }

  /** The character where a block starting at `from` has filled `lines` lines. */
  splitAt(block: TextBlock, from: number, to: number, lines: number, continued: boolean): number {
    let lo = from + 1;
    let hi = to - 1;
    let best = from + 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines(block, from, mid, continued) <= lines) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Height of an arbitrary element, rounded up to whole lines; `width` for one wider than a column. */
  gridHeight(el: HTMLElement, width?: number): number {
    const w = this.col.style.width;
    if (width) this.col.style.width = `${width}px`;
    const h = this.heightOf(el);
    this.col.style.width = w;
    return Math.ceil(h / this.lh - 0.01) * this.lh;
  }

  /** A photo: its image scaled to the column (at most a share of its height) and its caption. */
  /** A picture (a photo or a chart) scaled to the column, with its caption, in grid lines. */
  photo(photo: Pick<ResolvedPhoto, 'width' | 'height'>, caption: readonly Segment[], maxImage: number): { image: number; height: number } {
    const image = Math.min(Math.round(parseFloat(this.col.style.width) * (photo.height / Math.max(1, photo.width))), maxImage);
    const fig = document.createElement('figure');
    fig.className = 'pv-photo';
    const img = document.createElement('div');
    img.className = 'pv-img';
    img.style.height = `${image}px`;
    const cap = document.createElement('figcaption');
    cap.className = 'pv-cap';
    appendSegments(cap, caption);
    fig.append(img, cap);
    return { image, height: this.gridHeight(fig) };
  }
}
