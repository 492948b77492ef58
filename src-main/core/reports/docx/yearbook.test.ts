// The yearbook's binding as written in the XML; yearbook.libreoffice.test.ts checks the pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, docxParts, paragraphs, sectionProperties, textOf, type DocxParts } from '../../../../test/support/docx-parts.ts';
import { renderYearbook, YEARBOOK_PARKS, yearbookFeatures } from '../../../../test/support/yearbook-fixture.ts';
import { featureBookmark, featurePages } from './yearbook.ts';

describe('yearbook (.docx)', () => {
  let parts: DocxParts;
  let sections: string[];
  beforeAll(async () => {
    parts = await docxParts(await renderYearbook());
    sections = sectionProperties(parts.document);
  });

  it('opens with a cover and a contents page, neither with a running head or folio', () => {
    const texts = paragraphs(parts.document).map(textOf);
    expect(texts[0]).toBe('2022年园区年鉴');
    expect(texts).toContain('目\u3000\u3000录');
    // Cover, contents, then three sections per feature.
    expect(sections).toHaveLength(2 + 3 * 3);
    for (const s of sections.slice(0, 2)) expect(s).not.toContain('Reference w:type');
    expect(sections[1]).toContain('<w:type w:val="oddPage"/>');
  });

  it('starts every feature on a right-hand page, with folios running on from 1 instead of each feature’s own first page', () => {
    const firsts = [2, 5, 8].map((i) => sections[i]!);
    for (const s of firsts) expect(s).toContain('<w:type w:val="oddPage"/>');
    expect(attrs(firsts[0]!, 'w:pgNumType')).toEqual({ 'w:start': '1' });
    for (const s of firsts.slice(1)) expect(attrs(s, 'w:pgNumType')['w:start']).toBeUndefined();
    for (const s of firsts) expect(s).toContain('<w:headerReference w:type="default"');
  });

  it('lists each feature in the contents with a page reference to a bookmark on its first line, and the parks left out with why', () => {
    const texts = paragraphs(parts.document).map(textOf);
    YEARBOOK_PARKS.forEach((park, i) => {
      expect(parts.document).toMatch(new RegExp(`<w:bookmarkStart [^>]*w:name="${featureBookmark(i)}"`));
      expect(parts.document).toContain(`w:instr="PAGEREF ${featureBookmark(i)} \\h"`);
      expect(texts.some((t) => t.startsWith(`${park}\u3000${park}：聚焦`))).toBe(true);
    });
    expect(texts).toContain('曲靖经开区：2022年没有文稿');
    expect(parts.settings).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('estimates each feature on the next odd page after the one before', () => {
    expect(featurePages(yearbookFeatures())).toEqual([1, 3, 5]);
    const long = { ...yearbookFeatures()[0]!, sections: Array.from({ length: 12 }, () => yearbookFeatures()[0]!.sections[0]!) };
    expect(featurePages([long, yearbookFeatures()[1]!])[1]).toBeGreaterThanOrEqual(3);
  });
});
