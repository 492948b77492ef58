// Precision and recall of extracted figures against a gold annotation. A found figure counts only
// when it stands where a gold figure stands (their spans overlap; each gold figure pairs with one
// found figure at most) and value, unit, qualifier, growth and kind are all right. Baseline,
// period and the indicator are reported beside, as agreement over the pairs.

import type { ArticleFigure } from '../../src-main/shared/extraction.ts';

export interface Pair {
  gold: ArticleFigure;
  found: ArticleFigure;
  /** The scored fields that differ; empty when the pair counts. */
  wrong: ScoredField[];
}

export interface Score {
  gold: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  pairs: Pair[];
  /** Gold figures nothing was found for. */
  missed: ArticleFigure[];
  /** Found figures that stand where no gold figure does. */
  extra: ArticleFigure[];
  /** Of the pairs: how many agree on the fields that are not scored. */
  agree: { baseline: number; period: number; indicator: number };
}

export const SCORED_FIELDS = ['value', 'unit', 'qualifier', 'growth', 'kind'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Decimal texts compare by value: 15.0 and 15 are one number; null only equals null. */
function sameNumber(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const places = (x: string) => (x.includes('.') ? x.replace(/0+$/, '').replace(/\.$/, '') : x);
  return places(a) === places(b);
}

export function wrongFields(gold: ArticleFigure, found: ArticleFigure): ScoredField[] {
  return SCORED_FIELDS.filter((f) => (f === 'value' || f === 'growth' ? !sameNumber(gold[f], found[f]) : gold[f] !== found[f]));
}

function overlap(a: ArticleFigure, b: ArticleFigure): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function scoreFigures(gold: readonly ArticleFigure[], found: readonly ArticleFigure[]): Score {
  // Greedy by overlap, largest first: two figures side by side each take their own gold figure.
  const candidates: { g: number; f: number; size: number }[] = [];
  gold.forEach((g, gi) =>
    found.forEach((f, fi) => {
      const size = overlap(g, f);
      if (size > 0) candidates.push({ g: gi, f: fi, size });
    }),
  );
  candidates.sort((a, b) => b.size - a.size || a.g - b.g || a.f - b.f);
  const goldTaken = new Set<number>();
  const foundTaken = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (goldTaken.has(c.g) || foundTaken.has(c.f)) continue;
    goldTaken.add(c.g);
    foundTaken.add(c.f);
    pairs.push({ gold: gold[c.g]!, found: found[c.f]!, wrong: wrongFields(gold[c.g]!, found[c.f]!) });
  }
  pairs.sort((a, b) => a.gold.start - b.gold.start);
  const correct = pairs.filter((p) => p.wrong.length === 0).length;
  return {
    gold: gold.length,
    found: found.length,
    correct,
    precision: found.length ? correct / found.length : gold.length ? 0 : 1,
    recall: gold.length ? correct / gold.length : 1,
    pairs,
    missed: gold.filter((_, i) => !goldTaken.has(i)),
    extra: found.filter((_, i) => !foundTaken.has(i)),
    agree: {
      baseline: pairs.filter((p) => sameNumber(p.gold.baseline, p.found.baseline)).length,
      period: pairs.filter((p) => p.gold.period === null || p.gold.period === p.found.period).length,
      indicator: pairs.filter((p) => p.gold.indicator === p.found.indicator).length,
    },
  };
}
