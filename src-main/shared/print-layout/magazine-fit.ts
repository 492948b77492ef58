// Where the magazine's columns and pages break, counted in 16 pt body lines as LibreOffice lays the
// export: the title block across the type area on the first page, then two columns filled one after
// the other (a paragraph breaks between lines with two at least on each side, a heading goes over
// with the first two lines of what follows, a picture block moves whole to the next column); a photo
// across both columns stands in a one-column section of its own, so the columns above it are
// balanced, as are the columns of the feature's last page (the export's closing continuous section).
// With 注明数据来源 the footnotes whose references fall on a page stand at its foot across the type
// area, as LibreOffice sets them, under its rule: both columns end above them.
import { BODY_LEADING, FOOTNOTE_RULE_TWIPS, MAGAZINE_FRAME } from './magazine.ts';
import { textHeight } from './page.ts';

/** The type area's height, twips. */
export const MAGAZINE_PAGE_TWIPS = textHeight(MAGAZINE_FRAME);

/** One flow item's share of the columns. */
export interface ColumnItem {
  /** Body lines: of running text, or a picture block's height (whole lines). */
  lines: number;
  /** A picture block: moves whole. */
  block?: boolean;
  /**
   * A block's last space after, twips (the caption's): at a column's foot it may stand below the
   * room left, as LibreOffice sets it (a photo whose caption ended 3 pt above 注明数据来源's notes
   * stayed in its column though its whole lines would have run 3 pt into them).
   */
  after?: number;
  /** Across both columns, in a section of its own. */
  full?: boolean;
  /** A heading: goes over with the first lines of what follows. */
  keepNext?: boolean;
  /** A picture block set at the top: it opens a column (across both columns, a page), as the export's column or page break makes it. */
  head?: boolean;
  /** Running text after a column break: it opens a column. */
  breakBefore?: boolean;
  /** The footnotes its lines call: the line holding each reference, and the note's room at the page's foot, twips. */
  notes?: { line: number; twips: number }[];
}

/** Lines [from, to) of a text item in one column; a block has from = 0, to = its lines. */
export interface ColumnPiece {
  item: number;
  from: number;
  to: number;
}

export type Band =
  /** Two columns `lines` lines high; balanced: the run's end, its columns no higher than holds it (not to the page's foot). */
  | { kind: 'columns'; lines: number; columns: [ColumnPiece[], ColumnPiece[]]; balanced?: boolean }
  /** An item across both columns. */
  | { kind: 'full'; item: number; lines: number };

/** A footnote: the item whose line calls it, and its place in the item's notes. */
export interface NoteRef {
  item: number;
  note: number;
}

export interface MagazinePageFit {
  /** Twips at the top taken by the title block (the first page only). */
  head: number;
  bands: Band[];
  /** The footnotes at its foot, in order: those its lines call. */
  footnotes: NoteRef[];
  /** Twips at the foot taken by the footnotes, their rule included (0 without any). */
  notes: number;
}

const withRule = (notes: number) => (notes > 0 ? notes + FOOTNOTE_RULE_TWIPS : 0);

interface Fill {
  columns: ColumnPiece[][];
  /** Lines used in each column. */
  used: number[];
  /** What did not fit: items from `at`, the first from line `from`. */
  rest: { at: number; from: number } | null;
  /** The footnotes the lines put call, and their room (twips, no rule). */
  taken: NoteRef[];
  notes: number;
}

/** The tallest column's height, twips: a picture's caption ending a column may leave its space after out. */
function columnTwips(items: readonly ColumnItem[], pieces: readonly ColumnPiece[], used: number): number {
  const last = pieces.at(-1);
  return used * BODY_LEADING - (last && items[last.item]!.block ? (items[last.item]!.after ?? 0) : 0);
}
const tallest = (items: readonly ColumnItem[], fill: Fill) => Math.max(...fill.columns.map((col, c) => columnTwips(items, col, fill.used[c]!)));

/** The page a band of columns is filled on: twips above its foot, the footnotes (twips, no rule) set there before, and the tallest a column may be, twips. */
interface PageRoom {
  room: number;
  notes: number;
  limit: number;
}

/**
 * Fills `columns` columns of `cap` lines with items[at…] (the first from line `from`), by the rules
 * above. A paragraph that cannot break by them in an empty column is broken anyway when the column is
 * the page's (`strict` false); when balancing (`strict`), the height is too low and the rest is left.
 * On a `page` a column ends above the page's footnotes so far, its own lines' included, as LibreOffice
 * fills a column line by line: a line whose note does not fit goes over with it. A picture's caption
 * may end in the room below the column's last whole line, or past it by its space after.
 */
