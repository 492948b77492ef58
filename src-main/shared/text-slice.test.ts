import { describe, expect, it } from 'vitest';
import { sliceText } from './text-slice.ts';

describe('sliceText', () => {
  const pieces = [{ text: '产值', k: 1 }, { text: '8.13亿元', k: 2 }, { text: '，增长', k: 3 }];

  it('gives the pieces covering [from, to), each cut to its part', () => {
    expect(sliceText(pieces, 1, 6)).toEqual([{ text: '值', k: 1 }, { text: '8.13', k: 2 }]);
    expect(sliceText(pieces, 0, 12)).toEqual(pieces);
    expect(sliceText(pieces, 2, 2)).toEqual([]);
  });

  it('tells the part maker whether a piece lost its end', () => {
    const ends: boolean[] = [];
    sliceText(pieces, 1, 6, (p, text, endCut) => (ends.push(endCut), { ...p, text }));
    expect(ends).toEqual([false, true]);
  });
});
