// Photos set at the top (photo card 位置: 栏首, or 页首 across both columns): a print editor puts a
// picture at the head of the column where the text it illustrates falls, not wherever that text
// happens to end. Where that is depends on the count, so the count places them: the flow is laid
// without the photo, the column (the page, for a photo across both) holding its anchor's last line
// is found, and the photo is moved to that column's head — the paragraph running into the column
// cut there, its first part ending the column before, its rest going on below the photo. The export
// writes the placed flow in this order with a column (page) break before the photo, and the preview
// draws it, so both set the photo where the count says.
import { type ResolvedChart, type ResolvedDocument, type Run } from '../document.ts';
import { sliceText } from '../text-slice.ts';
import { magazineFit, type Band, type ColumnItem, type ColumnPiece, type MagazinePageFit } from './magazine-fit.ts';
import { magazineFlow, magazineHead, noteTwips, type FlowOptions, type MagazineHead, type MagazineItem, type MagazineNote } from './magazine-flow.ts';

type TextItem = Extract<MagazineItem, { kind: 'text' }>;
type PhotoItem = Extract<MagazineItem, { kind: 'photo' }>;

/** The line of a paragraph that holds a footnote's reference: the line of the character before it. */
export function noteLine(starts: readonly number[], note: Pick<MagazineNote, 'at'>): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]! < note.at) k++;
  return k;
}

/** Each flow item's share of the columns, as the count reads it. */
export function columnItems(flow: readonly MagazineItem[]): ColumnItem[] {
  return flow.map((item) => ({
    lines: item.lines,
    ...(item.kind !== 'text' ? { block: true, ...(item.after ? { after: item.after } : {}) } : {}),
    ...(item.kind === 'photo' && item.span === 'full' ? { full: true } : {}),
    ...(item.kind === 'text' && item.keepNext ? { keepNext: true } : {}),
    ...(item.kind === 'photo' && item.head ? { head: true } : {}),
    ...(item.kind === 'text' && item.columnBreak ? { breakBefore: true } : {}),
    ...(item.kind === 'text' && item.notes ? { notes: item.notes.map((n) => ({ line: noteLine(item.starts, n), twips: noteTwips(n) })) } : {}),
  }));
}

/** The footnotes at the foot of a page, as the count sets them. */
export function pageNotes(flow: readonly MagazineItem[], page: MagazinePageFit): MagazineNote[] {
  return page.footnotes.map((ref) => (flow[ref.item] as TextItem).notes![ref.note]!);
}

/** Characters [from, to) of a paragraph's runs; a figure's source note stays with its last character. */
export function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  return sliceText(runs, from, to, (r, text, endCut) => {
    if (r.kind !== 'figure' || !r.note || !endCut) return { ...r, text };
    const { note: _, ...rest } = r;
    return { ...rest, text };
  });
}

/** A paragraph cut before its line `k`: the lines above, ending on a full line, and the rest, without an indent. */
export function splitText(item: TextItem, k: number): [TextItem, TextItem] {
  const at = item.starts[k]!;
  const { runsOn, notes, columnBreak, ...base } = item;
  // A footnote goes with its reference, which goes with the figure's end (sliceRuns).
  const before = (notes ?? []).filter((n) => n.at <= at);
  const after = (notes ?? []).filter((n) => n.at > at).map((n) => ({ ...n, at: n.at - at }));
  // A column break before the paragraph stays before its first part.
  const first: TextItem = { ...base, runs: sliceRuns(item.runs, 0, at), text: item.text.slice(0, at), starts: item.starts.slice(0, k), lines: k, runsOn: true, ...(before.length ? { notes: before } : {}), ...(columnBreak ? { columnBreak } : {}) };
  delete first.keepNext;
  const rest: TextItem = {
    ...base,
    runs: sliceRuns(item.runs, at, item.text.length),
    text: item.text.slice(at),
    starts: item.starts.slice(k).map((s) => s - at),
    lines: item.lines - k,
    cont: true,
    ...(runsOn ? { runsOn } : {}),
    ...(after.length ? { notes: after } : {}),
  };
  return [first, rest];
}

/** Where an item's last line stands: page, band, and column (-1 for a band across both). */
interface Spot {
  page: number;
  band: number;
  column: number;
}

function lastSpot(pages: readonly MagazinePageFit[], item: number): Spot | null {
  let found: Spot | null = null;
  pages.forEach((p, page) =>
    p.bands.forEach((b, band) => {
      if (b.kind === 'full') {
        if (b.item === item) found = { page, band, column: -1 };
      } else b.columns.forEach((col, column) => col.some((piece) => piece.item === item) && (found = { page, band, column }));
    }),
  );
  return found;
}