function fill(items: readonly ColumnItem[], at: number, end: number, from: number, cap: number, columns: number, strict = false, page?: PageRoom): Fill {
  const out: ColumnPiece[][] = Array.from({ length: columns }, () => []);
  const used = Array.from({ length: columns }, () => 0);
  const taken: NoteRef[] = [];
  let notes = 0;
  let col = 0;
  let i = at;
  let start = from;
  const done = (rest: Fill['rest']): Fill => ({ columns: out, used, rest, taken, notes });
  /** Twips the column may reach with `more` twips of footnotes besides those set. */
  const room = (more = 0) => (page ? Math.min(page.limit, page.room - withRule(page.notes + notes + more)) : cap * BODY_LEADING);
  const free = () => Math.floor(room() / BODY_LEADING + 1e-9) - used[col]!;
  /** The footnotes' room, twips, of lines [a, b) of item `n`. */
  const notesOf = (n: number, a: number, b: number) => (items[n]!.notes ?? []).reduce((t, x) => (x.line >= a && x.line < b ? t + x.twips : t), 0);
  /** How many of `want` lines of item `n` from line `a` fit, with their footnotes. */
  const fitting = (n: number, a: number, want: number) => {
    let k = Math.min(want, free());
    while (k > 0 && page && (used[col]! + k) * BODY_LEADING > room(notesOf(n, a, a + k))) k--;
    return k;
  };
  const put = (n: number, a: number, b: number) => {
    out[col]!.push({ item: n, from: a, to: b });
    used[col]! += b - a;
    (items[n]!.notes ?? []).forEach((x, note) => {
      if (x.line < a || x.line >= b) return;
      taken.push({ item: n, note });
      notes += x.twips;
    });
  };
  while (i < end) {
    if (col >= columns) return done({ at: i, from: start });
    const item = items[i]!;
    const rest = item.lines - start;
    const empty = used[col] === 0;
    if (item.breakBefore && start === 0 && !empty) {
      col++;
      continue;
    }
    if (item.block) {
      const fits = rest <= free() || (!strict && (used[col]! + rest) * BODY_LEADING - (item.after ?? 0) <= room());
      if ((item.head || !fits) && !empty) {
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
    const fit = fitting(i, start, rest);
    if (fit === rest) {
      put(i, start, item.lines);
      i++;
      start = 0;
      continue;
    }
    // Widow and orphan control: two lines at least at the foot (of a paragraph's start) and at the head.
    let take = fit;
    if (rest - take < 2) take = rest - 2;
    if (take < (start === 0 ? 2 : 1)) {
      if (!empty || strict) {
        col++;
        continue;
      }
      take = Math.max(1, Math.min(free(), rest));
    }
    put(i, start, start + take);
    start += take;
    col++;
  }
  return done(null);
}

/**
 * The items on pages: each page's bands of two columns and of items across both. `head` is the
 * title block's height, twips, on the first page.
 */
export function magazineFit(items: readonly ColumnItem[], head: number): MagazinePageFit[] {
  const pages: MagazinePageFit[] = [{ head, bands: [], footnotes: [], notes: 0 }];
  let usedTwips = head;
  /** The footnotes set on the page so far, twips, without their rule. */
  let notes = 0;
  const page = () => pages.at(-1)!;
  const newPage = () => {
    page().notes = withRule(notes);
    pages.push({ head: 0, bands: [], footnotes: [], notes: 0 });
    usedTwips = 0;
    notes = 0;
  };
  /** Twips free on the page, with `more` twips of footnotes besides the page's own, and the whole lines in them. */
  const twipsFree = (more = 0) => MAGAZINE_PAGE_TWIPS - usedTwips - withRule(notes + more);
  const linesFree = (more = 0) => Math.floor(twipsFree(more) / BODY_LEADING + 1e-9);
  /** Nothing on the page yet, not even the title block. */
  const empty = () => usedTwips === 0;
  const keep = (f: Fill) => {
    page().footnotes.push(...f.taken);
    notes += f.notes;
  };
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
      // The columns filled one after the other above the footnotes their lines call; should an earlier
      // column still stand too tall for the notes the later ones set, all are filled shorter than it.
      let limit = Infinity;
      const onPage = () => fill(items, at, end, from, cap, 2, false, { room: MAGAZINE_PAGE_TWIPS - usedTwips, notes, limit });
      let full = onPage();
      while (tallest(items, full) > twipsFree(full.notes) && tallest(items, full) > BODY_LEADING) {
        limit = tallest(items, full) - 1;
        full = onPage();
      }
      // Not a line with its notes: on the next page, unless this one is empty (then they overrun it).
      if (tallest(items, full) > twipsFree(full.notes) && !empty()) {
        newPage();
        continue;
      }
      if (full.rest) {
        keep(full);
        page().bands.push({ kind: 'columns', lines: Math.max(1, Math.min(cap, linesFree())), columns: full.columns as [ColumnPiece[], ColumnPiece[]] });
        newPage();
        at = full.rest.at;
        from = full.rest.from;
        continue;
      }
      // The run ends on this page: its columns balanced, the lowest height that holds it and its notes.
      const total = full.used.reduce((n, u) => n + u, 0);
      let best = full;
      for (let h = Math.max(1, Math.ceil(total / 2)); h < cap; h++) {
        const tried = fill(items, at, end, from, h, 2, true);
        if (!tried.rest && tallest(items, tried) <= twipsFree(tried.notes)) {
          best = tried;
          break;
        }
      }
      keep(best);
      const lines = Math.max(...best.used);
      page().bands.push({ kind: 'columns', lines, columns: best.columns as [ColumnPiece[], ColumnPiece[]], balanced: true });
      usedTwips += lines * BODY_LEADING;
      break;
    }
    i = end;
  }
  page().notes = withRule(notes);
  return pages;
}
