import { describe, expect, it } from 'vitest';
import type { ResolvedDocument, Run } from '../../../shared/document.ts';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { attrs, docxParts, paragraphs, styleXml, textOf } from '../../../../test/support/docx-parts.ts';
import { FOOTNOTE_LEADING, MAGAZINE_LOOKS } from '../../../shared/print-layout/magazine.ts';
import { PHOTO, seedBulletin, seedFeature } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx } from './index.ts';
import { magazineSections } from './magazine.ts';

/** Every figure gets a source note; 333.52亿元 and 78.13亿元 share one, as the same figure quoted twice would. */
function withNotes(doc: ResolvedDocument): ResolvedDocument {
  const note = (r: Run): Run =>
    r.kind !== 'figure'
      ? r
      : { ...r, note: /333\.52|78\.13/.test(r.text) ? { indicator: '地区生产总值', period: '2022', text: '州统计局快报' } : { indicator: `指标${r.text}`, period: '2022', text: `园区填报：${r.text}` } };
  return {
    ...doc,
    lead: doc.lead.map((p) => p.map(note)),
    sections: doc.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => p.map(note)) })),
  };
}

const figuresOf = (doc: ResolvedDocument) => [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs)].flat().filter((r) => r.kind === 'figure');

async function render(template: 'magazine' | 'bulletin', sources: boolean) {
  const doc = withNotes(template === 'magazine' ? seedFeature() : seedBulletin());
  const bytes = await renderDocx([doc], { template, fonts: DEFAULT_FONTS, photo: () => PHOTO, sources });
  return { doc, parts: await docxParts(bytes) };
}

describe('sources: each figure\'s source note (the store\'s 来源/备注)', () => {
  it('magazine: a footnote right after each figure whose note is new, the indicator, period and note in it', async () => {
    const { doc, parts } = await render('magazine', true);
    const refs = parts.document.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? [];
    const distinct = new Set(figuresOf(doc).map((r) => r.kind === 'figure' && JSON.stringify(r.note)));
    expect(refs.length).toBe(distinct.size);
    // The reference follows the figure's own run.
    expect(parts.document).toMatch(/<w:t xml:space="preserve">333\.52<\/w:t><\/w:r><w:r><w:rPr>[\s\S]{0,600}?<w:t xml:space="preserve">亿元<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/>/);
    expect(parts.names).toContain('word/footnotes.xml');
  });

  it('magazine: every footnote in the footnote style, its size and exact leading the count\'s', async () => {
    const { parts } = await render('magazine', true);
    expect(parts.footnotes.length).toBeGreaterThan(3);
    for (const note of parts.footnotes) expect(note).toContain('<w:pStyle w:val="MagFootnote"/>');
    const style = styleXml(parts.styles, 'MagFootnote');
    expect(attrs(style, 'w:spacing')).toMatchObject({ 'w:line': String(FOOTNOTE_LEADING), 'w:lineRule': 'exact', 'w:before': '0', 'w:after': '0' });
    // The style's size is the number's too (Word's footnoteRef run takes the paragraph's).
    expect(attrs(style, 'w:sz')).toMatchObject({ 'w:val': String(MAGAZINE_LOOKS.footnote.size) });
  });

  it('magazine: the footnotes part holds the notes\' text', async () => {
    const { parts } = await render('magazine', true);
    const text = parts.footnotes.map(textOf).join('\n');
    expect(text).toContain('地区生产总值（2022）：州统计局快报');
    expect(text).toContain('指标199次（2022）：园区填报：199次');
    expect(text.split('州统计局快报').length - 1).toBe(1);
  });

  it('bulletin: 数据来源 and the notes numbered after the body, before the end block; no footnotes', async () => {
    const { parts } = await render('bulletin', true);
    const texts = paragraphs(parts.document).map(textOf);
    const at = texts.indexOf('数据来源：');
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toMatch(/^1\.指标\S+（2022）：园区填报：/);
    // The figure quoted twice is listed once.
    expect(texts.filter((t) => /^\d+\.地区生产总值（2022）：州统计局快报$/.test(t))).toHaveLength(1);
    expect(texts.findIndex((t) => t.startsWith('报：'))).toBeGreaterThan(at);
    expect(parts.document).not.toContain('w:footnoteReference');
    // Flush left: a line that breaks early before a date or a 《 is not spread letter by letter.
    const list = paragraphs(parts.document).slice(at, texts.findIndex((t) => t.startsWith('报：')));
    expect(list.length).toBeGreaterThan(2);
    for (const p of list) if (textOf(p) !== '') expect(attrs(p, 'w:jc'), textOf(p)).toEqual({ 'w:val': 'left' });
  });

  it('is off by default: no footnote, no list', async () => {
    for (const template of ['magazine', 'bulletin'] as const) {
      const { parts } = await render(template, false);
      expect(parts.document).not.toContain('w:footnoteReference');
      expect(paragraphs(parts.document).map(textOf)).not.toContain('数据来源：');
    }
  });
});

describe('footnotes through a file of several features', () => {
  it('counts the notes of the features before, so each feature\'s marks are laid as Word numbers them', () => {
    const doc = withNotes(seedFeature());
    const distinct = new Set(figuresOf(doc).map((r) => (r.kind === 'figure' ? JSON.stringify(r.note) : ''))).size;
    const ctx = { fonts: DEFAULT_FONTS, photo: () => PHOTO, chart: () => ({ size: { width: 1, height: 1 } }) as never, sources: true, notesSoFar: { count: 0 } };
    magazineSections(doc, ctx);
    expect(ctx.notesSoFar.count).toBe(distinct);
    magazineSections(doc, ctx);
    expect(ctx.notesSoFar.count).toBe(2 * distinct);
  });
});