/** The piece that opens a column, or a page (column -1 of its first band). */
function opening(pages: readonly MagazinePageFit[], spot: Spot, page: boolean): { item: number; from: number } | null {
  const bands = pages[spot.page]!.bands;
  const band = bands[page ? 0 : spot.band];
  if (!band) return null;
  if (band.kind === 'full') return { item: band.item, from: 0 };
  const pieces = page ? band.columns.flat() : band.columns[spot.column];
  const first = pieces?.[0];
  return first ? { item: first.item, from: first.from } : null;
}

/**
 * What placing photos one after the other needs: the flow without them, each photo's anchor (the
 * item before it that stays where it is; null, the start of the body), and the flow's paragraphs cut
 * in two so far — an anchor cut by an earlier photo is found at its rest, which holds its end.
 */
class Placing {
  placed: MagazineItem[];
  readonly anchors = new Map<PhotoItem, MagazineItem | null>();
  private readonly restOf = new Map<MagazineItem, MagazineItem>();

  /** The title block's height, twips: the first page's columns start under it. */
  private readonly head: number;

  constructor(flow: readonly MagazineItem[], moved: (item: MagazineItem) => item is PhotoItem, head: number) {
    this.head = head;
    let before: MagazineItem | null = null;
    for (const item of flow) {
      if (moved(item)) this.anchors.set(item, before);
      else before = item;
    }
    this.placed = flow.filter((item) => !moved(item));
  }

  /**
   * The flow placed so far laid by the count, where the anchor now stands in it (-1: the start of the
   * body) and the spot its last line falls on (the start of the body: page 1's first column).
   */
  locate(anchor: MagazineItem | null) {
    const pages = this.lay();
    let at = -1;
    if (anchor) {
      let current = anchor;
      while (this.restOf.has(current)) current = this.restOf.get(current)!;
      at = this.placed.indexOf(current);
    }
    return { pages, at, spot: at < 0 ? { page: 0, band: 0, column: 0 } : lastSpot(pages, at) };
  }

  /** Cuts the paragraph at `index` after `lines` lines; returns the index of its rest. */
  split(index: number, lines: number): number {
    const target = this.placed[index] as TextItem;
    const [first, rest] = splitText(target, lines);
    this.restOf.set(target, rest);
    this.placed = [...this.placed.slice(0, index), first, rest, ...this.placed.slice(index + 1)];
    return index + 1;
  }

  insert(index: number, item: MagazineItem): void {
    this.placed = [...this.placed.slice(0, index), item, ...this.placed.slice(index)];
  }

  /** The flow placed so far on pages, as the count lays it. */
  lay(): MagazinePageFit[] {
    return magazineFit(columnItems(this.placed), this.head);
  }

  /** The flow and cuts so far, to go back to when a trial placement does not hold. */
  save(): () => void {
    const placed = this.placed;
    const restOf = new Map(this.restOf);
    return () => {
      this.placed = placed;
      this.restOf.clear();
      restOf.forEach((rest, item) => this.restOf.set(item, rest));
    };
  }
}

const isTop = (item: MagazineItem): item is PhotoItem => item.kind === 'photo' && item.photo.place === 'top';
/** A top photo already placed (head true, or false when it stands under another). */
const isPlaced = (item: MagazineItem) => item.kind === 'photo' && item.head !== undefined;

/**
 * The flow with its top photos placed, one after the other in the flow's order. `head` is the title
 * block's height, twips, or how to work it out.
 */
export function placeTopPhotos(flow: readonly MagazineItem[], titleHeight: number | (() => number)): MagazineItem[] {
  // Most features have none: the export (a yearbook's hundreds of features) then writes the flow without counting it.
  if (!flow.some(isTop)) return [...flow];
  const placing = new Placing(flow, isTop, typeof titleHeight === 'number' ? titleHeight : titleHeight());
  for (const [photo, anchor] of placing.anchors) {
    const placed = placing.placed;
    const { pages, at, spot } = placing.locate(anchor);
    const full = photo.span === 'full';
    // An anchor in a band across both columns (a photo in the text): the photo follows it.
    const open = spot && (full || spot.column >= 0) ? opening(pages, spot, full) : null;
    let index = open ? open.item : at + 1;
    let from = open ? open.from : 0;
    // Photos of its width already set at that top stay first: this one goes under them. One across
    // both columns goes above a column's: the page's top is above its columns'.
    let stacked = false;
    // (Those photos stand between the opening and the anchor; with no anchor, at the body's start.)
    while (index < placed.length && (at < 0 || index <= at) && isPlaced(placed[index]!) && (placed[index] as PhotoItem).span === photo.span) {
      stacked = true;
      index++;
      from = 0;
    }
    const target = placed[index];
    if (from > 0 && target?.kind === 'text' && !target.heading) index = placing.split(index, from);
    // A heading cut by a column is rare (a heading of more than a line): the photo goes above it.
    placing.insert(index, { ...photo, head: !stacked });
  }
  return placing.placed;
}

