import { describe, expect, it } from 'vitest';
import { seedBulletin } from '../../../../../test/support/docx-fixtures.ts';
import type { ResolvedDocument, Run } from '../../../../../src-main/shared/document.ts';
import { endBlockPlace, endBlockRows } from '../../../../../src-main/shared/print-layout/bulletin-fit.ts';
import { bulletinIssueFlow, bulletinPages, bulletinSourceList } from '../../../../../src-main/shared/print-layout/bulletin-flow.ts';
import { layoutBulletin, previewChartSize, type BulletinLayout } from './bulletin-layout.ts';

describe('the bulletin preview\'s pages', () => {
  it('leaves the page before the end block blank and unnumbered when the body fills an even page, as the export does', () => {
    // The fixture's body fills page 4 (bulletin.test.ts): page 5 stays blank, the block is on page 6.
    const layout = layoutBulletin(seedBulletin());
    expect(layout.pages).toHaveLength(6);
    expect({ endPage: layout.endPage, blankPage: layout.blankPage }).toEqual({ endPage: 6, blankPage: 5 });
    expect(layout.pages[4]).toEqual([]);
  });

  it('lays the 编者按 before the title, its lines and the blank line after counted as the export counts them', () => {
    const doc = seedBulletin();
    // 70 characters after the label: three lines of 28.
    doc.bulletin = { ...doc.bulletin, editorNote: '本期'.repeat(35) };
    const first = layoutBulletin(doc).pages[0]!;
    const kinds = first.map((p) => p.item.kind);
    expect(kinds.slice(kinds.indexOf('note'), kinds.indexOf('title') + 1)).toEqual(['note', 'space', 'title']);
    const note = first.find((p) => p.item.kind === 'note')!;
    expect(note.lines).toHaveLength(3);
    expect(note.lines![0]).toEqual({ from: 0, to: 26 });
    // Three lines of note and a blank one: the title and everything after it four grid lines lower.
    const titleTop = (l: ReturnType<typeof layoutBulletin>) => l.pages[0]!.findIndex((p) => p.item.kind === 'title');
    const without = layoutBulletin(seedBulletin());
    const firstTextLines = (l: ReturnType<typeof layoutBulletin>) => l.pages[0]!.filter((p) => p.item.kind === 'text').reduce((n, p) => n + (p.lines?.length ?? 0), 0);
    expect(titleTop(layoutBulletin(doc))).toBe(titleTop(without) + 2);
    expect(firstTextLines(without) - firstTextLines(layoutBulletin(doc))).toBe(4);
  });
});

/** Every figure with a source note, two of them sharing one (the same figure quoted twice). */
function withNotes(doc: ResolvedDocument, park = '园区'): ResolvedDocument {
  const note = (r: Run): Run => (r.kind !== 'figure' ? r : { ...r, note: /333\.52|78\.13/.test(r.text) ? { indicator: '地区生产总值', period: '2022', text: '州统计局快报' } : { indicator: `指标${r.text}`, period: '2022', text: `${park}填报：${r.text}` } });
  return { ...doc, lead: doc.lead.map((p) => p.map(note)), sections: doc.sections.map((s) => ({ ...s, paragraphs: s.paragraphs.map((p) => p.map(note)) })) };
}

/** Each piece of running text as the preview prints it: its lines' characters, joined. */
const printed = (layout: BulletinLayout) => layout.pages.flatMap((page) => page.filter((p) => p.lines).map((p) => p.lines!.map((l) => p.item.text!.slice(l.from, l.to)).join('')));

describe('the bulletin preview with 注明数据来源', () => {
  it('lists the sources after the body, flush left, as the export prints them, and places the end block after them', () => {
    const doc = withNotes(seedBulletin());
    const without = layoutBulletin(doc);
    const layout = layoutBulletin(doc, { sources: true });
    const list = bulletinSourceList([doc]).map((i) => i.text!);
    expect(list[0]).toBe('数据来源：');
    expect(list.length).toBeGreaterThan(3);
    // The list closes the body: the last paragraphs printed, whole, in the export's wording.
    const texts = printed(layout);
    expect(texts.slice(-list.length)).toEqual(list);
    expect(texts.slice(0, -list.length)).toEqual(printed(without));
    const pieces = layout.pages.flat().filter((p) => p.item.flushLeft);
    expect(pieces.length).toBeGreaterThanOrEqual(list.length);
    // The issue's, not this document's paragraphs: a click on it leads nowhere in the editor.
    for (const p of pieces) expect(p.item.article).toBeUndefined();
    // The end block goes where the export's count puts it, after the list.
    const flow = bulletinIssueFlow([doc], previewChartSize, { sources: true });
    expect(layout.endPage).toBe(endBlockPlace(endBlockRows(doc.bulletin), bulletinPages(flow)).page);
    expect(layout.endPage).toBeGreaterThanOrEqual(without.endPage);
  });
});

describe('the bulletin preview of an issue of several articles', () => {
  const kunming = (): ResolvedDocument => ({ ...withNotes(seedBulletin(), '昆明'), parkName: '昆明高新区', title: [{ kind: 'text', text: '昆明高新区：创新驱动谱新篇' }], byline: '昆明高新区管委会', bulletin: { ...seedBulletin().bulletin, name: '昆明高新区工作简报', issuer: '昆明高新区管委会办公室' } });

  it('lays the articles after this document under its masthead and end block, in the order given, each numbering its headings from 一、', () => {
    const doc = withNotes(seedBulletin());
    const layout = layoutBulletin(doc, { articles: [kunming()] });
    const items = layout.pages.flat().map((p) => p.item);
    expect(items.filter((i) => i.kind === 'masthead' && i.part === 'name')).toHaveLength(1);
    const titles = items.filter((i) => i.kind === 'title');
    expect(titles.map((t) => t.article)).toEqual([0, 1]);
    expect(titles[1]!.kind === 'title' && titles[1]!.lines.flat().map((r) => r.text).join('')).toBe('昆明高新区：创新驱动谱新篇');
    // Each article's first heading is 一、; the second article's parts are its own (article 1), not pickable as this document's.
    const firstHeadings = [...new Set(items.filter((i) => i.kind === 'heading' && i.number === '一、').map((i) => i.article))];
    expect(firstHeadings).toEqual([0, 1]);
    // Longer than this document alone; the end block where the export's count of the issue puts it, with this document's 报/送/发.
    const alone = layoutBulletin(doc);
    expect(layout.pages.length).toBeGreaterThan(alone.pages.length);
    const flow = bulletinIssueFlow([doc, kunming()], previewChartSize);
    expect({ endPage: layout.endPage, blankPage: layout.blankPage }).toEqual((({ page, blankPage }) => ({ endPage: page, blankPage }))(endBlockPlace(endBlockRows(doc.bulletin), bulletinPages(flow))));
  });

  it('with 注明数据来源: one list for the issue after the last article, a note both articles quote listed once', () => {
    const doc = withNotes(seedBulletin());
    const texts = printed(layoutBulletin(doc, { articles: [kunming()], sources: true }));
    const at = texts.indexOf('数据来源：');
    expect(at).toBeGreaterThan(0);
    const list = texts.slice(at + 1);
    expect(list.filter((t) => t.endsWith('州统计局快报'))).toHaveLength(1);
    expect(list.some((t) => t.includes('昆明填报'))).toBe(true);
    expect(list.some((t) => t.includes('园区填报'))).toBe(true);
    expect(texts.filter((t) => t === '数据来源：')).toHaveLength(1);
  });
});
