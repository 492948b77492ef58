// The bulletin's page after GB/T 9704-2012: A4, a 156 × 225 mm text block of 22 lines × 28
// characters, and the page number "— N —" in 4号 宋体 one character in from the outside edge.
import { AlignmentType, DocumentGridType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import type { FontMap } from '../../../shared/settings.ts';
import { singleFont } from './fonts.ts';
import { LINE_PITCH, PAGE_NUMBER } from '../../../shared/print-layout/bulletin.ts';
import { runOptions, type Look } from './runs.ts';

export { BODY_SIZE, BULLETIN_FRAME, CHARS_PER_LINE, LINE_PITCH, TRACKING } from '../../../shared/print-layout/bulletin.ts';

/** The line grid of 22 lines; the characters per line come from TRACKING. */
export function bulletinGrid() {
  return { type: DocumentGridType.LINES, linePitch: LINE_PITCH };
}

function pageNumber(fonts: FontMap, side: 'odd' | 'even'): Footer {
  const look: Look = { ...PAGE_NUMBER.look, font: singleFont(fonts, PAGE_NUMBER.look.role) };
  const opts = runOptions(fonts, look);
  return new Footer({
    children: [
      new Paragraph({
        alignment: PAGE_NUMBER.align(side) === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: PAGE_NUMBER.align(side) === 'right' ? { right: PAGE_NUMBER.indent } : { left: PAGE_NUMBER.indent },
        children: [new TextRun({ ...opts, text: '— ' }), new TextRun({ ...opts, children: [PageNumber.CURRENT] }), new TextRun({ ...opts, text: ' —' })],
      }),
    ],
  });
}

export function bulletinFooters(fonts: FontMap) {
  return { default: pageNumber(fonts, 'odd'), even: pageNumber(fonts, 'even') };
}

/**
 * The section that starts with the blank page before the end block: GB/T 9704 leaves a blank page
 * unnumbered, so the section's first page (w:titlePg) has an empty footer; the block's page after
 * it carries its number, counted on from the body.
 */
export function blankPageFooters(fonts: FontMap) {
  return { first: new Footer({ children: [new Paragraph({})] }), ...bulletinFooters(fonts) };
}
