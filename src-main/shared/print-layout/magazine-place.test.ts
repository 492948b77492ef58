import { describe, expect, it } from 'vitest';
import type { ResolvedPhoto } from '../document.ts';
import { BODY_LEADING, COLUMN_LINES, FOOTNOTE_LEADING, FOOTNOTE_RULE_TWIPS } from './magazine.ts';
import type { MagazineItem } from './magazine-flow.ts';
import { magazineFit, type MagazinePageFit } from './magazine-fit.ts';
import { MAGAZINE_PAGE_TWIPS } from './magazine-fit.ts';
import { columnItems, pageNotes, placeFootPhotos, placeTopPhotos, sliceRuns, splitText } from './magazine-place.ts';

/** A paragraph of `lines` lines of ten characters, named by its first character. */
const text = (name: string, lines: number): MagazineItem => ({
  kind: 'text',
  runs: [{ kind: 'text', text: name.repeat(10 * lines) }],
  place: { field: 'lead', paragraph: 0 },
  text: name.repeat(10 * lines),
  starts: Array.from({ length: lines }, (_, i) => i * 10),
  lines,
});
const photo = (lines: number, place: 'flow' | 'top' | 'foot', span: 'column' | 'full' = 'column'): MagazineItem => ({
  kind: 'photo',
  photo: { place, span } as ResolvedPhoto,
  index: 0,
  span,
  size: { width: 100, height: 100 },
  caption: ['图'],
  lines,
});

const name = (item: MagazineItem) =>
  item.kind === 'text'
    ? `${item.columnBreak ? '|' : ''}${item.heading ? 'H' : ''}${item.text[0]}${item.lines}${item.cont ? '+' : ''}${item.runsOn ? '>' : ''}`
    : `${item.kind === 'photo' && item.head ? '^' : ''}photo${item.kind === 'photo' && item.index ? item.index : ''}`;
/** Each column's pieces, page by page, as "name[from,to)". */
function columns(flow: readonly MagazineItem[], pages: readonly MagazinePageFit[]) {
  return pages.map((p) => p.bands.map((b) => (b.kind === 'full' ? `full ${name(flow[b.item]!)}` : b.columns.map((c) => c.map((x) => `${name(flow[x.item]!)}[${x.from},${x.to})`)))));
}
const lay = (flow: MagazineItem[], head = 0) => {
  const placed = placeTopPhotos(flow, head);
  return { placed, pages: columns(placed, magazineFit(columnItems(placed), head)) };
};

