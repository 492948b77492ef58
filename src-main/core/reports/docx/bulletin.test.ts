import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONTS, FONT_ROLES, type FontMap } from '../../../shared/settings.ts';
import { attrs, docxParts, figureLangProblems, paragraphs, sectionProperties, runsSpelling, styleXml, textOf, type DocxParts } from '../../../../test/support/docx-parts.ts';
import { FIGURES, MARKER, PHOTO, seedBulletin, TITLE } from '../../../../test/support/docx-fixtures.ts';
import JSZip from 'jszip';
import { renderDocx } from './index.ts';

const render = (docs = [seedBulletin()], fonts: FontMap = DEFAULT_FONTS) => renderDocx(docs, { template: 'bulletin', fonts, photo: () => PHOTO });

describe('work bulletin (.docx, GB/T 9704-2012)', () => {
  let parts: DocxParts;
  let texts: string[];
  beforeAll(async () => {
    parts = await docxParts(await render());
    texts = paragraphs(parts.document).map(textOf);
  });

  it('uses the standard margins and a 22-line grid', () => {
    const [s] = sectionProperties(parts.document) as [string];
    expect(attrs(s, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrs(s, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1587', 'w:right': '1474', 'w:bottom': '1984' });
    expect(attrs(s, 'w:docGrid')).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    expect(attrs(s, 'w:pgNumType')).toEqual({ 'w:start': '1' });
  });

  it('sets the body in 3号 仿宋 on exact 28.95 pt lines, 28 characters to the line, indented two characters', () => {
    const body = styleXml(parts.styles, 'BulBody');
    expect(attrs(body, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(attrs(body, 'w:sz')).toEqual({ 'w:val': '32' });
    expect(attrs(body, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    expect(attrs(body, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' });
    // 28 characters of 16 pt, condensed a little, fill the 156 mm block; 29 would not fit.
    const pitch = 16 + Number(attrs(body.slice(body.indexOf('<w:rPr>')), 'w:spacing')['w:val']) / 20;
    const width = (11906 - 1587 - 1474) / 20;
    expect(28 * pitch).toBeLessThanOrEqual(width);
    expect(29 * pitch).toBeGreaterThan(width);
  });

  it('sets the title in 2号 小标宋, centred, off the grid so it keeps its own leading', () => {
    const title = styleXml(parts.styles, 'BulTitle');
    expect(attrs(title, 'w:sz')).toEqual({ 'w:val': '44' });
    expect(attrs(title, 'w:rFonts')['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrs(title, 'w:jc')).toEqual({ 'w:val': 'center' });
    expect(title).toMatch(/<w:snapToGrid w:val="0"\/><w:spacing/);
    expect(texts).toContain(TITLE);
  });

  it('prints the red masthead: name, 第X期, issuer and date on one line above a red rule', () => {
    const p = paragraphs(parts.document);
    expect(texts.slice(0, 3)).toEqual(['楚雄高新区工作简报', '第8期', '\t楚雄高新区管委会办公室\t2023年8月15日']);
    expect(attrs(p[0]!, 'w:color')).toEqual({ 'w:val': 'FF0000' });
    expect(attrs(p[0]!, 'w:rFonts')['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrs(p[1]!.slice(p[1]!.indexOf('<w:r>')), 'w:color')['w:val']).toBeUndefined();
    expect(attrs(p[2]!, 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:color': 'FF0000' });
    // The issuer and the date stand one character in from the edges, by tab stops: the paragraph
    // has no indents, so its border, the red rule, spans the full 156 mm text width.
    expect([...p[2]!.matchAll(/<w:tab w:val="(\w+)" w:pos="(\d+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['left 320', `right ${11906 - 1587 - 1474 - 320}`]);
    expect(p[2]).not.toContain('<w:ind');
    expect(p[2]).toContain('<w:tab/>');
  });

  it('breaks the title by phrase, lines as even as they fit, and keeps a line break typed in the title', async () => {
    const lines = (xml: string) => textOf(xml.replace(/<w:br\/>/g, '<w:t>|</w:t>')).split('|');
    const title = paragraphs(parts.document).find((x) => x.includes('w:val="BulTitle"'))!;
    // 27 characters at 20 a line: two lines, cut between words, not after 崛起 where the width runs out.
    expect(lines(title)).toEqual(['楚雄高新区：聚焦“六大行动”', '打造滇中崛起增长极核心引擎']);
    const doc = seedBulletin();
    doc.title = [{ kind: 'text', text: '楚雄高新区：\n聚焦“六大行动”打造增长极' }];
    const typed = paragraphs((await docxParts(await render([doc]))).document).find((x) => x.includes('w:val="BulTitle"'))!;
    expect(lines(typed)).toEqual(['楚雄高新区：', '聚焦“六大行动”打造增长极']);
  });

  it('prints 总第X期 after 第X期 and 内部资料 top left above the masthead, when asked', async () => {
    const doc = seedBulletin();
    doc.bulletin = { ...doc.bulletin, totalNumber: '56', internal: true };
    const p = paragraphs((await docxParts(await render([doc]))).document);
    expect(p.slice(0, 3).map(textOf)).toEqual(['内部资料', '楚雄高新区工作简报', '第8期（总第56期）']);
    expect(p[0]).toContain('w:val="BulInternal"');
    expect(attrs(styleXml(parts.styles, 'BulInternal'), 'w:rFonts')['w:eastAsia']).toBe('黑体');
    expect(parts.document).not.toContain('内部资料');
  });

  it('prints the 编者按 under the masthead, before the title: 黑体 label, 楷体 text, a paragraph per typed line, a blank line after', async () => {
    const doc = seedBulletin();
    doc.bulletin = { ...doc.bulletin, editorNote: '  本期介绍楚雄高新区“六大行动”的做法。\n\n请各园区结合实际参考。 ' };
    const p = paragraphs((await docxParts(await render([doc]))).document);
    const title = p.findIndex((x) => x.includes('w:val="BulTitle"'));
    const notes = p.map((x, i) => [x, i] as const).filter(([x]) => x.includes('w:val="BulNote"'));
    expect(notes.map(([x]) => textOf(x))).toEqual(['编者按：本期介绍楚雄高新区“六大行动”的做法。', '请各园区结合实际参考。']);
    // After the issuer's line with its red rule, and one blank grid line before the title.
    expect(notes[0]![1]).toBe(p.findIndex((x) => x.includes('w:val="BulMastLine"')) + 1);
    expect(title).toBe(notes[1]![1] + 2);
    expect(textOf(p[title - 1]!)).toBe('');
    const fonts = (x: string) => [...x.matchAll(/<w:rFonts [^>]*w:eastAsia="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts(notes[0]![0])[0]).toBe('黑体');
    expect(attrs(styleXml(parts.styles, 'BulNote'), 'w:rFonts')['w:eastAsia']).toBe('楷体_GB2312');
    // Without a note, nothing of it: the title follows the masthead as before.
    expect(parts.document).not.toContain('BulNote');
    // A label typed by the user is not printed twice.
    doc.bulletin = { ...doc.bulletin, editorNote: '【编者按】：本期介绍“六大行动”。' };
    const typed = paragraphs((await docxParts(await render([doc]))).document).filter((x) => x.includes('w:val="BulNote"'));
    expect(typed.map(textOf)).toEqual(['编者按：本期介绍“六大行动”。']);
  });

  it('keeps a number already written as 第X期', async () => {
    const doc = seedBulletin();
    doc.bulletin = { ...doc.bulletin, number: '第12期' };
    expect(paragraphs((await docxParts(await render([doc]))).document).map(textOf)[1]).toBe('第12期');
  });

  it('numbers the headings per level, restarting under each parent, in the GB faces', () => {
    const headings = paragraphs(parts.document).filter((p) => /w:pStyle w:val="BulHeading\d"/.test(p));
    expect(headings.map(textOf)).toEqual([
      '一、招商引资',
      '（一）聚焦招商引资，项目支撑形成新优势',
      '1.项目谋划',
      '（1）专项债项目',
      '（2）中长期贷款项目',
      '2.项目竣工',
      '（二）聚焦主责主业，经济发展取得新成绩',
      '二、创新发展',
      '（一）聚焦创新创业，提质增效注入新动力',
      '（二）聚焦知识产权，提升园区核心竞争力',
    ]);
    const faces = ['BulHeading1', 'BulHeading2', 'BulHeading3', 'BulHeading4'].map((id) => attrs(styleXml(parts.styles, id), 'w:rFonts')['w:eastAsia']);
    expect(faces).toEqual(['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    for (const id of ['BulHeading1', 'BulHeading2', 'BulHeading3', 'BulHeading4']) expect(styleXml(parts.styles, id)).not.toContain('<w:b/>');
    // Numbers are text, not Word list numbering.
    expect(parts.document).not.toContain('<w:numPr>');
  });

  it('writes every figure as plain prose and the marker highlighted', () => {
    const runs = parts.document.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    for (const figure of FIGURES) {
      const run = runsSpelling(parts.document, figure);
      expect(run, figure).toBeDefined();
      for (const r of run!) expect(r).not.toContain('w:highlight');
    }
    const marker = runs.find((r) => textOf(r) === MARKER)!;
    expect(attrs(marker, 'w:highlight')).toEqual({ 'w:val': 'yellow' });
    expect(attrs(marker, 'w:color')).toEqual({ 'w:val': 'FF0000' });
  });

  it('tags the digits and Latin of every figure en-US (Chinese still zh-CN), so no figure breaks across lines', () => {
    expect(figureLangProblems(parts.document, FIGURES)).toEqual([]);
  });

  it('writes a Chinese ellipsis as a run of its own tagged English, which LibreOffice does not cut at a line end', async () => {
    const doc = seedBulletin();
    doc.lead = [[{ kind: 'text', text: '今年1—4月……实际利用外资' }]];
    const p = paragraphs((await docxParts(await render([doc]))).document).find((x) => textOf(x).startsWith('今年'))!;
    const runs = p.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs.map((r) => [textOf(r), attrs(r, 'w:lang')['w:eastAsia']])).toEqual([
      ['今年', 'zh-CN'],
      ['1', 'zh-CN'],
      ['—', 'zh-CN'],
      ['4', 'zh-CN'],
      ['月', 'zh-CN'],
      ['……', 'en-US'],
      ['实际利用外资', 'zh-CN'],
    ]);
  });

  it('puts the photo after its section with the caption and credit below', () => {
    const at = texts.indexOf('楚雄高新区苍岭工业园区一角。高新区管委会供图');
    expect(texts[at - 2]).toMatch(/^将中长期重大项目/);
    expect(texts[at + 1]).toBe('1.项目谋划');
  });

  it('numbers pages "— N —" in 4号 宋体 on the outside edge', () => {
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    // Odd and even, and once more for the section after the blank page before the end block (its first-page footer is empty).
    const numbered = parts.footers.filter((f) => /PAGE/.test(f));
    expect(numbered).toHaveLength(4);
    const footers = numbered.slice(0, 2).map((f) => ({
      jc: attrs(f, 'w:jc')['w:val'],
      ind: attrs(f, 'w:ind'),
      text: textOf(f.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, '<w:t>N</w:t>')),
      font: attrs(f, 'w:rFonts'),
      size: attrs(f, 'w:sz')['w:val'],
    }));
    expect(footers.map((f) => f.text)).toEqual(['— N —', '— N —']);
    expect(footers.map((f) => f.jc).sort()).toEqual(['left', 'right']);
    for (const f of footers) {
      expect(f.size).toBe('28');
      expect(f.font).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
      expect(Object.values(f.ind)).toEqual(['280']);
    }
  });

  it('closes with the distribution block: rules, 报/发 lines (empty 送 left out), the print run right-aligned', () => {
    const table = parts.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
    const rows = paragraphs(table);
    expect(rows.map(textOf)).toEqual(['报：州委办公室，州政府办公室', '发：园区各部门，各园区企业', '（共印60份）']);
    expect(attrs(rows[2]!, 'w:jc')).toEqual({ 'w:val': 'right' });
    const borders = table.match(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/)![0];
    expect(attrs(borders, 'w:top')).toMatchObject({ 'w:val': 'single' });
    expect(attrs(borders, 'w:bottom')).toMatchObject({ 'w:val': 'single' });
    expect(attrs(table, 'w:gridCol')).toEqual({ 'w:w': String(11906 - 1587 - 1474) });
    // After the body.
    expect(parts.document.indexOf('<w:tbl>')).toBeGreaterThan(parts.document.indexOf('打造滇中崛起增长极的核心引擎'));
  });

  it('leaves the distribution block out when it has nothing to say', async () => {
    const doc = seedBulletin();
    doc.bulletin = { ...doc.bulletin, reportTo: '', copyTo: ' ', sendTo: '', copies: 0 };
    expect((await docxParts(await render([doc]))).document).not.toContain('<w:tbl>');
  });

  it('names four font slots and zh-CN in the defaults and every style of its own, from the font map', async () => {
    const fonts: FontMap = { ...DEFAULT_FONTS, fangsong: { primary: '仿宋', fallback: 'FangSong' }, latin: { primary: 'Arial', fallback: 'Liberation Sans' } };
    const { styles, fontTable } = await docxParts(await render([seedBulletin()], fonts));
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)![0];
    expect(attrs(defaults, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋', 'w:ascii': 'Arial', 'w:hAnsi': 'Arial', 'w:cs': 'Arial' });
    expect(attrs(defaults, 'w:sz')).toEqual({ 'w:val': '32' });
    const ids = [...styles.matchAll(/w:styleId="(Bul\w+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(15);
    for (const id of ids) {
      const style = styleXml(styles, id);
      expect(Object.keys(attrs(style, 'w:rFonts')).sort(), id).toEqual(['w:ascii', 'w:cs', 'w:eastAsia', 'w:hAnsi', 'w:hint']);
      expect(attrs(style, 'w:rFonts')['w:ascii'], id).toBe('Arial');
      expect(attrs(style, 'w:lang'), id).toEqual({ 'w:val': 'zh-CN', 'w:eastAsia': 'zh-CN' });
    }
    expect(attrs(styleXml(styles, 'BulBody'), 'w:rFonts')['w:eastAsia']).toBe('仿宋');
    expect(fontTable).toContain('<w:font w:name="仿宋"><w:altName w:val="FangSong"/>');
    expect(fontTable).toContain('<w:font w:name="Arial"><w:altName w:val="Liberation Sans"/><w:charset w:val="00"/>');
  });

  it('gives each primary face its fallback in the font table', () => {
    for (const role of FONT_ROLES) {
      const { primary, fallback } = DEFAULT_FONTS[role];
      expect(parts.fontTable).toContain(`<w:font w:name="${primary}"><w:altName w:val="${fallback}"/>`);
    }
  });

  it('starts each bulletin of a batch on a new page, numbered from 1', async () => {
    const s = sectionProperties((await docxParts(await render([seedBulletin(), seedBulletin()]))).document);
    // Each bulletin's body, then the section of the blank page before its end block, numbered on.
    expect(s).toHaveLength(4);
    expect(s.map((x) => attrs(x, 'w:pgNumType')['w:start'])).toEqual(['1', undefined, '1', undefined]);
    expect(s.map((x) => attrs(x, 'w:type')['w:val'] ?? 'nextPage')).toEqual(['nextPage', 'nextPage', 'nextPage', 'nextPage']);
  });

  it('leaves the blank page before the end block unnumbered (GB/T 9704): a section whose first-page footer is empty', async () => {
    // The fixture's body fills page 4: page 5 stays blank, the block stands at the foot of page 6.
    const zip = await JSZip.loadAsync(await render());
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    const footer = (sect: string, type: string) => zip.file(`word/${target(new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)![1]!)}`)!.async('string');
    const [body, blank] = sectionProperties(parts.document) as [string, string];
    expect(body).not.toContain('<w:titlePg/>');
    expect(blank).toContain('<w:titlePg/>');
    expect(attrs(blank, 'w:type')).toEqual({ 'w:val': 'nextPage' });
    expect(attrs(blank, 'w:pgNumType')['w:start']).toBeUndefined();
    const first = await footer(blank, 'first');
    expect(first).not.toContain('PAGE');
    expect(textOf(first)).toBe('');
    for (const type of ['default', 'even']) expect(await footer(blank, type)).toContain('PAGE');
    // The body's section break is the last thing in its last paragraph's properties, as the schema orders them.
    expect(parts.document).toMatch(/<\/w:sectPr><\/w:pPr>/);
    expect(parts.document.indexOf(body)).toBeLessThan(parts.document.indexOf('<w:tbl>'));
    // The blank page holds one 1 pt line; the block's page opens with the room above the block.
    const after = paragraphs(parts.document.slice(parts.document.indexOf(body) + body.length, parts.document.indexOf('<w:tbl>')));
    expect(after.map((p) => [attrs(p, 'w:pStyle')['w:val'], p.includes('<w:pageBreakBefore/>')])).toEqual([
      ['BulSpacer', false],
      ['BulSpacer', true],
    ]);
  });
});

describe('an issue of several articles: the document properties', () => {
  it('names the issue as title and its masthead\'s issuing unit as author, whatever the articles\' own issuers', async () => {
    const own = seedBulletin();
    const other: typeof own = { ...seedBulletin(), parkName: '昆明高新区', byline: '昆明高新区管委会', bulletin: { ...own.bulletin, name: '昆明高新区工作简报', issuer: '昆明高新区管委会办公室' } };
    const core = async (docs: (typeof own)[]) => (await docxParts(await renderDocx(docs, { template: 'bulletin', fonts: DEFAULT_FONTS, photo: () => PHOTO, oneIssue: true }))).core;
    const issue = await core([own, other]);
    expect(issue).toContain('<dc:creator>楚雄高新区管委会办公室</dc:creator>');
    expect(issue).toContain('<cp:lastModifiedBy>楚雄高新区管委会办公室</cp:lastModifiedBy>');
    expect(issue).toContain('<dc:title>楚雄高新区工作简报 第8期</dc:title>');
    // The other way round: the issue is the other park's, and so is its author.
    expect(await core([other, own])).toContain('<dc:creator>昆明高新区管委会办公室</dc:creator>');
    // Issuers that agree: the same unit.
    expect(await core([own, { ...own, parkName: '昆明高新区' }])).toContain('<dc:creator>楚雄高新区管委会办公室</dc:creator>');
  });
});
