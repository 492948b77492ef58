// Test support: the print editor's checks (docs/PRINT-CHECKLIST.md) on a rendered PDF's lines.
// Each check returns what it found wrong, as readable strings, so a failure shows the place.
import type { PdfLine, PdfPage } from './libreoffice.ts';

/** Points in a millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** The type area of a page, points from the top: furniture (running header, folio) lies outside it. */
export interface TextBlock {
  top: number;
  bottom: number;
}

const where = (page: number, line: PdfLine) => `p.${page + 1} y=${line.y0.toFixed(0)} «${line.text}»`;

/** Consecutive lines of one flow, page by page. */
function* linePairs(pages: readonly PdfPage[]): Generator<[number, PdfLine, PdfLine]> {
  for (const [p, page] of pages.entries()) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1]!;
      const b = page.lines[i]!;
      if (a.flow === b.flow) yield [p, a, b];
    }
  }
}

/** A number cut between two lines: 产值7 / 8.13亿元, 增长42. / 5%, 15 / 0余户. */
export function splitFigures(pages: readonly PdfPage[]): string[] {
  const out: string[] = [];
  for (const [p, a, b] of linePairs(pages)) if (/[0-9][.,]?$/.test(a.text) && /^[0-9.%]/.test(b.text)) out.push(`${where(p, a)} / «${b.text}»`);
  return out;
}

/** Marks that must never open a line (GB/T 15834 and the Chinese line-breaking rules). */
const CLOSING = /^[，。、；：？！）》」』”’〕】％%…·,.;:?!)\]}]/u;

export function closingPunctuationAtLineStart(pages: readonly PdfPage[]): string[] {
  const out: string[] = [];
  for (const [p, page] of pages.entries()) for (const line of page.lines) if (CLOSING.test(line.text)) out.push(where(p, line));
  return out;
}

const PUNCTUATION = [...'，。、；：？！“”（）《》'];

/** Each mark the document holds more often than the PDF shows it: a mark the layout dropped. */
export function lostPunctuation(documentText: string, pdfText: string): Record<string, number> {
  const count = (text: string, ch: string) => text.split(ch).length - 1;
  const lost: Record<string, number> = {};
  for (const ch of PUNCTUATION) {
    const n = count(documentText, ch) - count(pdfText, ch);
    if (n > 0) lost[ch] = n;
  }
  return lost;
}

const inBlock = (line: PdfLine, block: TextBlock) => {
  const mid = (line.y0 + line.y1) / 2;
  return mid >= block.top - 2 && mid <= block.bottom + 2;
};

/** Pages with nothing in the type area: only a running header and a folio, or nothing at all. */
export function blankPages(pages: readonly PdfPage[], block: TextBlock): number[] {
  return pages.flatMap((page, p) => (page.lines.some((l) => inBlock(l, block)) ? [] : [p + 1]));
}

/** The page (from 1) and the line of the last line containing `text`. */
export function lastLineWith(pages: readonly PdfPage[], text: string): { page: number; line: PdfLine } | undefined {
  for (let p = pages.length - 1; p >= 0; p--) {
    const lines = pages[p]!.lines;
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.text.includes(text)) return { page: p + 1, line: lines[i]! };
  }
  return undefined;
}

/**
 * How far apart, points, the feet of the two columns on the last page are: the text lines in the
 * type area left and right of the page's middle (a full-width line counts for neither).
 */
export function columnFootGap(page: PdfPage, block: TextBlock): number {
  const mid = page.width / 2;
  const body = page.lines.filter((l) => inBlock(l, block));
  const foot = (lines: PdfLine[]) => Math.max(...lines.map((l) => l.y1));
  const left = body.filter((l) => l.x1 < mid);
  const right = body.filter((l) => l.x0 > mid);
  if (left.length === 0 || right.length === 0) return Infinity;
  return Math.abs(foot(left) - foot(right));
}

/**
 * Pages whose two columns set their body lines on different baselines: the lines of 10.5 pt text
 * (a line box 13–14.5 pt high) should stand a whole number of `leading` apart across the page, so
 * each column's feet, taken modulo the leading, agree within a point.
 */
export function columnBaselineShifts(pages: readonly PdfPage[], block: TextBlock, leading: number): string[] {
  const out: string[] = [];
  for (const [p, page] of pages.entries()) {
    const mid = page.width / 2;
    const feet = (left: boolean) =>
      page.lines.filter((l) => inBlock(l, block) && l.y1 - l.y0 > 13 && l.y1 - l.y0 < 14.5 && (left ? l.x1 < mid : l.x0 > mid)).map((l) => l.y1 % leading);
    const all = [...feet(true), ...feet(false)];
    if (all.length === 0) continue;
    // Distance on the circle of residues, so 15.9 and 0.1 count as 0.2 apart.
    const spread = Math.max(...all.map((a) => Math.max(...all.map((b) => Math.min(Math.abs(a - b), leading - Math.abs(a - b))))));
    if (spread > 1) out.push(`p.${p + 1}: baselines ${spread.toFixed(1)} pt apart`);
  }
  return out;
}

/** Each page's text below the type area (the bulletin's page number), '' where there is none. */
export function footTexts(pages: readonly PdfPage[], block: TextBlock): string[] {
  return pages.map((page) => page.lines.filter((l) => (l.y0 + l.y1) / 2 > block.bottom + 2).map((l) => l.text).join(''));
}

/**
 * The lines `expected` (each paragraph's lines as a count cuts them, in order) that the render does
 * not show as lines of their own, in that order: where the count and the layout part ways. Spaces
 * are left out on both sides (poppler splits words at them); lines of the render that are no
 * paragraph's (masthead, captions, page numbers) are passed over.
 */
export function linesNotRendered(expected: readonly string[], pages: readonly PdfPage[]): string[] {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const rendered = pages.flatMap((p) => p.lines.map((l) => squeeze(l.text)));
  const missing: string[] = [];
  let at = 0;
  for (const line of expected) {
    const k = rendered.indexOf(squeeze(line), at);
    if (k < 0) missing.push(line);
    else at = k + 1;
  }
  return missing;
}
