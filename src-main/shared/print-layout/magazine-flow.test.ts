import { describe, expect, it } from 'vitest';
import type { Run } from '../document.ts';
import { SourceNotes } from '../source-notes.ts';
import { lineStarts } from './bulletin-fit.ts';
import { COLUMN_MEASURE, FOOTNOTE_MARK_EM, footnoteMarks, paragraphNotes } from './magazine-flow.ts';

const note = (text: string) => ({ indicator: '地区生产总值', period: '2022', text });

describe('footnote references in the magazine\'s lines (注明数据来源)', () => {
  it('puts a mark after each figure whose note is new, as wide as its number', () => {
    const notes = new SourceNotes();
    for (let i = 0; i < 8; i++) notes.take(note(`n${i}`));
    const runs: Run[] = [
      { kind: 'text', text: '产值' },
      { kind: 'figure', text: '8.13亿元', source: '{a}', note: note('统计局') },
      { kind: 'text', text: '，又' },
      { kind: 'figure', text: '8.13亿元', source: '{a}', note: note('统计局') },
      { kind: 'figure', text: '5%', source: '{b}', note: note('另一来源') },
    ];
    // The ninth note and the tenth: one digit, then two; the figure quoted again gets none.
    expect(footnoteMarks(paragraphNotes(runs, notes))).toEqual(new Map([[8, FOOTNOTE_MARK_EM], [18, 2 * FOOTNOTE_MARK_EM]]));
  });

  it('numbers on from the features before it in the file, as Word numbers a file\'s footnotes', () => {
    const runs: Run[] = [{ kind: 'figure', text: '8.13亿元', source: '{a}', note: note('统计局') }];
    expect(footnoteMarks(paragraphNotes(runs, new SourceNotes()))).toEqual(new Map([[6, FOOTNOTE_MARK_EM]]));
    // A yearbook's feature after 9 notes: its first is note 10, two digits wide.
    expect(footnoteMarks(paragraphNotes(runs, new SourceNotes(9)))).toEqual(new Map([[6, 2 * FOOTNOTE_MARK_EM]]));
  });

  it('takes the character before a mark to the next line when the mark does not fit', () => {
    // 22.14 ems to the column's line: the first line holds the indent and 20 characters with 0.14 em to spare.
    const text = '楚'.repeat(20) + '雄'.repeat(10);
    expect(lineStarts(text, 2, COLUMN_MEASURE)).toEqual([0, 20]);
    expect(lineStarts(text, 2, { ...COLUMN_MEASURE, marks: new Map([[20, FOOTNOTE_MARK_EM]]) })).toEqual([0, 19]);
  });
});
