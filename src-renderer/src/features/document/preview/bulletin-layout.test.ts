import { describe, expect, it } from 'vitest';
import { seedBulletin } from '../../../../../test/support/docx-fixtures.ts';
import { layoutBulletin } from './bulletin-layout.ts';

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
