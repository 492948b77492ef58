import { describe, expect, it } from 'vitest';
import { attrs, paragraphs } from '../../../../test/support/docx-parts.ts';
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { endBlockSpace } from './bulletin-blocks.ts';
import { PAGE_TWIPS, endBlockPlace, fitPages, fitPlaces, textLines } from '../../../shared/print-layout/bulletin-fit.ts';
import { LINE_PITCH } from './bulletin-page.ts';

/** The spacer paragraphs as [exact height, page break before]. */
async function spacers(rows: number, bodyEnd: { page: number; used: number }): Promise<[number, boolean][]> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: endBlockSpace(endBlockPlace(rows, bodyEnd)) }] })));
  const xml = await zip.file('word/document.xml')!.async('string');
  return paragraphs(xml).map((p) => [Number(attrs(p, 'w:spacing')['w:line']), p.includes('<w:pageBreakBefore/>')]);
}

describe('the bulletin on its 22 × 28 grid', () => {
  it('counts a paragraph\'s lines: two characters of indent, Chinese one cell, digits half plus the space around them', () => {
    expect(textLines('一'.repeat(26))).toBe(1);
    expect(textLines('一'.repeat(27))).toBe(2);
    expect(textLines(`${'一'.repeat(20)}2022年`)).toBe(1); // 2 + 20 + 2 + 1 + 0.5 = 25.5
    expect(textLines('（共印60份）', 0, 31)).toBe(1);
  });

  it('fills pages line by line, moves a block that does not fit whole and keeps a heading with what follows', () => {
    expect(fitPages([{ lines: 20 }, { lines: 1 }])).toEqual({ page: 1, used: 21 * LINE_PITCH });
    expect(fitPages([{ lines: 20 }, { twips: 3 * LINE_PITCH }])).toEqual({ page: 2, used: 3 * LINE_PITCH });
    // Two lines left: the heading goes over with the paragraph it heads.
    expect(fitPages([{ lines: 20 }, { lines: 1, keepNext: true }, { lines: 5 }])).toEqual({ page: 2, used: 6 * LINE_PITCH });
    // A picture goes over with the first lines of its caption.
    expect(fitPages([{ lines: 13 }, { twips: 8 * LINE_PITCH, keepNext: true }, { twips: 2 * LINE_PITCH }])).toEqual({ page: 2, used: 10 * LINE_PITCH });
    // A paragraph breaks with two lines at least on the next page.
    expect(fitPages([{ lines: 21 }, { lines: 2 }])).toEqual({ page: 2, used: 2 * LINE_PITCH });
  });

  it('keeps a chain of items kept with the next together: a title, its by-line and two lines of the text they open', () => {
    // Four lines left: the title (2 lines of room) and the by-line fit, but not two lines of the lead after them.
    const title = { twips: 2 * LINE_PITCH, keepNext: true };
    const byline = { lines: 1, keepNext: true };
    expect(fitPlaces([{ lines: 18 }, title, byline, { lines: 9 }]).pieces.map((p) => p.page)).toEqual([1, 2, 2, 2]);
    // With five lines left all three stay: the lead breaks after its second line.
    expect(fitPlaces([{ lines: 17 }, title, byline, { lines: 9 }]).pieces.map((p) => [p.page, p.fromLine, p.toLine])).toEqual([
      [1, 0, 17],
      [1, 0, 0],
      [1, 0, 1],
      [1, 0, 2],
      [2, 2, 9],
    ]);
    // Two headings in a row go over together with two lines of their paragraph.
    const h = { lines: 1, keepNext: true };
    expect(fitPlaces([{ lines: 19 }, h, h, { lines: 5 }]).pieces.map((p) => p.page)).toEqual([1, 2, 2, 2]);
    // A chain taller than a page is not kept: its items fill the pages as they come, none alone on a page.
    const tall = { twips: 12 * LINE_PITCH, keepNext: true };
    expect(fitPlaces([{ lines: 3 }, tall, tall, { lines: 2 }]).pieces.map((p) => p.page)).toEqual([1, 1, 2, 2]);
  });

  it('puts the end block at the foot of the page the body ends on when it is even and has room', async () => {
    const [[height, pageBreak]] = (await spacers(3, { page: 2, used: 10 * LINE_PITCH })) as [[number, boolean]];
    expect(pageBreak).toBe(false);
    expect(height + 10 * LINE_PITCH + 3 * LINE_PITCH).toBeLessThanOrEqual(PAGE_TWIPS);
    // What is left below the block: its rules and a little air, well under 10 mm (567 twips).
    expect(PAGE_TWIPS - (height + 13 * LINE_PITCH)).toBeLessThanOrEqual(300);
  });

  it('on the next page, alone at its foot, when the body ends on an odd page; two pages on when an even one is full', async () => {
    expect(await spacers(3, { page: 1, used: 5 * LINE_PITCH })).toEqual([[expect.any(Number), true]]);
    // The body fills page 2: page 3 stays blank (one line opening its own section, bulletin.ts), the block goes to page 4.
    expect(endBlockPlace(3, { page: 2, used: 20 * LINE_PITCH })).toMatchObject({ page: 4, blankPage: 3 });
    const full = await spacers(3, { page: 2, used: 20 * LINE_PITCH });
    expect(full.map(([, b]) => b)).toEqual([false, true]);
    expect(full[1]![0] + 3 * LINE_PITCH).toBeLessThanOrEqual(PAGE_TWIPS);
  });
});
