// The yearbook's binding as written in the XML; yearbook.libreoffice.test.ts checks the pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, docxParts, paragraphs, sectionProperties, textOf, type DocxParts } from '../../../../test/support/docx-parts.ts';
import JSZip from 'jszip';
import { PHOTO } from '../../../../test/support/docx-fixtures.ts';
import { renderYearbook, YEARBOOK_FRONT, YEARBOOK_PARKS, yearbookFeatures } from '../../../../test/support/yearbook-fixture.ts';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { renderYearbook as renderBook } from './index.ts';
import { relationships } from './splice.ts';
import { featureBookmark, featurePages, featuresOf } from './yearbook.ts';
import { FEATURES_PER_RUN } from './yearbook-package.ts';

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
    // The features print the same running head and folio: the first names the parts, the others inherit them.
    expect(firsts[0]).toContain('<w:headerReference w:type="default"');
    expect(firsts[0]).toContain('<w:footerReference w:type="even"');
    for (const s of sections.slice(3)) expect(s).not.toContain('Reference w:type');
    expect(parts.headers).toHaveLength(2);
    expect(parts.footers).toHaveLength(2);
  });

  it('names new headers and footers for a feature whose running head or issue differs from the one before', async () => {
    const [a, b, c] = yearbookFeatures();
    const other = { ...b!, magazine: { ...b!.magazine, issue: '2023.09' } };
    const book = await docxParts(await renderBook(featuresOf([a!, other, c!]), { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, front: YEARBOOK_FRONT }));
    const firsts = [2, 5, 8].map((i) => sectionProperties(book.document)[i]!);
    expect(firsts.map((s) => s.includes('<w:headerReference w:type="default"'))).toEqual([true, true, true]);
    expect(book.footers.filter((f) => textOf(f).includes('2023.09'))).toHaveLength(2);
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

describe('yearbook package, feature run by feature run', () => {
  const many = Array.from({ length: 2 * FEATURES_PER_RUN + 1 }, (_, i) => ({ ...yearbookFeatures()[i % 3]!, parkName: `样本${i + 1}高新区` }));

  it('asks for each feature only as the contents and then its run are set, and reports each run written', async () => {
    const asked: number[] = [];
    const progress: string[] = [];
    await renderBook(
      { length: many.length, at: (i) => (asked.push(i), many[i]!) },
      { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, front: YEARBOOK_FRONT, progress: (done, total) => progress.push(`${done}/${total}`) },
    );
    const n = many.length;
    expect(progress).toEqual([`${FEATURES_PER_RUN}/${n}`, `${2 * FEATURES_PER_RUN}/${n}`, `${n}/${n}`]);
    // The front matter reads every feature once (properties and contents in one reading), then printing reads each once, in order.
    expect(asked.slice(asked.length - n)).toEqual(many.map((_, i) => i));
    expect(asked.filter((i) => i === 5)).toHaveLength(2);
  });

  it('splices the runs into one consistent package: every reference resolves, every header and footer is a typed part, the photo is packed once', async () => {
    const zip = await JSZip.loadAsync(await renderBook(featuresOf(many), { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, front: YEARBOOK_FRONT }));
    const text = (path: string) => zip.file(path)!.async('string');
    const document = await text('word/document.xml');
    const rels = relationships(await text('word/_rels/document.xml.rels'));
    const types = await text('[Content_Types].xml');
    expect(new Set(rels.map((r) => r.id)).size).toBe(rels.length);
    const ids = [...document.matchAll(/\sr:(?:id|embed)="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(many.length + 4);
    for (const id of new Set(ids)) {
      const rel = rels.find((r) => r.id === id);
      expect(rel, id).toBeDefined();
      expect(zip.file(`word/${rel!.target}`), rel!.target).not.toBeNull();
    }
    const furniture = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));
    expect(furniture).toHaveLength(4);
    for (const f of furniture) expect(types).toContain(`PartName="/${f}"`);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    // One document: one body-level section at the very end, every other section closed in a paragraph.
    expect(document.match(/<\/w:pPr><\/w:p><w:sectPr>|<w:sectPr>/g)).toHaveLength(2 + 3 * many.length);
    expect(document).toMatch(/<\/w:p><w:sectPr>(?:(?!<w:p[ >]).)*<\/w:sectPr><\/w:body><\/w:document>$/s);
    const unique = (re: RegExp) => {
      const all = [...document.matchAll(re)].map((m) => m[1]);
      expect(new Set(all).size).toBe(all.length);
    };
    unique(/<w:bookmarkStart w:id="(\d+)"/g);
    unique(/<wp:docPr id="(\d+)"/g);
  });
});
