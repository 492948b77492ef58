import { describe, expect, it } from 'vitest';
import { ALL_ARTICLES, readArticle, readGold } from './articles.ts';
import { scoreFigures } from './score.ts';

describe('gold annotations', () => {
  for (const [name, info] of Object.entries(ALL_ARTICLES)) {
    it(`${name}: every gold figure's span is text of the article, in order, without overlaps`, () => {
      const text = readArticle(info.file);
      const gold = readGold(name);
      expect(gold.length).toBeGreaterThan(5);
      let last = 0;
      for (const g of gold) {
        expect(g.start).toBeGreaterThanOrEqual(last);
        expect(g.end).toBeGreaterThan(g.start);
        // The span starts and ends on the figure's own characters, never on a blank or a comma.
        expect(text[g.start]).toMatch(/[\d近约超逾突破不增下提同]/u);
        expect(text[g.end - 1]).toMatch(/[^\s，,。]/u);
        expect(g.quote).toContain(text.slice(g.start, g.end).split(/\s/)[0]!);
        expect(g.value !== null || g.growth !== null).toBe(true);
        last = g.end;
      }
    });
  }
});

describe('scoreFigures', () => {
  const gold = readGold('kunming-2017');

  it('gold against itself is all right', () => {
    const s = scoreFigures(gold, gold);
    expect([s.precision, s.recall, s.missed.length, s.extra.length]).toEqual([1, 1, 0, 0]);
  });

  it('a wrong field, a missed figure and an extra figure each count', () => {
    const found = gold.slice(1).map((g, i) => (i === 0 ? { ...g, qualifier: '约' } : g));
    found.push({ ...gold[0]!, start: 0, end: 4, value: '2018' });
    const s = scoreFigures(gold, found);
    expect(s.correct).toBe(gold.length - 2);
    expect(s.missed).toEqual([gold[0]]);
    expect(s.extra.map((f) => f.value)).toEqual(['2018']);
    expect(s.pairs.find((p) => p.wrong.length)?.wrong).toEqual(['qualifier']);
    expect(s.recall).toBeCloseTo((gold.length - 2) / gold.length);
    expect(s.precision).toBeCloseTo((gold.length - 2) / found.length);
  });

  it('12.90 and 12.9 are the same growth, 2000 and 2 are not the same value', () => {
    const g = gold.find((x) => x.growth === '12.9')!;
    expect(scoreFigures([g], [{ ...g, growth: '12.90' }]).correct).toBe(1);
    expect(scoreFigures([g], [{ ...g, growth: '1.29' }]).correct).toBe(0);
    const v = gold.find((x) => x.value === '2000')!;
    expect(scoreFigures([v], [{ ...v, value: '2' }]).correct).toBe(0);
  });
});
