import { describe, expect, it } from 'vitest';
import { paginate, type FlowSpec } from './paginate.ts';

const twoCols: FlowSpec = { lineHeight: 10, columns: 2, columnHeight: (p) => (p === 0 ? 30 : 50) };
const oneCol: FlowSpec = { lineHeight: 10, columns: 1, columnHeight: () => 40 };

describe('paginate', () => {
  it('fills both columns of a page before the next page, splitting text between lines', () => {
    const pages = paginate([{ kind: 'text', lines: 4 }, { kind: 'text', lines: 5 }], twoCols);
    // page 0 holds 2 × 3 lines: 4 of the first block and 2 of the second
    expect(pages.map((p) => p.pieces)).toEqual([
      [
        { block: 0, fromLine: 0, toLine: 4 },
        { block: 1, fromLine: 0, toLine: 2 },
      ],
      [{ block: 1, fromLine: 2, toLine: 5 }],
    ]);
  });

  it('moves a box that does not fit to the next column, and caps a box taller than a column', () => {
    const pages = paginate([{ kind: 'text', lines: 3 }, { kind: 'box', height: 25 }, { kind: 'box', height: 500 }], oneCol);
    expect(pages.map((p) => p.pieces.map((x) => x.block))).toEqual([[0], [1], [2]]);
    expect(pages[2]!.free).toBe(0);
  });

  it('keeps a heading with the first line after it', () => {
    const pages = paginate([{ kind: 'text', lines: 3 }, { kind: 'text', lines: 1, keepWithNext: true }, { kind: 'text', lines: 2 }], oneCol);
    expect(pages.map((p) => p.pieces.map((x) => x.block))).toEqual([[0], [1, 2]]);
    expect(pages[1]!.free).toBe(10);
  });

  it('gives an empty flow one page', () => {
    expect(paginate([], oneCol)).toEqual([{ pieces: [], free: 40 }]);
  });
});