const isFoot = (item: MagazineItem): item is PhotoItem => item.kind === 'photo' && item.photo.place === 'foot' && item.span === 'column';

/**
 * Where the count may cut a band's flow `k` lines in (band order: the left column's pieces, then the
 * right's): the flow index the second part starts at, a paragraph across the line cut there with two
 * lines at least on each side of the cut (else cut before it, or after it when it came from the page
 * before), a heading or a picture block kept whole after the cut.
 */
function cutBand(placing: Placing, pieces: readonly ColumnPiece[], k: number): number {
  let acc = 0;
  for (const p of pieces) {
    const lines = p.to - p.from;
    if (acc + lines <= k) {
      acc += lines;
      continue;
    }
    const item = placing.placed[p.item]!;
    if (acc === k || item.kind !== 'text' || item.heading) return keptWithNext(placing, pieces, acc === k && p.from > 0 ? p.item + 1 : p.item);
    const j = Math.min(p.from + k - acc, item.lines - 2);
    if (j >= p.from + 2) return placing.split(p.item, j);
    return keptWithNext(placing, pieces, p.from > 0 ? p.item + 1 : p.item);
  }
  return (pieces.at(-1)?.item ?? -1) + 1;
}

/**
 * A cut at flow index `at` moved above the headings ending the part before it: a heading goes with
 * what follows, not left at a column's foot (above a photo placed there, of the section before).
 */
function keptWithNext(placing: Placing, pieces: readonly ColumnPiece[], at: number): number {
  const first = pieces[0]?.item ?? 0;
  let cut = at;
  while (cut - 1 > first) {
    const before = placing.placed[cut - 1]!;
    if (before.kind !== 'text' || !before.keepNext) break;
    cut--;
  }
  return cut;
}

/**
 * A band already cut into its columns by a break (a column break, a photo at a column's top), or
 * holding a 栏底 photo: a second break would open a third column, on the next page.
 */
function brokenBand(placed: readonly MagazineItem[], pieces: readonly ColumnPiece[]): boolean {
  return pieces.some((p, n) => {
    const item = placed[p.item]!;
    if (item.kind === 'photo') return item.head === true ? n > 0 : isFoot(item);
    return n > 0 && p.from === 0 && item.kind === 'text' && item.columnBreak === true;
  });
}

/**
 * The flow with its photos set at a column's foot (栏底) placed, one after the other: each moved into
 * the column its anchor's last line falls in, where the lines left under it are the photo's — the
 * paragraph running across that line cut there (two lines at least on each side, else cut higher or
 * the photo set above it), its rest going on at the next column's head. Nothing breaks the column:
 * the photo fills it to the foot. On a balanced band (the feature's last page, the columns above a
 * photo across both) the count shares the band's lines out itself, with a column break: the photo
 * ends the left column when its anchor ends in the lines the left column keeps beside the photo
 * (half the band's text less the photo, rounded up), the text after it opening the right column;
 * otherwise it ends the band, at the right column's foot, the right column opened where the left
 * holds half of text and photo (rounded down) — either way the photo's column is the taller, and
 * its foot the band's. The band takes one such break: a photo whose band has one already (or
 * whose taller column would then pass the page's foot, its footnotes' room included) stays in the
 * text after its anchor, as does one in a full band's column that does not reach its foot or is
 * shorter than the photo; never above a photo before it in the flow.
 */
