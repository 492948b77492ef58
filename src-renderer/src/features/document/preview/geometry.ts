// The preview's page, in CSS pixels at 96 dpi, read from the layouts' shared description
// (src-main/shared/print-layout/): the same page, margins, grid and type sizes the Word export
// writes. Nothing here is set by hand.
import type { Template } from '../../../../../src-main/shared/document.ts';
import { BULLETIN_FRAME, BULLETIN_LOOKS, LINE_PITCH } from '../../../../../src-main/shared/print-layout/bulletin.ts';
import { BULLETIN_PICTURE } from '../../../../../src-main/shared/print-layout/bulletin-flow.ts';
import { PAGE_TWIPS } from '../../../../../src-main/shared/print-layout/bulletin-fit.ts';
import {
  BODY_LEADING,
  CAPTION_SPACING,
  COLUMN_GAP,
  COLUMN_LINES,
  COLUMN_WIDTH,
  COLUMNS,
  FOOTNOTE_LEADING,
  FOOTNOTE_RULE,
  MAGAZINE_FRAME,
  MAGAZINE_LOOKS,
  MIRRORED,
  PICTURE_MAX_HEIGHT,
  TITLE_SPACING,
} from '../../../../../src-main/shared/print-layout/magazine.ts';
import { A4, cssMargins, cssPx, cssPxFromHalfPoints, sideOf, textHeight, textWidth, type PageFrame } from '../../../../../src-main/shared/print-layout/page.ts';

export const PAGE_W = cssPx(A4.width);
export const PAGE_H = cssPx(A4.height);

export interface Geometry {
  frame: PageFrame;
  mirrored: boolean;
  /** Width of one text column. */
  columnWidth: number;
  columns: number;
  columnGap: number;
  lineHeight: number;
  /** Lines in a full column. */
  lines: number;
  /** Height of the type area. */
  areaHeight: number;
  /** Tallest a picture's image may be. */
  maxPicture: number;
}

export const GEOMETRY: Record<Template, Geometry> = {
  magazine: {
    frame: MAGAZINE_FRAME,
    mirrored: MIRRORED,
    columnWidth: cssPx(COLUMN_WIDTH),
    columns: COLUMNS,
    columnGap: cssPx(COLUMN_GAP),
    lineHeight: cssPx(BODY_LEADING),
    lines: COLUMN_LINES,
    areaHeight: cssPx(textHeight(MAGAZINE_FRAME)),
    maxPicture: cssPx(PICTURE_MAX_HEIGHT),
  },
  bulletin: {
    frame: BULLETIN_FRAME,
    mirrored: false,
    columnWidth: cssPx(textWidth(BULLETIN_FRAME)),
    columns: 1,
    columnGap: 0,
    lineHeight: cssPx(LINE_PITCH),
    lines: Math.floor(PAGE_TWIPS / LINE_PITCH),
    areaHeight: cssPx(PAGE_TWIPS),
    maxPicture: cssPx(BULLETIN_PICTURE.maxHeight),
  },
};

/** The type area of page `n` (from 1, or the folio): mirrored margins swap on even pages. */
export function areaBox(template: Template, n: number): { top: number; left: number; width: number; height: number } {
  const g = GEOMETRY[template];
  const m = cssMargins(g.frame, sideOf(n), g.mirrored);
  return { top: m.top, left: m.left, width: PAGE_W - m.left - m.right, height: g.areaHeight };
}

const px = (n: number) => `${n}px`;
const size = (halfPoints: number) => px(cssPxFromHalfPoints(halfPoints));

/** CSS custom properties of a template: the sizes preview.css sets its type in. */
export function templateVars(template: Template): Record<string, string> {
  const g = GEOMETRY[template];
  const base = { '--page-w': px(PAGE_W), '--page-h': px(PAGE_H), '--lh': px(g.lineHeight), '--col-gap': px(g.columnGap) };
  if (template === 'magazine') {
    const M = MAGAZINE_LOOKS;
    return {
      ...base,
      '--body-size': size(M.body.size),
      '--subtitle-size': size(M.subtitle.size),
      '--byline-size': size(M.byline.size),
      '--caption-size': size(M.caption.size),
      '--caption-lh': px(cssPx(CAPTION_SPACING.line)),
      '--caption-after': px(cssPx(CAPTION_SPACING.after)),
      '--note-size': size(M.footnote.size),
      '--note-lh': px(cssPx(FOOTNOTE_LEADING)),
      '--note-rule-above': px(cssPx(FOOTNOTE_RULE.above)),
      '--note-rule': px(cssPx(FOOTNOTE_RULE.width)),
      '--note-rule-below': px(cssPx(FOOTNOTE_RULE.below)),
      '--title-before': px(cssPx(TITLE_SPACING.before)),
      '--title-after': px(cssPx(TITLE_SPACING.after)),
      '--subtitle-after': px(cssPx(TITLE_SPACING.subtitleAfter)),
      '--byline-after': px(cssPx(TITLE_SPACING.bylineAfter)),
      '--head-zh-size': size(M.headZh.size),
      '--head-en-size': size(M.headEn.size),
      '--folio-page-size': size(M.folioPage.size),
      '--folio-issue-size': size(M.folioIssue.size),
      '--header-top': px(cssPx(MAGAZINE_FRAME.margin.header)),
      '--footer-bottom': px(cssPx(MAGAZINE_FRAME.margin.footer)),
    };
  }
  const B = BULLETIN_LOOKS;
  return {
    ...base,
    '--body-size': size(B.body.size),
    '--tracking': px(cssPx(B.body.tracking)),
    '--title-size': size(B.title.size),
    '--caption-size': size(B.caption.size),
    '--end-size': size(B.end.size),
    '--pn-size': size(28),
    '--footer-bottom': px(cssPx(BULLETIN_FRAME.margin.footer)),
  };
}
