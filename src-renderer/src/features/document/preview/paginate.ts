// Pagination of a flow of measured blocks into pages of fixed-height columns, line by line, the way
// a multi-column box with `column-fill: auto` fills them: text breaks between lines, a box (a photo)
// moves whole to the next column, a heading is never left as the last line of a column.

export type FlowItem = { kind: 'text'; lines: number; keepWithNext?: boolean } | { kind: 'box'; height: number };

export interface FlowSpec {
  lineHeight: number;
  /** Columns per page (the magazine 2, the bulletin 1). */
  columns: number;
  /** Height of a column on page `page` (0-based): the first page gives room to its title. */
  columnHeight(page: number): number;
}

/** A block's share of a page: lines [fromLine, toLine) of a text block, or the whole box. */
export interface Piece {
  block: number;
  fromLine: number;
  toLine: number;
}

export interface PageFlow {
  pieces: Piece[];
  /** Free height at the foot of the page's last column. */
  free: number;
}

export function paginate(items: readonly FlowItem[], spec: FlowSpec): PageFlow[] {
  const lh = spec.lineHeight;
  const pages: PageFlow[] = [{ pieces: [], free: 0 }];
  let page = 0;
  let col = 0;
  let used = 0;
  const height = () => spec.columnHeight(page);
  const nextColumn = () => {
    used = 0;
    if (++col < spec.columns) return;
    col = 0;
    page++;
    pages.push({ pieces: [], free: 0 });
  };
  const place = (block: number, fromLine: number, toLine: number) => {
    const pieces = pages[page]!.pieces;
    const last = pieces[pieces.length - 1];
    // Lines that continue into the next column of the same page stay one piece: CSS columns split it.
    if (last && last.block === block && last.toLine === fromLine) last.toLine = toLine;
    else pieces.push({ block, fromLine, toLine });
  };

  items.forEach((item, i) => {
    if (item.kind === 'box') {
      const h = Math.min(item.height, height());
      if (used > 0 && used + h > height()) nextColumn();
      place(i, 0, 1);
      used += Math.min(item.height, height());
      return;
    }
    if (item.lines <= 0) return;
    const next = items[i + 1];
    if (item.keepWithNext && next && used > 0) {
      const need = item.lines * lh + (next.kind === 'text' ? lh : next.height);
      if (used + need > height() && need <= height()) nextColumn();
    }
    let from = 0;
    while (from < item.lines) {
      const avail = Math.floor((height() - used) / lh + 1e-6);
      if (avail <= 0) {
        if (used === 0) throw new Error('a column holds no line');
        nextColumn();
        continue;
      }
      const take = Math.min(avail, item.lines - from);
      place(i, from, from + take);
      used += take * lh;
      from += take;
      if (from < item.lines) nextColumn();
    }
  });
  // The free room is only meaningful in the page's last column.
  const last = pages[pages.length - 1]!;
  last.free = col === spec.columns - 1 || spec.columns === 1 ? height() - used : height();
  if (!last.pieces.length && pages.length > 1) pages.pop();
  return pages;
}