describe('placeTopPhotos', () => {
  it('leaves a flow without top photos as it is', () => {
    const flow = [text('a', 10), photo(8, 'flow'), text('b', 10)];
    expect(placeTopPhotos(flow, 0)).toEqual(flow);
  });

  it('sets a column photo at the top of the column its anchor ends in, cutting the paragraph that runs into that column', () => {
    // Without the photo, b runs from the left column's foot (5 lines) into the right column.
    const { placed, pages } = lay([text('a', COLUMN_LINES - 5), text('b', 20), photo(10, 'top'), text('c', 80)]);
    expect(placed.map(name)).toEqual([`a${COLUMN_LINES - 5}`, 'b5>', '^photo', 'b15+', 'c80']);
    expect(pages[0]![0]).toEqual([
      [`a${COLUMN_LINES - 5}[0,${COLUMN_LINES - 5})`, 'b5>[0,5)'],
      ['^photo[0,10)', 'b15+[0,15)', `c80[0,${COLUMN_LINES - 25})`],
    ]);
    // The cut falls where the paragraph's line starts: the rest starts at line 5's first character.
    const rest = placed[3] as Extract<MagazineItem, { kind: 'text' }>;
    expect(rest.starts).toEqual(Array.from({ length: 15 }, (_, i) => i * 10));
  });

  it('stacks two top photos that open the body in their order, in one column or at one page top', () => {
    for (const span of ['column', 'full'] as const) {
      const first = { ...photo(6, 'top', span), index: 1 } as MagazineItem;
      const second = { ...photo(8, 'top', span), index: 2 } as MagazineItem;
      const { placed, pages } = lay([first, second, text('a', 80)]);
      expect(placed.map((x) => (x.kind === 'photo' ? `${x.head ? '^' : ''}${x.index}` : name(x)))).toEqual(['^1', '2', 'a80']);
      // Both on the first page: nothing opens a new column or page between them.
      expect(JSON.stringify(pages[0])).toContain('photo');
      expect(pages[0]!.flat(3).filter((x) => String(x).includes('photo'))).toHaveLength(2);
    }
  });

  it('keeps the photo in the anchor\'s column when the anchor starts it: no cut', () => {
    const { placed } = lay([text('a', COLUMN_LINES), text('b', 6), photo(10, 'top'), text('c', 80)]);
    expect(placed.map(name)).toEqual([`a${COLUMN_LINES}`, '^photo', 'b6', 'c80']);
  });

  it('sets a photo across both columns at the top of the page its anchor ends on', () => {
    // The anchor b ends on page 2: the photo opens page 2, b cut at page 1's foot.
    const { placed, pages } = lay([text('a', 2 * COLUMN_LINES - 4), text('b', 10), photo(12, 'top', 'full'), text('c', 30)]);
    expect(placed.map(name)).toEqual([`a${2 * COLUMN_LINES - 4}`, 'b4>', '^photo', 'b6+', 'c30']);
    expect(pages[1]![0]).toBe('full ^photo');
    expect(pages[0]).toHaveLength(1);
  });

  it('sets a photo across both columns on the first page right under the title block', () => {
    const { placed, pages } = lay([text('a', 10), photo(12, 'top', 'full'), text('b', 10)], 3000);
    expect(placed.map(name)).toEqual(['^photo', 'a10', 'b10']);
    expect(pages[0]![0]).toBe('full ^photo');
  });

  it('holds a top photo at its column\'s top on a balanced last page, the text above it not filling in', () => {
    // Balanced without the photo, 12 and 12 lines: a runs into the right column, where b ends.
    const { pages } = lay([text('a', 14), text('b', 10), photo(6, 'top')]);
    // With it, 12 and 18: at 18 lines the photo and the rest of a would fit under a's first part, but the photo opens the right column.
    expect(pages[0]).toEqual([[['a12>[0,12)'], ['^photo[0,6)', 'a2+[0,2)', 'b10[0,10)']]]);
  });

  it('stacks two top photos of one column, the second under the first', () => {
    const { placed } = lay([text('a', 30), photo(6, 'top'), text('b', 2), photo(6, 'top'), text('c', 80)]);
    expect(placed.map(name)).toEqual(['^photo', 'photo', 'a30', 'b2', 'c80']);
  });

  it('sets a photo across both columns above a column photo already at the top of its page\'s first column', () => {
    const { placed, pages } = lay([text('a', 2 * COLUMN_LINES + 4), photo(8, 'top'), text('b', 4), photo(12, 'top', 'full'), text('c', 20)]);
    expect(placed.map(name)).toEqual([`a${2 * COLUMN_LINES}>`, '^photo', '^photo', 'a4+', 'b4', 'c20']);
    expect(placed[1]!.kind === 'photo' && placed[1]!.span).toBe('full');
    expect(pages[1]![0]).toBe('full ^photo');
    expect((pages[1]![1] as string[][])[0]![0]).toBe('^photo[0,8)');
  });
});

