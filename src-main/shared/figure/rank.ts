// 位次 across parks: the comparison table and the ranked bar chart give the same places.

import type { MeasureKind } from '../model.ts';

/** Shorter approval times rank first; for everything else more is better. */
export function lowerIsBetter(ind: { kind: MeasureKind }): boolean {
  return ind.kind === 'duration';
}

/**
 * 位次 per park: 1 for the best, equal figures share a place (1, 2, 2, 4). Parks without a
 * comparable figure get none; with fewer than two comparable figures nothing is ranked.
 */
export function ranksOf(ind: { kind: MeasureKind }, numbers: readonly (number | null)[]): (number | null)[] {
  const ranks: (number | null)[] = numbers.map(() => null);
  const order = numbers.flatMap((n, i) => (n === null ? [] : [i]));
  if (order.length < 2) return ranks;
  const sign = lowerIsBetter(ind) ? 1 : -1;
  order.sort((a, b) => sign * (numbers[a]! - numbers[b]!));
  order.forEach((idx, pos) => {
    const prev = pos > 0 ? order[pos - 1]! : -1;
    ranks[idx] = pos > 0 && numbers[prev] === numbers[idx] ? ranks[prev]! : pos + 1;
  });
  return ranks;
}
