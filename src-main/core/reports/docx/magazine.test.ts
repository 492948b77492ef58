import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONTS, FONT_ROLES } from '../../../shared/settings.ts';
import { attrs, docxParts, figureLangProblems, paragraphs, sectionProperties, runsSpelling, styleXml, textOf, type DocxParts } from '../../../../test/support/docx-parts.ts';
import { FIGURES, MARKER, PHOTO, seedFeature, TITLE } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx } from './index.ts';
import { COLUMN_WIDTH } from './magazine.ts';
import { photoSize } from '../../../shared/print-layout/caption.ts';
import type { ResolvedPhoto } from '../../../shared/document.ts';
import { layMagazine } from '../../../shared/print-layout/magazine-place.ts';

const render = (docs = [seedFeature()]) => renderDocx(docs, { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO });

describe('magazine feature (.docx)', () => {
  let parts: DocxParts;
  let sections: string[];
  beforeAll(async () => {
    parts = await docxParts(await render());
    sections = sectionProperties(parts.document);
  });

  it('is A4 in every section, each repeating the margins; the first names the header and footer parts the others inherit', () => {
    expect(sections).toHaveLength(3);
    const margins = sections.map((s) => attrs(s, 'w:pgMar'));
    const refs = ['headerReference w:type="default"', 'headerReference w:type="even"', 'footerReference w:type="default"', 'footerReference w:type="even"'];
    for (const s of sections) expect(attrs(s, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    for (const ref of refs) expect(sections[0]).toContain(`<w:${ref}`);
    for (const s of sections.slice(1)) expect(s).not.toContain('Reference w:type');
    expect(new Set(margins.map((m) => JSON.stringify(m))).size).toBe(1);
    expect(Number(margins[0]!['w:top'])).toBeGreaterThan(0);
  });

  it('sets the title full width, then lead and body in two columns on the same page', () => {
    const [title, body, end] = sections as [string, string, string];
    expect(attrs(title, 'w:pgNumType')).toEqual({ 'w:start': '40' });
    expect(attrs(title, 'w:cols')['w:num']).toBe('1');
    expect(body).toContain('<w:type w:val="continuous"/>');
    expect(attrs(body, 'w:cols')).toMatchObject({ 'w:num': '2' });
    expect(attrs(body, 'w:pgNumType')['w:start']).toBeUndefined();
    // The closing one-column section balances the last page's columns.
    expect(end).toContain('<w:type w:val="continuous"/>');
    expect(attrs(end, 'w:cols')['w:num']).toBe('1');

    const texts = paragraphs(parts.document).map(textOf);
    expect(texts[0]).toBe(TITLE);
    expect(texts[1]).toBe('楚雄高新区管委会');
    expect(texts[2]).toMatch(/^楚雄国家高新技术产业开发区/);
  });

  it('breaks the title after the park name and sizes it to fit one line each', () => {
    const title = paragraphs(parts.document)[0]!;
    expect(title).toMatch(/楚雄高新区：<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
    const size = Number(attrs(title.slice(title.indexOf('<w:r>')), 'w:sz')['w:val']);
    // 22 characters across 172 mm: a little over 22 pt.
    expect(size).toBeGreaterThanOrEqual(40);
    expect(size).toBeLessThanOrEqual(48);
  });

  it('sets each section heading as a Word heading of level 2 on a line of its own, in bold 黑体 on the body\'s leading', () => {
    const ps = paragraphs(parts.document);
    const at = ps.findIndex((x) => textOf(x) === '聚焦招商引资，项目支撑形成新优势');
    expect(at).toBeGreaterThan(0);
    expect(attrs(ps[at]!, 'w:pStyle')).toEqual({ 'w:val': 'MagHeading2' });
    expect(textOf(ps[at + 1]!)).toMatch(/^2022年以来，园区积极开展/);
    const style = styleXml(parts.styles, 'MagHeading2');
    expect(attrs(style, 'w:basedOn')).toEqual({ 'w:val': 'Heading2' });
    expect(attrs(style, 'w:outlineLvl')).toEqual({ 'w:val': '1' });
    expect(style).toContain('<w:keepNext/>');
    expect(style).toContain('<w:b/>');
    expect(attrs(style, 'w:rFonts')['w:eastAsia']).toBe('黑体');
    // One body line high, so the columns' baselines stay in step.
    expect(attrs(style, 'w:spacing')).toMatchObject({ 'w:line': '320', 'w:lineRule': 'exact' });
  });

  it('sets a heading alone when its section has no paragraphs', async () => {
    const doc = seedFeature();
    doc.sections.push({ heading: [{ kind: 'text', text: '聚焦园区建设，发展基础焕发新气象' }], level: 1, paragraphs: [] });
    const xml = (await docxParts(await render([doc]))).document;
    expect(paragraphs(xml).map(textOf)).toContain('聚焦园区建设，发展基础焕发新气象');
  });

  it('writes every figure as plain prose and the marker highlighted', () => {
    const runs = parts.document.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    for (const figure of FIGURES) {
      const run = runsSpelling(parts.document, figure);
      expect(run, figure).toBeDefined();
      for (const r of run!) expect(r).not.toContain('w:highlight');
      for (const r of run!) expect(attrs(r, 'w:rFonts')['w:eastAsia']).toBe('宋体');
    }
    const marker = runs.find((r) => textOf(r) === MARKER)!;
    expect(attrs(marker, 'w:highlight')).toEqual({ 'w:val': 'yellow' });
    expect(attrs(marker, 'w:color')).toEqual({ 'w:val': 'FF0000' });
  });

  it('tags the digits and Latin of every figure en-US (Chinese still zh-CN), so no figure breaks across lines', () => {
    expect(figureLangProblems(parts.document, FIGURES)).toEqual([]);
  });

  it('sets a photo across both columns in a one-column section between two-column ones, at the full type width', async () => {
    const doc = seedFeature();
    doc.photos = doc.photos.map((p) => ({ ...p, span: 'full' as const }));
    const xml = (await docxParts(await render([doc]))).document;
    // Title, columns above the photo, the photo, columns below it, the balancing section.
    expect(sectionProperties(xml).map((s) => attrs(s, 'w:cols')['w:num'])).toEqual(['1', '2', '1', '2', '1']);
    const cx = Number(attrs(xml, 'wp:extent').cx);
    // Wider than a column (82 mm), within the type area (210 mm − 17 − 17 − 5 mm of gutter = 171 mm),
    // as tall as a third of the type area allows.
    expect(cx / 36000).toBeGreaterThan(100);
    expect(cx / 36000).toBeLessThanOrEqual(171.5);
    expect(Number(attrs(xml, 'wp:extent').cy) / 36000).toBeCloseTo((297 - 24 - 22) / 3, 0);
    // The photo's section ends right after its caption.
    const texts = paragraphs(xml);
    const caption = texts.findIndex((p) => textOf(p) === '楚雄高新区苍岭工业园区一角。高新区管委会供图');
    expect(texts[caption]).toContain('<w:sectPr>');
  });

  it('with footnotes, opens the section of a photo across both columns in the text with an empty paragraph 1 pt high, taken from the caption\'s space after', async () => {
    const doc = seedFeature();
    doc.photos = doc.photos.map((p) => ({ ...p, span: 'full' as const }));
    const photoSection = async (sources: boolean) => {
      const xml = (await docxParts(await renderDocx([doc], { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, sources }))).document;
      const texts = paragraphs(xml);
      const picture = texts.findIndex((p) => p.includes('<w:drawing>'));
      return { before: texts[picture - 1]!, caption: texts[picture + 1]! };
    };
    const plain = await photoSection(false);
    const noted = await photoSection(true);
    // Without footnotes the columns' section ends right before the picture.
    expect(plain.before).toContain('<w:sectPr>');
    expect(noted.before).not.toContain('<w:sectPr>');
    expect(textOf(noted.before)).toBe('');
    expect(attrs(noted.before, 'w:spacing')).toMatchObject({ 'w:line': '20', 'w:lineRule': 'exact', 'w:before': '0', 'w:after': '0' });
    expect(Number(attrs(noted.caption, 'w:spacing')['w:after'])).toBe(Number(attrs(plain.caption, 'w:spacing')['w:after']) - 20);
  });

  describe('a photo set at the top (排法 栏首/页首), where the count places it', () => {
    /** The seed feature with its lead three times over: two pages, columns that open in a paragraph. */
    const long = (photo: Partial<ResolvedPhoto>, leads = 3) => {
      const doc = seedFeature();
      return { ...doc, lead: Array.from({ length: leads }, () => doc.lead).flat(), photos: doc.photos.map((p) => ({ ...p, ...photo, place: 'top' as const })) };
    };
    const CAPTION = '楚雄高新区苍岭工业园区一角。高新区管委会供图';

    it('cuts the paragraph running into the photo\'s column: the lines before it end the column before, set full; a column break opens its column; the rest goes on without an indent', async () => {
      const doc = long({ afterSection: 1 });
      const laid = layMagazine(doc, () => ({ width: 1, height: 1 }));
      const at = laid.flow.findIndex((i) => i.kind === 'photo');
      const [before, after] = [laid.flow[at - 1]!, laid.flow[at + 1]!];
      if (before.kind !== 'text' || after.kind !== 'text') throw new Error('the photo is not between the parts of a paragraph');
      const ps = paragraphs((await docxParts(await render([doc]))).document);
      const picture = ps.findIndex((p) => p.includes('<wp:inline'));
      expect(textOf(ps[picture + 1]!)).toBe(CAPTION);
      expect(textOf(ps[picture - 1]!)).toBe(before.text);
      expect(attrs(ps[picture - 1]!, 'w:jc')).toEqual({ 'w:val': 'distribute' });
      // The break is the picture paragraph's first run; LibreOffice reads it as a break before the paragraph.
      expect(ps[picture]!.indexOf('<w:br w:type="column"/>')).toBeLessThan(ps[picture]!.indexOf('<w:drawing>'));
      expect(ps[picture]!.indexOf('<w:br w:type="column"/>')).toBeGreaterThan(0);
      expect(textOf(ps[picture + 2]!)).toBe(after.text);
      expect(attrs(ps[picture + 2]!, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
      // The two parts are the paragraph as written.
      const written = [...doc.lead, ...doc.sections.flatMap((x) => x.paragraphs)].map((l) => l.map((r) => r.text).join(''));
      expect(written).toContain(before.text + after.text);
    });

    it('opens the page with a photo across both columns by a page break before it, in a section of its own', async () => {
      const xml = (await docxParts(await render([long({ afterSection: 1, span: 'full' })]))).document;
      expect(sectionProperties(xml).map((s) => attrs(s, 'w:cols')['w:num'])).toEqual(['1', '2', '1', '2', '1']);
      const ps = paragraphs(xml);
      const picture = ps.findIndex((p) => p.includes('<wp:inline'));
      expect(ps[picture]).toContain('<w:pageBreakBefore/>');
      expect(ps[picture]).not.toContain('w:type="column"');
    });

    it('sets a photo whose anchor ends on the first page under the title block, with no break and no empty columns above it', async () => {
      const xml = (await docxParts(await render([long({ afterSection: -1, span: 'full' }, 1)]))).document;
      // Title, the photo, the body's columns, the balancing section.
      expect(sectionProperties(xml).map((s) => attrs(s, 'w:cols')['w:num'])).toEqual(['1', '1', '2', '1']);
      const ps = paragraphs(xml);
      const picture = ps.findIndex((p) => p.includes('<wp:inline'));
      expect(ps[picture - 1]).toContain('<w:sectPr>');
      expect(ps[picture]).not.toContain('<w:pageBreakBefore/>');
    });

    it('writes a photo at the top of the body\'s first column without a break', async () => {
      const ps = paragraphs((await docxParts(await render([long({ afterSection: 0 }, 1)]))).document);
      const picture = ps.findIndex((p) => p.includes('<wp:inline'));
      expect(ps[picture]).not.toContain('w:type="column"');
      expect(textOf(ps[picture + 2]!)).toMatch(/^楚雄国家高新技术产业开发区/);
    });
  });

  it('writes a photo set at its column\'s foot (栏底) where the count places it: the paragraph across its top cut, no break', async () => {
    const doc = seedFeature();
    const long = { ...doc, lead: Array.from({ length: 3 }, () => doc.lead).flat(), photos: doc.photos.map((p) => ({ ...p, afterSection: -1, place: 'foot' as const })) };
    const laid = layMagazine(long, () => ({ width: 1, height: 1 }));
    const at = laid.flow.findIndex((i) => i.kind === 'photo');
    const [before, after] = [laid.flow[at - 1]!, laid.flow[at + 1]!];
    if (before.kind !== 'text' || after.kind !== 'text' || !before.runsOn || !after.cont) throw new Error('the photo does not cut a paragraph');
    // The photo's block ends its column: in the count, the last piece of a column reaching the band's foot.
    const band = laid.pages.flatMap((p) => p.bands).find((b) => b.kind === 'columns' && b.columns.some((c) => c.at(-1)?.item === at));
    expect(band?.kind === 'columns' && band.columns.find((c) => c.at(-1)?.item === at)!.reduce((n, x) => n + x.to - x.from, 0)).toBe(band?.lines);
    const ps = paragraphs((await docxParts(await render([long]))).document);
    const picture = ps.findIndex((p) => p.includes('<wp:inline'));
    expect(textOf(ps[picture - 1]!)).toBe(before.text);
    expect(attrs(ps[picture - 1]!, 'w:jc')).toEqual({ 'w:val': 'distribute' });
    expect(ps[picture]).not.toContain('w:type="column"');
    expect(ps[picture]).not.toContain('<w:pageBreakBefore/>');
    expect(textOf(ps[picture + 2]!)).toBe(after.text);
  });

  it('writes a photo set 栏底 on a balanced page at the left column\'s foot, a column break the first run of the paragraph opening the right column', async () => {
    const doc = seedFeature();
    const one = { ...doc, photos: doc.photos.map((p) => ({ ...p, afterSection: -1, place: 'foot' as const })) };
    const laid = layMagazine(one, () => ({ width: 1, height: 1 }));
    const at = laid.flow.findIndex((i) => i.kind === 'photo');
    const opens = laid.flow[at + 1]!;
    if (opens.kind !== 'text' || !opens.columnBreak) throw new Error('no column break after the photo');
    const ps = paragraphs((await docxParts(await render([one]))).document);
    const picture = ps.findIndex((p) => p.includes('<wp:inline'));
    expect(ps[picture]).not.toContain('w:type="column"');
    expect(textOf(ps[picture + 2]!)).toBe(opens.text);
    expect(ps[picture + 2]!.indexOf('<w:br w:type="column"/>')).toBeLessThan(ps[picture + 2]!.indexOf('<w:t'));
    expect(ps[picture + 2]).toContain('<w:br w:type="column"/>');
  });

  it('writes the column break of a balanced page opening its right column with a heading, as the count sets it', async () => {
    // One section after the lead, the photo 栏底 at its end: the count opens the right column with the section's heading.
    const doc = seedFeature();
    const one = { ...doc, sections: doc.sections.slice(0, 1), photos: doc.photos.map((p) => ({ ...p, afterSection: 0, place: 'foot' as const })) };
    const laid = layMagazine(one, () => ({ width: 1, height: 1 }));
    const heading = laid.flow.find((i) => i.kind === 'text' && i.heading);
    if (heading?.kind !== 'text' || !heading.columnBreak) throw new Error('the count does not break the column at the heading');
    const ps = paragraphs((await docxParts(await render([one]))).document);
    const at = ps.findIndex((p) => textOf(p) === heading.text);
    expect(ps[at]).toContain('<w:br w:type="column"/>');
    expect(ps[at]!.indexOf('<w:br w:type="column"/>')).toBeLessThan(ps[at]!.indexOf('<w:t'));
    expect(ps.filter((p) => p.includes('w:type="column"'))).toHaveLength(1);
  });

  it('sets the body in 宋体 10.5 pt with a two-character first-line indent', () => {
    const body = styleXml(parts.styles, 'MagBody');
    expect(attrs(body, 'w:sz')).toEqual({ 'w:val': '21' });
    expect(attrs(body, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '420' });
    expect(attrs(body, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman' });
  });

  it('places the photo across the column, aspect kept, with its caption and credit below', () => {
    expect(parts.names.some((n) => n.startsWith('word/media/'))).toBe(true);
    const extent = attrs(parts.document, 'wp:extent');
    const [cx, cy] = [Number(extent.cx), Number(extent.cy)];
    const expected = photoSize({ width: 480, height: 300 }, { width: COLUMN_WIDTH, maxHeight: 99999 });
    expect(cx).toBe(expected.width * 9525);
    expect(cy / cx).toBeCloseTo(300 / 480, 2);
    // A column of (171 mm − 7 mm) / 2, in EMU (36 000 to the millimetre).
    expect(cx / 36000).toBeGreaterThan(81);
    expect(cx / 36000).toBeLessThanOrEqual(82.5);
    const texts = paragraphs(parts.document).map(textOf);
    const at = texts.indexOf('楚雄高新区苍岭工业园区一角。高新区管委会供图');
    expect(at).toBeGreaterThan(0);
    // After section 0 (its two paragraphs), before section 1.
    expect(texts[at - 2]).toMatch(/^将中长期重大项目/);
    expect(texts[at + 1]).toMatch(/^聚焦主责主业/);
  });

  it('places a photo with afterSection -1 right after the lead, and asks the store for it by hash', async () => {
    const doc = seedFeature();
    doc.photos = [{ ...doc.photos[0]!, afterSection: -1 }];
    const asked: string[] = [];
    const docx = await renderDocx([doc], { template: 'magazine', fonts: DEFAULT_FONTS, photo: (sha) => (asked.push(sha), PHOTO) });
    const texts = paragraphs((await docxParts(docx)).document).map(textOf);
    const at = texts.indexOf('楚雄高新区苍岭工业园区一角。高新区管委会供图');
    expect(texts[at - 2]).toMatch(/^近年来，园区立足自身优势/);
    expect(texts[at + 1]).toMatch(/^聚焦招商引资/);
    expect(asked).toEqual([doc.photos[0]!.sha256]);
  });

  it('sets a subtitle under the title in its own style', async () => {
    const doc = seedFeature({ subtitle: [{ kind: 'text', text: '——2022年园区工作综述' }] });
    const xml = (await docxParts(await render([doc]))).document;
    const p = paragraphs(xml)[1]!;
    expect(textOf(p)).toBe('——2022年园区工作综述');
    expect(p).toContain('<w:pStyle w:val="MagSubtitle"/>');
  });

  it('prints the column header and the folio on the outside edge of facing pages', () => {
    for (const h of parts.headers) expect(textOf(h)).toMatch(/园区风采.*Charm of Industrial Park|Charm of Industrial Park.*园区风采/);
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    const folios = parts.footers.map((f) => ({ jc: attrs(f, 'w:jc')['w:val'], text: textOf(f), page: /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(f) }));
    expect(folios.every((f) => f.page && f.text.includes('2023.08'))).toBe(true);
    // Odd (default) footers end with the page number on the right; even ones start with it on the left.
    const even = folios.filter((f) => f.jc === 'left');
    const odd = folios.filter((f) => f.jc === 'right');
    expect(even).toHaveLength(1);
    expect(odd).toHaveLength(1);
    const footer = (f: string) => f.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '<w:t>#</w:t>');
    expect(parts.footers.map((f) => textOf(footer(f)).replace(/\s+/g, ' ')).sort()).toEqual(['# 2023.08', '2023.08 #']);
  });

  it('names four font slots and zh-CN in the document defaults and in every style of its own', () => {
    const defaults = parts.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(attrs(defaults, 'w:rFonts')).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman', 'w:cs': 'Times New Roman', 'w:eastAsia': '宋体' });
    expect(attrs(defaults, 'w:lang')).toEqual({ 'w:val': 'zh-CN', 'w:eastAsia': 'zh-CN' });
    for (const id of ['MagTitle', 'MagSubtitle', 'MagByline', 'MagBody', 'MagCaption']) {
      const style = styleXml(parts.styles, id);
      expect(Object.keys(attrs(style, 'w:rFonts')).sort(), id).toEqual(['w:ascii', 'w:cs', 'w:eastAsia', 'w:hAnsi', 'w:hint']);
      expect(attrs(style, 'w:lang'), id).toEqual({ 'w:val': 'zh-CN', 'w:eastAsia': 'zh-CN' });
    }
  });

  it('gives each primary face its fallback in the font table', () => {
    for (const role of FONT_ROLES) {
      const { primary, fallback } = DEFAULT_FONTS[role];
      expect(parts.fontTable).toContain(`<w:font w:name="${primary}"><w:altName w:val="${fallback}"/>`);
    }
  });

  it('starts each feature of a yearbook on a new page with its own page numbers', async () => {
    const docs = [seedFeature(), seedFeature({ magazine: { ...seedFeature().magazine, firstPage: 42 } }), seedFeature({ magazine: { ...seedFeature().magazine, firstPage: 44 } })];
    const s = sectionProperties((await docxParts(await render(docs))).document);
    expect(s).toHaveLength(9);
    expect([0, 3, 6].map((i) => attrs(s[i]!, 'w:type')['w:val'])).toEqual(['nextPage', 'nextPage', 'nextPage']);
    expect([0, 3, 6].map((i) => attrs(s[i]!, 'w:pgNumType')['w:start'])).toEqual(['40', '42', '44']);
  });

  it('writes a document with nothing but a title', async () => {
    const doc = seedFeature({ lead: [], sections: [], photos: [], subtitle: [], byline: '' });
    const xml = (await docxParts(await render([doc]))).document;
    expect(sectionProperties(xml)).toHaveLength(3);
    expect(paragraphs(xml).map(textOf)[0]).toBe(TITLE);
  });

  it('refuses an empty list', async () => {
    await expect(render([])).rejects.toThrow(/no documents/);
  });
});
