// Test support: the magazine's columns as LibreOffice rendered them and as the count lays them, so a
// test compares the two column by column (the e2e preview check, the photo placement render check).
import type { MagazineItem, MagazineNote } from '../../src-main/shared/print-layout/magazine-flow.ts';
import type { ColumnPiece, MagazinePageFit } from '../../src-main/shared/print-layout/magazine-fit.ts';
import type { PdfLine, PdfPage } from './libreoffice.ts';
import { SourceNotes } from '../../src-main/shared/source-notes.ts';
import { PT_PER_MM } from './print-checks.ts';

const A4_HEIGHT = 841.89;
/** The magazine's type area, points from the top: furniture (running head, folio) lies outside. */
export const MAGAZINE_AREA = { top: 24 * PT_PER_MM - 2, bottom: A4_HEIGHT - 22 * PT_PER_MM + 2 };
/** Points: a line of the body type (10.5 pt) or smaller (captions) is boxed lower than this by poppler; the title block's (12 pt and up) higher. */
const BODY_LINE_BOX = 15;
/** Points: a footnote's line (7.5 pt) is boxed lower than this, a caption's (9 pt) higher… */
const NOTE_LINE_BOX = 10.5;
/** …and a note's number (a superscript of 7.5 pt, a line of its own) lower than this. */
const NOTE_NUMBER_BOX = 8.5;
/** Between the two columns on either side of a spread (105 mm: the gap spans it on odd and even pages). */
export const MID = 105 * PT_PER_MM;

export const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Characters compared at each end of a column. */
export const ENDS = 6;
export const ends = (pages: readonly (readonly string[])[]) => pages.map((p) => p.map((c) => `${c.slice(0, ENDS)}…${c.slice(-ENDS)}`));

const inArea = (l: PdfLine) => (l.y0 + l.y1) / 2 >= MAGAZINE_AREA.top && (l.y0 + l.y1) / 2 <= MAGAZINE_AREA.bottom;

/** A page's body lines (title block and footnotes left out), top to bottom. */
export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((l) => inArea(l) && l.y1 - l.y0 < BODY_LINE_BOX && l.y1 - l.y0 >= NOTE_LINE_BOX).sort((a, b) => a.y0 - b.y0);
}

/** A page's footnotes as rendered (注明数据来源): their lines, and their text without the numbers. */
export function pdfNotes(pages: readonly PdfPage[]): { lines: number; text: string }[] {
  return pages.map((p) => {
    const lines = p.lines.filter((l) => inArea(l) && l.y1 - l.y0 < NOTE_LINE_BOX && l.y1 - l.y0 >= NOTE_NUMBER_BOX).sort((a, b) => a.y0 - b.y0);
    return { lines: lines.length, text: squeeze(lines.map((l) => l.text).join('')) };
  });
}

/** Each counted page's footnotes, as pdfNotes reads a render. */
export function countedNotes(notes: readonly (readonly MagazineNote[])[]): { lines: number; text: string }[] {
  return notes.map((page) => ({ lines: page.reduce((n, note) => n + note.starts.length, 0), text: squeeze(page.map((n) => n.text).join('')) }));
}

/** Each page's notes by their line count and the ends of their text, as the tests compare them. */
export const noteEnds = (notes: readonly { lines: number; text: string }[]) => notes.map((n) => ({ lines: n.lines, text: ends([[n.text]])[0]![0] }));

/**
 * Each rendered page's columns' text, top to bottom, band by band: a photo across both columns
 * (found by its caption, `fullCaptions`) ends the band of columns above it. The title block is left out.
 */
export function pdfColumns(pages: readonly PdfPage[], fullCaptions: readonly string[] = []): string[][] {
  return pages.map((p) => {
    const body = bodyLines(p);
    const cuts = body.filter((l) => fullCaptions.some((c) => squeeze(l.text).startsWith(c.slice(0, ENDS)))).map((l) => l.y0);
    const bands = [...cuts, Infinity].map((to, i) => body.filter((l) => l.y0 < to && l.y0 > (i ? cuts[i - 1]! : -Infinity)));
    return bands
      .map((band) => [band.filter((l) => l.x1 <= MID), band.filter((l) => l.x0 >= MID)].map((col) => squeeze(col.map((l) => l.text).join(''))))
      .filter((cols) => cols.some((c) => c !== ''))
      .flat();
  });
}

/** Each counted page's columns' text, as pdfColumns reads a render: a column's lines and captions, a band across both left out. */
export function countedColumns(flow: readonly MagazineItem[], pages: readonly MagazinePageFit[]): string[][] {
  const pieceText = (piece: ColumnPiece) => {
    const item = flow[piece.item]!;
    if (item.kind === 'photo') return item.caption.join('');
    if (item.kind === 'chart') return item.chart.credit;
    return item.text.slice(item.starts[piece.from], item.starts[piece.to] ?? item.text.length);
  };
  return pages.map((p) =>
    p.bands
      .flatMap((b) => (b.kind === 'full' ? [] : [b.columns.map((col) => squeeze(col.map(pieceText).join('')))]))
      .filter((cols) => cols.some((c) => c !== ''))
      .flat(),
  );
}

/**
 * The lines of the flow's running text (headings left out) as the count cuts them, each a pattern
 * of its text with the footnote references of `sources` (注明数据来源) after their figures, numbered
 * as the export numbers them: poppler reads a superscript into its line now and then, else apart.
 */
export function countedLines(flow: readonly MagazineItem[], sources: boolean): RegExp[] {
  const notes = new SourceNotes();
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return flow.flatMap((item) => {
    if (item.kind !== 'text' || item.heading || item.text.trim() === '') return [];
    const marks = new Map<number, string>();
    let at = 0;
    for (const r of item.runs) {
      at += r.text.length;
      if (sources && r.kind === 'figure' && r.note && notes.take(r.note)) marks.set(at, String(notes.notes.length));
    }
    return item.starts.map((from, i) => {
      const to = item.starts[i + 1] ?? item.text.length;
      let pattern = '';
      for (let k = from; k < to; k++) {
        if (!/\s/.test(item.text[k]!)) pattern += escape(item.text[k]!);
        if (marks.has(k + 1)) pattern += `(?:${marks.get(k + 1)})?`;
      }
      return new RegExp(`^${pattern}$`, 'u');
    });
  });
}

/** The counted lines no line of the render matches (in any order: poppler interleaves the columns now and then). */
export function linesApart(lines: readonly RegExp[], pages: readonly PdfPage[]): string[] {
  const rendered = pages.flatMap((p) => p.lines.map((l) => squeeze(l.text)));
  return lines.filter((re) => !rendered.some((l) => re.test(l))).map((re) => re.source);
}
