// Where the magazine's columns and pages break, counted in 16 pt body lines as LibreOffice lays the
// export: the title block across the type area on the first page, then two columns filled one after
// the other (a paragraph breaks between lines with two at least on each side, a heading goes over
// with the first two lines of what follows, a picture block moves whole to the next column); a photo
// across both columns stands in a one-column section of its own, so the columns above it are
// balanced, as are the columns of the feature's last page (the export's closing continuous section).
import { BODY_LEADING, MAGAZINE_FRAME } from './magazine.ts';
import { textHeight } from './page.ts';

/** The type area's height, twips. */
export const MAGAZINE_PAGE_TWIPS = textHeight(MAGAZINE_FRAME);

/** One flow item's share of the columns. */
export interface ColumnItem {
  /** Body lines: of running text, or a picture block's height (whole lines). */
  lines: number;
  /** A picture block: moves whole. */
  block?: boolean;
  /** Across both columns, in a section of its own. */
  full?: boolean;
  /** A heading: goes over with the first lines of what follows. */
  keepNext?: boolean;
  /** A picture block set at the top: it opens a column (across both columns, a page), as the export's column or page break makes it. */
  head?: boolean;
}

/** Lines [from, to) of a text item in one column; a block has from = 0, to = its lines. */
export interface ColumnPiece {
  item: number;
  from: number;
  to: number;
}

export type Band =
  /** Two columns `lines` lines high. */
  | { kind: 'columns'; lines: number; columns: [ColumnPiece[], ColumnPiece[]] }
  /** An item across both columns. */
  | { kind: 'full'; item: number; lines: number };

export interface MagazinePageFit {
  /** Twips at the top taken by the title block (the first page only). */
  head: number;
  bands: Band[];
}

interface Fill {
  columns: ColumnPiece[][];
  /** Lines used in each column. */
  used: number[];
  /** What did not fit: items from `at`, the first from line `from`. */
  rest: { at: number; from: number } | null;
}

/**
 * Fills `columns` columns of `cap` lines with items[at…] (the first from line `from`), by the rules
 * above. A paragraph that cannot break by them in an empty column is broken anyway when the column is
 * the page's (`strict` false); when balancing (`strict`), the height is too low and the rest is left.
 */
function fill(items: readonly ColumnItem[], at: number, end: number, from: number, cap: number, columns: number, strict = false): Fill {
  const out: ColumnPiece[][] = Array.from({ length: columns }, () => []);
  const used = Array.from({ length: columns }, () => 0);
  let col = 0;
  let i = at;
  let start = from;
  const free = () => cap - used[col]!;
  const put = (item: number, a: number, b: number) => {
    out[col]!.push({ item, from: a, to: b });
    used[col]! += b - a;
  };
  while (i < end) {
    if (col >= columns) return { columns: out, used, rest: { at: i, from: start } };
    const item = items[i]!;
    const rest = item.lines - start;
    const empty = used[col] === 0;
    if (item.block) {
      if ((item.head || rest > free()) && !empty) {
        col++;
        continue;
      }
      put(i, 0, item.lines);
      i++;
      start = 0;
      continue;
    }
    if (item.keepNext && !empty) {
      const next = i + 1 < end ? items[i + 1]! : undefined;
      const need = rest + (next ? (next.block ? next.lines : Math.min(next.lines, 2)) : 0);
      if (need > free() && need <= cap) {
        col++;
        continue;
      }
    }
    if (rest <= free()) {
      put(i, start, item.lines);
      i++;
      start = 0;
      continue;
    }
    // Widow and orphan control: two lines at least at the foot (of a paragraph's start) and at the head.
    let take = free();
    if (rest - take < 2) take = rest - 2;
    if (take < (start === 0 ? 2 : 1)) {
      if (!empty || strict) {
        col++;
        continue;
      }
      take = Math.min(free(), rest);
    }
    put(i, start, start + take);
    start += take;
    col++;
  }
  return { columns: out, used, rest: null };
}

/**
 * The items on pages: each page's bands of two columns and of items across both. `head` is the
 * title block's height, twips, on the first page.
 */
export function magazineFit(items: readonly ColumnItem[], head: number): MagazinePageFit[] {
  const pages: MagazinePageFit[] = [{ head, bands: [] }];
  let usedTwips = head;
  const page = () => pages.at(-1)!;
  const newPage = () => {
    pages.push({ head: 0, bands: [] });
    usedTwips = 0;
  };
  const linesFree = () => Math.floor((MAGAZINE_PAGE_TWIPS - usedTwips) / BODY_LEADING + 1e-9);
  let i = 0;
  while (i < items.length) {
    if (items[i]!.full) {
      const lines = items[i]!.lines;
      if ((lines > linesFree() && usedTwips > 0) || (items[i]!.head && page().bands.length > 0)) newPage();
      page().bands.push({ kind: 'full', item: i, lines });
      usedTwips += lines * BODY_LEADING;
      i++;
      continue;
    }
    // A run of two-column items, up to the next item across both columns.
    let end = i;
    while (end < items.length && !items[end]!.full) end++;
    let at = i;
    let from = 0;
    for (;;) {
      const cap = linesFree();
      if (cap <= 0) {
        newPage();
        continue;
      }
      const full = fill(items, at, end, from, cap, 2);
      if (full.rest) {
        page().bands.push({ kind: 'columns', lines: cap, columns: full.columns as [ColumnPiece[], ColumnPiece[]] });
        newPage();
        at = full.rest.at;
        from = full.rest.from;
        continue;
      }
      // The run ends on this page: its columns balanced, the lowest height that holds it.
      const total = full.used.reduce((n, u) => n + u, 0);
      let best = full;
      for (let h = Math.max(1, Math.ceil(total / 2)); h < cap; h++) {
        const tried = fill(items, at, end, from, h, 2, true);
        if (!tried.rest) {
          best = tried;
          break;
        }
      }
      const lines = Math.max(...best.used);
      page().bands.push({ kind: 'columns', lines, columns: best.columns as [ColumnPiece[], ColumnPiece[]] });
      usedTwips += lines * BODY_LEADING;
      break;
    }
    i = end;
  }
  return pages;
}
