// The overview's table of one indicator: each park's figure as copy writes it, its 同比 and its
// place, from the same shared code as the charts (pointOf, growthOf, ranksOf).
import { growthOf, pointOf } from '../../../../src-main/shared/chart/points.ts';
import type { RankData } from '../../../../src-main/shared/chart/model.ts';
import { ranksOf } from '../../../../src-main/shared/figure/rank.ts';
import { unitText } from '../../../../src-main/shared/figure/units.ts';

export interface OverviewRow {
  parkId: string;
  park: string;
  /** 333.52亿元, 近80%, or null without a figure. */
  figure: string | null;
  /** 12.3%, 1.2个百分点 (points: true), or null. */
  growth: string | null;
  rank: number | null;
  /** The figure is in a unit that does not convert into the indicator's (another currency). */
  excluded: boolean;
}

export function overviewRows(r: RankData): OverviewRow[] {
  const points = r.figures.map((f) => pointOf(f, r.indicator, r.rounding));
  const ranks = ranksOf(r.indicator, points.map((p) => p.value));
  const pct = r.indicator.kind === 'percent' ? '个百分点' : '%';
  const rows = r.parks.map((park, i) => {
    const p = points[i]!;
    const g = growthOf(r.figures[i] ?? null, r.previous[i] ?? null, r.indicator, r.rounding);
    const fig = r.figures[i];
    return {
      parkId: park.id,
      park: park.name,
      // A figure left out of the ranking is still shown as reported, in its own unit.
      figure: p.label !== null ? p.label + unitText(r.indicator.unit) : p.excludedUnit && fig?.value ? fig.value + unitText(fig.unit) : null,
      growth: g.label === null ? null : g.label + pct,
      rank: ranks[i] ?? null,
      excluded: p.excludedUnit !== null,
    };
  });
  return rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
