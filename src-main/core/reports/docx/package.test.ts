import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { fontEntries, patchFontTable } from './font-table.ts';
import { offGrid } from './off-grid.ts';
import { photoSize } from '../../../shared/print-layout/caption.ts';

const ROOT = '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" mc:Ignorable="w14"';

describe('patchFontTable', () => {
  it('fills the empty table docx writes with one entry per face', () => {
    const xml = patchFontTable(`<?xml version="1.0"?>${ROOT}/>`, fontEntries(DEFAULT_FONTS));
    expect(xml).toMatch(/^<\?xml version="1.0"\?><w:fonts [^>]*mc:Ignorable="w14"><w:font /);
    expect(xml.endsWith('</w:fonts>')).toBe(true);
    expect(xml.match(/<w:font /g)).toHaveLength(6);
    expect(xml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>');
    expect(xml).toContain('<w:font w:name="Times New Roman"><w:altName w:val="Liberation Serif"/><w:charset w:val="00"/><w:family w:val="roman"/>');
  });

  it('adds an altName to an entry already there, and keeps the rest of it and of the table', () => {
    const before = `${ROOT}><w:font w:name="宋体"><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/></w:font><w:font w:name="黑体"/><w:font w:name="Other"><w:altName w:val="X"/></w:font></w:fonts>`;
    const xml = patchFontTable(before, [
      { name: '宋体', fallback: 'SimSun', eastAsian: true },
      { name: '黑体', fallback: 'SimHei', eastAsian: true },
      { name: 'Other', fallback: 'Y', eastAsian: false },
    ]);
    expect(xml).toBe(
      `${ROOT}><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/></w:font><w:font w:name="黑体"><w:altName w:val="SimHei"/></w:font><w:font w:name="Other"><w:altName w:val="X"/></w:font></w:fonts>`,
    );
  });

  it('escapes names and leaves out an altName equal to the name', () => {
    const xml = patchFontTable(`${ROOT}/>`, [{ name: 'A&B "C"', fallback: 'A&B "C"', eastAsian: false }]);
    expect(xml).toContain('<w:font w:name="A&amp;B &quot;C&quot;"><w:charset');
  });

  it('names a face used by two roles once, with the first role’s fallback', () => {
    const fonts = { ...DEFAULT_FONTS, kaiti: { primary: '仿宋_GB2312', fallback: 'Other' } };
    expect(fontEntries(fonts).filter((e) => e.name === '仿宋_GB2312')).toEqual([{ name: '仿宋_GB2312', fallback: '仿宋', eastAsian: true }]);
  });

  it('refuses a part without the fonts root', () => {
    expect(() => patchFontTable('<w:document/>', [])).toThrow(/no <w:fonts>/);
  });
});

describe('offGrid', () => {
  const styles = '<w:styles><w:style w:type="paragraph" w:styleId="A"><w:pPr><w:keepNext/><w:spacing w:line="700"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="AB"><w:pPr><w:spacing/></w:pPr></w:style></w:styles>';

  it('puts w:snapToGrid off right before the style’s spacing, once', () => {
    const once = offGrid(styles, ['A']);
    expect(once).toContain('w:styleId="A"><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="700"/>');
    expect(once).toContain('w:styleId="AB"><w:pPr><w:spacing/>');
    expect(offGrid(once, ['A'])).toBe(once);
  });

  it('refuses a style that is missing or has no spacing', () => {
    expect(() => offGrid(styles, ['C'])).toThrow(/no style C/);
    expect(() => offGrid('<w:style w:styleId="D"><w:pPr/></w:style>', ['D'])).toThrow(/no w:spacing/);
  });
});

describe('photoSize', () => {
  it('fills the column width and keeps the aspect ratio', () => {
    expect(photoSize({ width: 480, height: 300 }, { width: 4650, maxHeight: 100_000 })).toEqual({ width: 310, height: 194 });
  });

  it('scales a tall photo down to the height limit', () => {
    expect(photoSize({ width: 300, height: 900 }, { width: 4650, maxHeight: 4500 })).toEqual({ width: 100, height: 300 });
  });

  it('draws a photo of unknown size 4:3', () => {
    expect(photoSize({ width: 0, height: 0 }, { width: 6000, maxHeight: 100_000 })).toEqual({ width: 400, height: 300 });
  });
});
