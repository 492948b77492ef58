// The replacements of docx's prepForXml write what docx's own did, byte for byte.
import { NextAttributeComponent } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { docxParts } from '../../../../test/support/docx-parts.ts';
import { renderYearbook } from '../../../../test/support/yearbook-fixture.ts';
import { PHOTO, seedBulletin, seedFeature } from '../../../../test/support/docx-fixtures.ts';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { renderDocx } from './index.ts';
import { docxOwn, replacements, useReplacements } from './prep-for-xml.ts';

// docx numbers bookmarks and drawings from counters that run on across documents of one process.
const ids = (xml: string) => xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*\sw:id=|<wp:docPr id=)"\d+"/g, '$1"#"');

describe('docx prepForXml', () => {
  afterEach(() => useReplacements(true));

  it('is replaced while the docx writers are loaded', () => {
    expect((NextAttributeComponent.prototype as unknown as { prepForXml: unknown }).prepForXml).toBe(replacements.next);
  });

  it('keeps the order of attributes, the first place of a name given twice with its last value, and leaves out undefined values', () => {
    const attrs = new NextAttributeComponent({
      a: { key: 'w:val', value: 1 },
      b: { key: 'w:hint', value: undefined },
      c: { key: 'w:ascii', value: '宋体' },
      d: { key: 'w:val', value: 'twice' },
      e: { key: 'w:eastAsia', value: false },
    } as never);
    const ours = JSON.stringify(replacements.next.call(attrs as never));
    expect(ours).toBe(JSON.stringify(docxOwn.next.call(attrs, { stack: [] })));
    expect(ours).toBe('{"_attr":{"w:val":"twice","w:ascii":"宋体","w:eastAsia":false}}');
  });

  it.each([
    ['a yearbook', renderYearbook],
    ['a feature with its sources as footnotes', () => renderDocx([seedFeature()], { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO, sources: true })],
    ['a bulletin with its sources', () => renderDocx([seedBulletin()], { template: 'bulletin', fonts: DEFAULT_FONTS, photo: () => PHOTO, sources: true })],
  ])('writes every part of %s as docx’s own do', async (_, render) => {
    const ours = await docxParts(await render());
    useReplacements(false);
    const theirs = await docxParts(await render());
    expect(ours.document.length).toBeGreaterThan(10_000);
    expect(ids(ours.document)).toBe(ids(theirs.document));
    for (const part of ['headers', 'footers', 'footnotes', 'names'] as const) expect(ours[part]).toEqual(theirs[part]);
    for (const part of ['styles', 'settings', 'fontTable'] as const) expect(ours[part]).toBe(theirs[part]);
  });
});
