// Page geometry shared by the templates. docx wants lengths in twips and images in pixels, while
// the specifications (GB/T 9704, the magazine's grid) are written in millimetres and points.
import type { ISectionPropertiesOptions } from 'docx';

export const twipsFromMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const twipsFromPt = (pt: number): number => Math.round(pt * 20);
/** docx places images at 96 dpi: 15 twips to the pixel. */
export const pxFromTwips = (twips: number): number => Math.floor(twips / 15);

export const A4 = { width: 11906, height: 16838 } as const;

export interface PageFrame {
  /** With mirrored margins (facing pages) left is the inside and right the outside; the gutter adds to the inside for the binding. */
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter?: number };
}

export function textWidth(frame: PageFrame): number {
  return A4.width - frame.margin.left - frame.margin.right - (frame.margin.gutter ?? 0);
}

export function textHeight(frame: PageFrame): number {
  return A4.height - frame.margin.top - frame.margin.bottom;
}

/**
 * The page part of a section's properties. Every section carries all of it, even a continuous one
 * that only changes the columns: a section without its own size and margins gets Word's defaults
 * (Letter-ish 1-inch margins), not the previous section's.
 */
export function pageProperties(frame: PageFrame, firstPage?: number): NonNullable<ISectionPropertiesOptions['page']> {
  return {
    size: { width: A4.width, height: A4.height },
    margin: { ...frame.margin, gutter: frame.margin.gutter ?? 0 },
    ...(firstPage === undefined ? {} : { pageNumbers: { start: firstPage } }),
  };
}
