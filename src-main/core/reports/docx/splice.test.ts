import { describe, expect, it } from 'vitest';
import { bodyOf, closeSection, relationships, relationshipsXml, renameRelationshipIds, withOverrides } from './splice.ts';

const SECT = '<w:sectPr><w:type w:val="continuous"/></w:sectPr>';

describe('closeSection', () => {
  it('puts the section properties at the end of the last paragraph’s properties, as Word writes a section’s end', () => {
    const content = '<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:spacing w:line="20"/></w:pPr></w:p>';
    expect(closeSection(content, SECT)).toBe(`<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:pPr><w:spacing w:line="20"/>${SECT}</w:pPr></w:p>`);
  });

  it('gives a last paragraph without properties a w:pPr holding them', () => {
    expect(closeSection('<w:p w14:paraId="1"><w:r><w:t>a</w:t></w:r></w:p>', SECT)).toBe(`<w:p w14:paraId="1"><w:pPr>${SECT}</w:pPr><w:r><w:t>a</w:t></w:r></w:p>`);
  });

  it('adds an empty paragraph after one that already ends a section, after a table, and after a paragraph nested in a text box', () => {
    const ended = `<w:p><w:pPr>${SECT}</w:pPr></w:p>`;
    expect(closeSection(ended, SECT)).toBe(`${ended}<w:p><w:pPr>${SECT}</w:pPr></w:p>`);
    expect(closeSection('<w:tbl></w:tbl>', SECT)).toBe(`<w:tbl></w:tbl><w:p><w:pPr>${SECT}</w:pPr></w:p>`);
    const nested = '<w:p><w:r><w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent></w:r></w:p>';
    expect(closeSection(nested, SECT)).toBe(`${nested}<w:p><w:pPr>${SECT}</w:pPr></w:p>`);
  });
});

describe('renameRelationshipIds', () => {
  it('renames r:id and r:embed inside tags and leaves the same characters in text alone', () => {
    const xml = '<w:headerReference w:type="default" r:id="rId6"/><a:blip r:embed="rId7"><asvg:svgBlip r:embed="rId8"/></a:blip><w:t> r:id="rId6"</w:t>';
    const out = renameRelationshipIds(xml, new Map([['rId6', 'r1rId6'], ['rId7', 'r1rId7'], ['rId8', 'r1rId8']]));
    expect(out).toBe('<w:headerReference w:type="default" r:id="r1rId6"/><a:blip r:embed="r1rId7"><asvg:svgBlip r:embed="r1rId8"/></a:blip><w:t> r:id="rId6"</w:t>');
  });

  it('refuses a reference to a relationship the part does not have', () => {
    expect(() => renameRelationshipIds('<w:footerReference r:id="rId9"/>', new Map())).toThrow(/rId9/);
  });
});

describe('relationships', () => {
  it('reads and writes a .rels part, escaping as it goes', () => {
    const rels = [{ id: 'r1rId6', type: 'http://x/header', target: 'header1.xml' }, { id: 'a&b', type: 't', target: 'media/"q".png' }];
    expect(relationships(relationshipsXml(rels))).toEqual(rels);
  });

  it('refuses an external relationship', () => {
    expect(() => relationships('<Relationship Id="rId1" Type="t" Target="https://x" TargetMode="External"/>')).toThrow(/external/);
  });
});

describe('bodyOf and withOverrides', () => {
  it('splits a document.xml into its root tag, its content and its last section', () => {
    const doc = `<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p/>${SECT}</w:body></w:document>`;
    expect(bodyOf(doc)).toEqual({ root: '<w:document xmlns:w="w">', content: '<w:p/>', lastSection: SECT });
    expect(() => bodyOf('<w:document><w:body><w:p/></w:body></w:document>')).toThrow(/section properties/);
  });

  it('adds an override per part before the end of [Content_Types].xml', () => {
    expect(withOverrides('<Types><Default Extension="xml"/></Types>', [{ path: 'word/header3.xml', contentType: 'h' }])).toBe(
      '<Types><Default Extension="xml"/><Override ContentType="h" PartName="/word/header3.xml"/></Types>',
    );
  });
});