describe('placeFootPhotos (栏底)', () => {
  const layFoot = (flow: MagazineItem[]) => {
    const placed = placeFootPhotos(flow, 0);
    return { placed, pages: columns(placed, magazineFit(columnItems(placed), 0)) };
  };

  it('sets a column photo at the foot of the column its anchor ends in, cutting the paragraph that runs across its top', () => {
    // a ends 16 lines into the right column; b runs on below it. The photo's 10 lines end that column:
    // b's first 18 lines above it, the rest on page 2.
    const { placed, pages } = layFoot([text('a', COLUMN_LINES + 16), photo(10, 'foot'), text('b', 80)]);
    expect(placed.map(name)).toEqual([`a${COLUMN_LINES + 16}`, `b${COLUMN_LINES - 26}>`, 'photo', `b${80 - COLUMN_LINES + 26}+`]);
    expect(pages[0]![0]).toEqual([[`a${COLUMN_LINES + 16}[0,${COLUMN_LINES})`], [`a${COLUMN_LINES + 16}[${COLUMN_LINES},${COLUMN_LINES + 16})`, `b${COLUMN_LINES - 26}>[0,${COLUMN_LINES - 26})`, 'photo[0,10)']]);
    expect((pages[1]![0] as string[][])[0]![0]).toMatch(/^b\d+\+\[0,/);
  });

  it('sets it above a paragraph it would cut with fewer than two lines on a side, and above a picture', () => {
    // The photo's top would fall 1 line into c: it goes above c, a line short of the foot.
    const { placed } = layFoot([text('a', COLUMN_LINES + 10), text('b', 23), photo(10, 'foot'), text('c', 40)]);
    expect(placed.map(name)).toEqual([`a${COLUMN_LINES + 10}`, 'b23', 'photo', 'c40']);
  });

  it('on a balanced last page ends the left column with it when its anchor ends in the lines the left column keeps beside it, a column break opening the right', () => {
    // 34 lines of text and 6 of photo: the left column keeps 14 lines of text, a's 4 and b's first 10.
    const { placed, pages } = layFoot([text('a', 4), photo(6, 'foot'), text('b', 30)]);
    expect(placed.map(name)).toEqual(['a4', 'b10>', 'photo', '|b20+']);
    expect(pages).toEqual([[[['a4[0,4)', 'b10>[0,10)', 'photo[0,6)'], ['|b20+[0,20)']]]]);
  });

  it('on a balanced last page ends the band with it when its anchor ends later, the right column opened where the left holds half of text and photo', () => {
    // a ends past the 9 lines the left column would keep beside the photo: 30 lines in all, 15 a side.
    const { placed, pages } = layFoot([text('a', 20), photo(6, 'foot'), text('b', 4)]);
    expect(placed.map(name)).toEqual(['a15>', '|a5+', 'b4', 'photo']);
    expect(pages).toEqual([[[['a15>[0,15)'], ['|a5+[0,5)', 'b4[0,4)', 'photo[0,6)']]]]);
  });

  it('on the balanced columns above a photo across both columns ends them with it, the photo across both below', () => {
    const { placed, pages } = layFoot([text('a', 20), photo(6, 'foot'), text('b', 4), photo(10, 'flow', 'full'), text('c', 30)]);
    expect(placed.map(name)).toEqual(['a15>', '|a5+', 'b4', 'photo', 'photo', 'c30']);
    expect(pages[0]![0]).toEqual([['a15>[0,15)'], ['|a5+[0,5)', 'b4[0,4)', 'photo[0,6)']]);
    expect(pages[0]![1]).toBe('full photo');
  });
});

describe('placeFootPhotos (栏底) on a balanced band that cannot take it', () => {
  const layFoot = (flow: MagazineItem[]) => {
    const placed = placeFootPhotos(flow, 0);
    return { placed, pages: columns(placed, magazineFit(columnItems(placed), 0)) };
  };
  const foot = (lines: number, index: number) => ({ ...photo(lines, 'foot'), index }) as MagazineItem;
  const heading = (name: string, lines: number) => ({ ...text(name, lines), heading: 2, keepNext: true }) as MagazineItem;
  // Text that balances on one page, two lines short of the foot in each column.
  const all = 2 * COLUMN_LINES - 4;

  it('keeps the photo in the text after its anchor when the left column with it would pass the page\'s foot', () => {
    // The left column would keep half the text less the photo, 8 lines short of the foot, and the photo's 12 lines.
    const { placed, pages } = layFoot([text('a', 30), photo(12, 'foot'), text('b', all - 30)]);
    expect(placed.map(name)).toEqual(['a30', 'photo', `b${all - 30}`]);
    expect(pages[0]![0]).toEqual([['a30[0,30)', 'photo[0,12)', `b${all - 30}[0,${COLUMN_LINES - 42})`], [`b${all - 30}[${COLUMN_LINES - 42},${2 * COLUMN_LINES - 42})`]]);
  });

  it('keeps the photo in the text after its anchor when the band ended with it would pass the page\'s foot', () => {
    // Half of text and photo is more than a column: a new page, the first's right column nearly empty.
    const { placed, pages } = layFoot([text('a', all - 20), photo(12, 'foot'), text('b', 20)]);
    expect(placed.map(name)).toEqual([`a${all - 20}`, 'photo', 'b20']);
    expect(pages[0]![0]).toEqual([[`a${all - 20}[0,${COLUMN_LINES})`], [`a${all - 20}[${COLUMN_LINES},${all - 20})`, 'photo[0,12)', 'b20[0,12)']]);
  });

  it('breaks a band once for two photos: the second goes with the first, in their order, at the left column\'s foot', () => {
    const { placed, pages } = layFoot([text('a', 4), foot(6, 1), text('b', 10), foot(6, 2), text('c', 20)]);
    expect(placed.map(name)).toEqual(['a4', 'b10', 'photo1', 'photo2', '|c20']);
    expect(pages).toEqual([[[['a4[0,4)', 'b10[0,10)', 'photo1[0,6)', 'photo2[0,6)'], ['|c20[0,20)']]]]);
  });

  it('breaks a band once for two photos: the second goes with the first, in their order, at the band\'s foot', () => {
    const { placed, pages } = layFoot([text('a', 20), foot(6, 1), text('b', 4), foot(6, 2), text('c', 4)]);
    // The band is shared out for the first photo (28 lines of text and 6 of photo, 17 a side); the second follows it.
    expect(placed.map(name)).toEqual(['a17>', '|a3+', 'b4', 'c4', 'photo1', 'photo2']);
    expect(pages).toEqual([[[['a17>[0,17)'], ['|a3+[0,3)', 'b4[0,4)', 'c4[0,4)', 'photo1[0,6)', 'photo2[0,6)']]]]);
  });

  it('opens the right column with a heading rather than leave it at the left column\'s foot', () => {
    // The left column would keep a's 14 lines and the heading beside the photo of a's section.
    const { placed, pages } = layFoot([text('a', 14), photo(6, 'foot'), heading('h', 1), text('b', 20)]);
    expect(placed.map(name)).toEqual(['a14', 'photo', '|Hh1', 'b20']);
    expect(pages).toEqual([[[['a14[0,14)', 'photo[0,6)'], ['|Hh1[0,1)', 'b20[0,20)']]]]);
  });
});

describe('placeTopPhotos with 注明数据来源', () => {
  /** Paragraph `name` whose first line calls a footnote of `noteLines` lines. */
  const noted = (name: string, lines: number, noteLines: number): MagazineItem => ({
    ...(text(name, lines) as Extract<MagazineItem, { kind: 'text' }>),
    notes: [{ at: 3, number: 1, text: '注', starts: Array.from({ length: noteLines }, (_, i) => i) }],
  });

  it('places a column photo by a count that leaves the footnotes their room at the page\'s foot', () => {
    // Without the note, b runs 5 lines into the left column's foot (the first test above); with 4
    // lines of note and its rule the columns hold 41 lines: b's first 2 lines there, the photo atop the right column.
    const above = Math.floor((MAGAZINE_PAGE_TWIPS - 4 * FOOTNOTE_LEADING - FOOTNOTE_RULE_TWIPS) / BODY_LEADING);
    expect(above).toBe(COLUMN_LINES - 3);
    const { placed, pages } = lay([noted('a', COLUMN_LINES - 5, 4), text('b', 20), photo(10, 'top'), text('c', 80)]);
    expect(placed.map(name)).toEqual([`a${COLUMN_LINES - 5}`, 'b2>', '^photo', 'b18+', 'c80']);
    expect(pages[0]![0]).toEqual([
      [`a${COLUMN_LINES - 5}[0,${COLUMN_LINES - 5})`, 'b2>[0,2)'],
      ['^photo[0,10)', 'b18+[0,18)', `c80[0,${above - 28})`],
    ]);
  });

  it('keeps each footnote with its reference when a paragraph is cut, the rest\'s numbered from its own start', () => {
    const item = { ...(text('a', 4) as Extract<MagazineItem, { kind: 'text' }>), notes: [5, 25].map((at, i) => ({ at, number: i + 1, text: `注${i + 1}`, starts: [0] })) };
    const [first, rest] = splitText(item, 2);
    expect(first.notes).toEqual([item.notes[0]]);
    expect(rest.notes).toEqual([{ ...item.notes[1], at: 5 }]);
    // The count reads each note on its line: the first on line 0, the second on the rest's line 0.
    expect(columnItems([first, rest]).map((c) => c.notes)).toEqual([[{ line: 0, twips: FOOTNOTE_LEADING }], [{ line: 0, twips: FOOTNOTE_LEADING }]]);
    const placed = [first, rest];
    expect(pageNotes(placed, { head: 0, bands: [], footnotes: [{ item: 1, note: 0 }], notes: 0 })).toEqual(rest.notes);
  });
});

describe('sliceRuns', () => {
  it('cuts runs at characters, a figure\'s source note staying with its end', () => {
    const note = { indicator: '产值', period: '2022', text: '统计局' };
    const runs = [{ kind: 'text' as const, text: '产值' }, { kind: 'figure' as const, text: '8.13亿元', source: '{产值}', note }];
    expect(sliceRuns(runs, 0, 4)).toEqual([{ kind: 'text', text: '产值' }, { kind: 'figure', text: '8.', source: '{产值}' }]);
    expect(sliceRuns(runs, 4, 8)).toEqual([{ kind: 'figure', text: '13亿元', source: '{产值}', note }]);
  });
});
