// 合计 of a comparison across parks, only where the indicator allows one (位次: shared/figure/rank.ts).

import type { Indicator } from '../../shared/model.ts';
import { readExact, writeExact, type Exact } from '../../shared/figure/exact.ts';
import type { ReportedFigure } from '../figures/read-figures.ts';
import { convertExact } from '../../shared/figure/convert.ts';

/**
 * Amounts, areas and tallies add up across parks. A percentage, a duration (审批时限), or a count
 * kept with decimals (开工前报建审批事项 2.5 项 is an average per project) does not: their sum
 * means nothing.
 */
export function isAdditive(ind: Pick<Indicator, 'kind' | 'decimals'>): boolean {
  return ind.kind === 'amount' || ind.kind === 'area' || (ind.kind === 'count' && ind.decimals === 0);
}

export interface Total {
  number: number | null;
  /** The column lacks a park's figure: marked 不完整 in the cell, the parks named in the note. */
  incomplete?: boolean;
  note: string | null;
}

/**
 * The exact sum in the indicator's unit, or no total with the reason: a sum of approximate figures
 * (近, 余 …) would pass for an exact one, a figure in another currency cannot be added at all, and
 * a column with a park's figure missing would pass for the parks' total. Null when the indicator
 * does not add up or no park has a figure. `parks` names the parks in the figures' order.
 */
export function totalOf(ind: Pick<Indicator, 'kind' | 'decimals' | 'unit'>, figures: readonly (ReportedFigure | undefined)[], parks: readonly string[] = []): Total | null {
  if (!isAdditive(ind)) return null;
  const present = figures.filter((f): f is ReportedFigure & { value: string } => !!f && f.value !== null);
  if (!present.length) return null;
  const missing = figures.flatMap((f, i) => (f && f.value !== null ? [] : [parks[i] ?? '']));
  if (missing.length) {
    const named = missing.filter(Boolean);
    const who = named.length ? `（${named.slice(0, 10).join('、')}${named.length > 10 ? '等' : ''}）` : '';
    return { number: null, incomplete: true, note: `${missing.length}个园区${who}无此数，数据不完整，不计合计。` };
  }
  if (present.some((f) => f.qualifier)) return { number: null, note: '含约数（如“近”“余”“以上”），不计合计。' };
  const converted = present.map((f) => convertExact(f.value, f.unit, ind.unit));
  if (converted.some((c) => c === null)) return { number: null, note: `含不能换算为“${ind.unit}”的数，不计合计。` };
  return { number: Number(sumExact(converted as string[])), note: null };
}

/** The exact sum of decimal strings. */
export function sumExact(values: readonly string[]): string {
  const xs: Exact[] = values.map(readExact);
  const scale = Math.max(0, ...xs.map((x) => x.scale));
  let total = 0n;
  for (const x of xs) {
    const m = x.digits * 10n ** BigInt(scale - x.scale);
    total += x.neg ? -m : m;
  }
  return writeExact({ neg: total < 0n, digits: total < 0n ? -total : total, scale });
}