export function placeFootPhotos(flow: readonly MagazineItem[], titleHeight: number | (() => number)): MagazineItem[] {
  if (!flow.some(isFoot)) return [...flow];
  const placing = new Placing(flow, isFoot, typeof titleHeight === 'number' ? titleHeight : titleHeight());
  let previous: PhotoItem | null = null;
  for (const [photo, anchor] of placing.anchors) {
    const { pages, at, spot } = placing.locate(anchor);
    const band = spot ? pages[spot.page]!.bands[spot.band] : undefined;
    const balanced = spot && band?.kind === 'columns' && band.balanced && spot.column >= 0;
    if (balanced && !brokenBand(placing.placed, band.columns.flat()) && footOfBalanced(placing, photo, at, spot, band)) {
      previous = photo;
      continue;
    }
    let index = at + 1;
    let cut = 0;
    if (!balanced && spot && band?.kind === 'columns' && spot.column >= 0) {
      const placed = placing.placed;
      const pieces = band.columns[spot.column]!;
      const target = band.lines - photo.lines;
      const filled = pieces.reduce((n, p) => n + p.to - p.from, 0);
      if (target >= 0 && filled + 1 >= band.lines) {
        let acc = 0;
        for (const p of pieces) {
          if (acc + p.to - p.from <= target) {
            acc += p.to - p.from;
            continue;
          }
          const item = placed[p.item]!;
          index = p.item;
          if (item.kind === 'text' && !item.heading) {
            const k = Math.min(p.from + target - acc, item.lines - 2);
            cut = k >= 2 ? k : 0;
          }
          break;
        }
      }
    }
    // Photos keep the flow's order: one anchored after an earlier photo's anchor never goes above it.
    const after = previous ? placing.placed.indexOf(previous) + 1 : 0;
    if (index < after) {
      index = after;
      cut = 0;
    }
    if (cut > 0) index = placing.split(index, cut);
    placing.insert(index, photo);
    previous = photo;
  }
  return placing.placed;
}

/**
 * Places `photo` at the foot of one of a balanced band's columns (see placeFootPhotos), sharing the
 * band's lines out with a column break; false, the flow left as it was, when the count then does not
 * set it there — the taller column, its footnotes' room included, higher than the page holds.
 */
function footOfBalanced(placing: Placing, photo: PhotoItem, at: number, spot: Spot, band: Extract<Band, { kind: 'columns' }>): boolean {
  const back = placing.save();
  const pieces = band.columns.flat();
  const text = pieces.reduce((n, p) => n + p.to - p.from, 0);
  // The anchor's last line, counted in band order.
  let anchorEnd = 0;
  let acc = 0;
  for (const p of pieces) {
    acc += p.to - p.from;
    if (p.item === at) anchorEnd = acc;
  }
  const last = pieces.at(-1)!.item;
  const left = Math.ceil((text - photo.lines) / 2);
  const ends = anchorEnd <= left && left > 0;
  const before = placing.placed.length;
  const cut = cutBand(placing, pieces, ends ? left : Math.floor((text + photo.lines) / 2));
  const end = last + 1 + (placing.placed.length - before);
  const opens = placing.placed[cut];
  if (opens?.kind === 'text' && cut < end) placing.placed[cut] = { ...opens, columnBreak: true };
  placing.insert(ends ? cut : end, photo);
  const now = lastSpot(placing.lay(), placing.placed.indexOf(photo));
  if (now && now.page === spot.page && now.band === spot.band && now.column === (ends ? 0 : 1)) return true;
  back();
  return false;
}

type ChartSize = (chart: ResolvedChart) => { width: number; height: number };

/**
 * The flow as the export writes it and the preview draws it, its top and foot photos placed by the count:
 * one call for both, so with 注明数据来源 both count the footnotes alike. The title block's height
 * is worked out only when a photo is to be placed.
 */
export function placedFlow(doc: ResolvedDocument, chartSize: ChartSize, options: FlowOptions = {}): MagazineItem[] {
  let head: number | undefined;
  const titleHeight = () => (head ??= magazineHead(doc).twips);
  return placeFootPhotos(placeTopPhotos(magazineFlow(doc, chartSize, options), titleHeight), titleHeight);
}

/** The feature as laid: the title block, the flow with its top photos placed, its pages, and the footnotes at each page's foot. */
export interface MagazineLaid {
  head: MagazineHead;
  flow: MagazineItem[];
  pages: MagazinePageFit[];
  notes: MagazineNote[][];
}

export function layMagazine(doc: ResolvedDocument, chartSize: ChartSize, options: FlowOptions = {}): MagazineLaid {
  const head = magazineHead(doc);
  const flow = placedFlow(doc, chartSize, options);
  const pages = magazineFit(columnItems(flow), head.twips);
  return { head, flow, pages, notes: pages.map((p) => pageNotes(flow, p)) };
}

