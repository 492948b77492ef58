// Page geometry of the two templates, in CSS pixels of an A4 page at 96 dpi (210 × 297 mm). The
// preview lays text on a fixed line grid so that pages can be counted before they are drawn.
import type { Template } from '../../../../../src-main/shared/document.ts';

export const PAGE_W = 794;
export const PAGE_H = 1123;

export interface Geometry {
  /** Width of one text column. */
  columnWidth: number;
  columns: number;
  lineHeight: number;
  /** Lines in a full column (pages after the first). */
  lines: number;
  /** Tallest a photo's image may be, as a share of a column (as the Word export sizes it). */
  maxPhotoShare: number;
}

export const GEOMETRY: Record<Template, Geometry> = {
  // 园区风采: two columns of 13 px 宋体 on a 22 px grid, 44 lines, 26 px gutter.
  magazine: { columnWidth: 320, columns: 2, lineHeight: 22, lines: 44, maxPhotoShare: 1 / 2 },
  // 工作简报 (GB/T 9704): type area 156 × 225 mm, 22 lines of 28 characters of 3号 (16 pt) 仿宋.
  bulletin: { columnWidth: 588, columns: 1, lineHeight: 850 / 22, lines: 22, maxPhotoShare: 1 / 3 },
};

/** Lines the bulletin's masthead (name, 第X期, issuer and date, red rule) takes on the first page. */
export const BULLETIN_MASTHEAD_LINES = 6;

/** The masthead's lines, one more when 内部资料 stands above it. */
export const bulletinMastheadLines = (b: { internal?: boolean | undefined }): number => BULLETIN_MASTHEAD_LINES + (b.internal ? 1 : 0);
