// The replacement of docx's attribute gathering writes what docx's own did, byte for byte.
import { NextAttributeComponent } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { docxParts } from '../../../../test/support/docx-parts.ts';
import { renderYearbook } from '../../../../test/support/yearbook-fixture.ts';
import { gatheredAttributes, spreadAttributes } from './attributes-fix.ts';

// docx numbers bookmarks and drawings from counters that run on across documents of one process.
const ids = (xml: string) => xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*\sw:id=|<wp:docPr id=)"\d+"/g, '$1"#"');

const proto = NextAttributeComponent.prototype as unknown as { prepForXml: typeof gatheredAttributes };

describe('docx attribute gathering', () => {
  afterEach(() => {
    proto.prepForXml = gatheredAttributes;
  });

  it('is the replacement while the docx writers are loaded', () => {
    expect(proto.prepForXml).toBe(gatheredAttributes);
  });

  it('keeps the order, the first place of a name given twice with its last value, and leaves out undefined values', () => {
    const attrs = new NextAttributeComponent({
      a: { key: 'w:val', value: 1 },
      b: { key: 'w:hint', value: undefined },
      c: { key: 'w:ascii', value: '宋体' },
      d: { key: 'w:val', value: 'twice' },
      e: { key: 'w:eastAsia', value: false },
    } as never);
    const ours = JSON.stringify(gatheredAttributes.call(attrs));
    expect(ours).toBe(JSON.stringify(spreadAttributes.call(attrs, {})));
    expect(ours).toBe('{"_attr":{"w:val":"twice","w:ascii":"宋体","w:eastAsia":false}}');
  });

  it('writes a yearbook’s every part as docx’s own gathering does', async () => {
    const ours = await docxParts(await renderYearbook());
    proto.prepForXml = spreadAttributes;
    const theirs = await docxParts(await renderYearbook());
    expect(ours.document.length).toBeGreaterThan(10_000);
    expect(ids(ours.document)).toBe(ids(theirs.document));
    expect(ours.headers).toEqual(theirs.headers);
    expect(ours.footers).toEqual(theirs.footers);
    expect(ours.styles).toBe(theirs.styles);
  });
});
