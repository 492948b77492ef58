// A table of real sentences — every sentence of the two seeds and the four development articles —
// each with the figures it states (from the gold annotations), read on its own: out of its article
// a sentence still says its values, units, qualifiers, growths and before-figures (kind and period
// may need the article around it and are measured per article in extraction.test.ts).

import { beforeAll, describe, expect, it } from 'vitest';
import { extractFigures } from '../../src-main/core/extraction/extract.ts';
import type { CatalogueEntry } from '../../src-main/core/extraction/naming.ts';
import { catalogueEntries } from '../../src-main/core/extraction/catalogue.ts';
import type { ArticleFigure } from '../../src-main/shared/extraction.ts';
import { tempStore } from '../support/temp-store.ts';
import { ALL_ARTICLES, readArticle, readGold } from './articles.ts';

interface Row {
  article: string;
  sentence: string;
  expected: string[];
}

const said = (f: Pick<ArticleFigure, 'value' | 'unit' | 'qualifier' | 'growth' | 'growthUnit' | 'baseline'>) =>
  [f.value ?? '-', f.unit ?? '-', f.qualifier ?? '-', f.growth === null ? '-' : `${f.growth}${f.growthUnit}`, f.baseline === null ? '-' : `from ${f.baseline}`].join(' ');

/** Sentences end at 。；！？ and line ends; a blank or a stretch without a Chinese character is no sentence. */
function table(): Row[] {
  const rows: Row[] = [];
  for (const [name, info] of Object.entries(ALL_ARTICLES)) {
    const text = readArticle(info.file);
    const gold = readGold(name);
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !/[。；;！？!?\n]/u.test(text[i]!)) continue;
      const sentence = text.slice(start, i + 1);
      const from = start;
      start = i + 1;
      if (!/\p{Script=Han}/u.test(sentence)) continue;
      const inside = gold.filter((g) => g.start >= from && g.end <= i + 1);
      rows.push({ article: name, sentence: sentence.trim(), expected: inside.map(said) });
    }
  }
  return rows;
}

describe('figures of real sentences, each read on its own', () => {
  const rows = table();
  let catalogue: CatalogueEntry[];
  beforeAll(() => {
    const store = tempStore({ demo: true });
    catalogue = catalogueEntries(store.ctx.db);
    store.dispose();
  });

  it('the table has at least 200 sentences, with and without figures', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.expected.length).length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => !r.expected.length).length).toBeGreaterThan(100);
  });

  it.each(rows.map((r) => [r.article, r.sentence.slice(0, 60), r] as const))('%s: %s', (_a, _s, row) => {
    const found = extractFigures(row.sentence, { catalogue }).figures.map(said);
    expect(found).toEqual(row.expected);
  });
});
