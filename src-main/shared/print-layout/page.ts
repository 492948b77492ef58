// The printed page in the units the specifications use (GB/T 9704 and the magazine's grid are in
// millimetres and points) and the two every consumer needs: twips for Word, CSS pixels for the
// preview. Both layouts' descriptions (bulletin.ts, magazine.ts) are built from these.

export const twipsFromMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const twipsFromPt = (pt: number): number => Math.round(pt * 20);
/** docx places images at 96 dpi: 15 twips to the pixel, whole pixels. */
export const pxFromTwips = (twips: number): number => Math.floor(twips / 15);
/** A length on the preview's page (CSS pixels of 1/96 inch), unrounded: the preview draws the page at print size. */
export const cssPx = (twips: number): number => twips / 15;
/** A font size in half-points (as docx counts them) as CSS pixels. */
export const cssPxFromHalfPoints = (halfPoints: number): number => (halfPoints * 10) / 15;

/** A4 in twips (210 × 297 mm). */
export const A4 = { width: 11906, height: 16838 } as const;

export interface PageFrame {
  /** Twips. With mirrored margins (facing pages) left is the inside and right the outside; the gutter adds to the inside for the binding. */
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter?: number };
}

export function textWidth(frame: PageFrame): number {
  return A4.width - frame.margin.left - frame.margin.right - (frame.margin.gutter ?? 0);
}

export function textHeight(frame: PageFrame): number {
  return A4.height - frame.margin.top - frame.margin.bottom;
}

/** Which side of a spread a page is: odd pages are right-hand pages. */
export type Side = 'odd' | 'even';
export const sideOf = (page: number): Side => (page % 2 ? 'odd' : 'even');

/** The page's margins for the preview and print CSS, in CSS pixels; on a mirrored frame left and right swap on even pages. */
export function cssMargins(frame: PageFrame, side: Side, mirrored: boolean): { top: number; right: number; bottom: number; left: number } {
  const m = frame.margin;
  const inside = m.left + (m.gutter ?? 0);
  const [left, right] = mirrored && side === 'even' ? [m.right, inside] : [inside, m.right];
  return { top: cssPx(m.top), right: cssPx(right), bottom: cssPx(m.bottom), left: cssPx(left) };
}
