// The print rules of docs/PRINT-CHECKLIST.md that the package's XML shows, for both templates.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { attrs, docxParts, styleXml, type DocxParts } from '../../../../test/support/docx-parts.ts';
import { PHOTO, seedBulletin, seedFeature } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx } from './index.ts';
import { NO_BREAK_BEFORE } from './print-rules.ts';
import { creditOnItsOwnLine } from '../../../shared/print-layout/caption.ts';

const parts: Record<'magazine' | 'bulletin', DocxParts> = {} as never;
const files: Record<'magazine' | 'bulletin', Buffer> = {} as never;

beforeAll(async () => {
  files.magazine = await renderDocx([seedFeature()], { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO });
  files.bulletin = await renderDocx([seedBulletin()], { template: 'bulletin', fonts: DEFAULT_FONTS, photo: () => PHOTO });
  parts.magazine = await docxParts(files.magazine);
  parts.bulletin = await docxParts(files.bulletin);
});

/** The headings pandoc reads from the .docx, as "level text". */
function pandocHeadings(docx: Buffer): string[] {
  const md = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--markdown-headings=atx'], { input: docx, encoding: 'utf8' });
  return md
    .split('\n')
    .filter((l) => /^#+ /.test(l))
    .map((l) => `${/^#+/.exec(l)![0].length} ${l.replace(/^#+ /, '').replace(/\s*\{#.*\}$/, '').replaceAll('*', '').replace(/\s+/g, '')}`);
}

describe.each(['magazine', 'bulletin'] as const)('%s: print rules in the XML', (template) => {
  it('writes every length as an integer (w:after="289.5" is refused by strict readers)', () => {
    const p = parts[template];
    const xml = [p.document, p.styles, p.settings, ...p.headers, ...p.footers].join('');
    const fractional = [...xml.matchAll(/\s(w:\w+)="(-?\d+\.\d+)"/g)].map((m) => `${m[1]}="${m[2]}"`);
    expect(fractional).toEqual([]);
  });

  it('turns on widow/orphan control and the Chinese line-breaking rules for every paragraph, and no hanging punctuation', () => {
    const defaults = /<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(parts[template].styles)?.[1] ?? '';
    expect(defaults).toContain('<w:widowControl/>');
    expect(defaults).toContain('<w:kinsoku/>');
    // On: LibreOffice reads it inverted, and hanging marks are the ones it fails to draw.
    expect(defaults).toContain('<w:overflowPunct/>');
    expect(parts[template].document).not.toMatch(/<w:widowControl w:val="(0|false)"/);
  });

  it('lists the marks that never open a line, the credit\'s 摄 and 图 among them, and those that never end one', () => {
    const before = attrs(parts[template].settings, 'w:noLineBreaksBefore');
    expect(before['w:lang']).toBe('zh-CN');
    for (const ch of '，。、；：？！）》”%摄图') expect(before['w:val'], ch).toContain(ch);
    expect(before['w:val']!.replaceAll('&gt;', '>')).toBe(NO_BREAK_BEFORE);
    expect(attrs(parts[template].settings, 'w:noLineBreaksAfter')['w:val']).toContain('（');
    // CT_Settings order: the lists come before w:compat.
    expect(parts[template].settings.indexOf('<w:noLineBreaksBefore')).toBeLessThan(parts[template].settings.indexOf('<w:compat>'));
  });

  it('gives the Normal style the body size, which sizes the character grid in LibreOffice', () => {
    expect(attrs(styleXml(parts[template].styles, 'Normal'), 'w:sz')).toEqual({ 'w:val': template === 'magazine' ? '21' : '32' });
  });

  it('names the title, the issuing unit as author and the language in the document properties', () => {
    const core = parts[template].core;
    expect(core).toContain('<dc:title>楚雄高新区：聚焦“六大行动”打造滇中崛起增长极核心引擎</dc:title>');
    expect(core).toContain(`<dc:creator>${template === 'bulletin' ? '楚雄高新区管委会办公室' : '楚雄高新区管委会'}</dc:creator>`);
    expect(core).not.toContain('Un-named');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
  });
});

describe('headings', () => {
  it('bulletin: every numbered heading is a Word heading of its level (based on Heading N, outline level N−1), as pandoc reads it', () => {
    for (const n of [1, 2, 3, 4]) {
      const style = styleXml(parts.bulletin.styles, `BulHeading${n}`);
      expect(attrs(style, 'w:basedOn')).toEqual({ 'w:val': `Heading${n}` });
      expect(attrs(style, 'w:outlineLvl')).toEqual({ 'w:val': String(n - 1) });
      // Word's own Heading N is blue in docx's defaults; ours are black in the body face.
      expect(attrs(styleXml(parts.bulletin.styles, `Heading${n}`), 'w:color')).toEqual({ 'w:val': '000000' });
    }
    expect(pandocHeadings(files.bulletin)).toEqual([
      '1 一、招商引资',
      '2 （一）聚焦招商引资，项目支撑形成新优势',
      '3 1.项目谋划',
      '4 （1）专项债项目',
      '4 （2）中长期贷款项目',
      '3 2.项目竣工',
      '2 （二）聚焦主责主业，经济发展取得新成绩',
      '1 二、创新发展',
      '2 （一）聚焦创新创业，提质增效注入新动力',
      '2 （二）聚焦知识产权，提升园区核心竞争力',
    ]);
  });

  it('magazine: the feature\'s title is a level-1 heading and each section head a level-2 one, as pandoc reads them', () => {
    expect(attrs(styleXml(parts.magazine.styles, 'MagTitle'), 'w:basedOn')).toEqual({ 'w:val': 'Heading1' });
    expect(pandocHeadings(files.magazine)).toEqual([
      '1 楚雄高新区：聚焦"六大行动"打造滇中崛起增长极核心引擎',
      '2 聚焦招商引资，项目支撑形成新优势',
      '2 聚焦主责主业，经济发展取得新成绩',
      '2 聚焦创新创业，提质增效注入新动力',
      '2 聚焦知识产权，提升园区核心竞争力',
    ]);
  });
});

describe('facing pages', () => {
  it('mirrors the magazine\'s margins, with a gutter on the inside; the bulletin keeps GB/T 9704\'s fixed margins', () => {
    expect(parts.magazine.settings).toContain('<w:mirrorMargins/>');
    expect(parts.magazine.settings.indexOf('<w:mirrorMargins/>')).toBeLessThan(parts.magazine.settings.indexOf('<w:defaultTabStop'));
    expect(Number(attrs(parts.magazine.document, 'w:pgMar')['w:gutter'])).toBeGreaterThan(0);
    expect(parts.bulletin.settings).not.toContain('<w:mirrorMargins');
    expect(attrs(parts.bulletin.document, 'w:pgMar')['w:gutter']).toBe('0');
  });
});

describe('a caption\'s credit', () => {
  it('starts a line of its own when the line end would cut it (记者王俊星 / 摄), not otherwise', () => {
    const caption = '本届南博会上，昆明高新区及园区企业展台受到市民青睐。';
    expect(creditOnItsOwnLine(caption, '记者王俊星摄', 31)).toBe(true);
    expect(creditOnItsOwnLine(caption, '记者王俊星摄', 40)).toBe(false);
    expect(creditOnItsOwnLine('一角。', '高新区管委会供图', 31)).toBe(false);
    // The credit wholly on the second line already: nothing to do.
    expect(creditOnItsOwnLine('一'.repeat(31), '记者摄', 31)).toBe(false);
  });
});
