// Growth against a comparison period, as copy writes it: 增长42.5%, 下降3.2% (never 增长-3.2%),
// 持平, 增长2倍 (= ×3; never 减少N倍), and for an indicator that is itself a rate 提高2.1个百分点.

import { figureText, QUALIFIERS } from '../../shared/figure/qualifiers.ts';
import { GROWTH_PLACES } from '../../shared/figure/growth.ts';
import { abs, cmp, fromDecimal, fromExact, HUNDRED, mul, isZero, readExact, roundAtMost, roundRational, trimZeros, writeExact, type Exact, type Rational } from '../../shared/figure/exact.ts';
import { checkQualifier, type FormatOptions } from './number.ts';

const PER_HUNDRED: Rational = { num: 1n, den: 100n };

/** A growth as reported (decimal text) or as computed (yearOnYear's exact rational, rounded only here). */
export type Growth = string | Rational;

function exactOf(growth: Growth): Rational {
  return typeof growth === 'string' ? fromDecimal(growth) : growth;
}

/** The growth as it is written: as reported when it has ≤ 1 place, else rounded to 1 place. */
function written(growth: Growth, opts: FormatOptions): Exact {
  return typeof growth === 'string' ? roundAtMost(readExact(growth), GROWTH_PLACES, opts.rounding) : roundRational(growth, GROWTH_PLACES, opts.rounding);
}

/**
 * A growth (percent, a decimal string, may be negative) as copy writes it: "42.5" → "增长42.5%",
 * "-3.2" → "下降3.2%", zero (also once rounded: "0.04") → "持平". A rise of 100% or more is written in
 * 倍 of the increase, one decimal at most: "150" → "增长1.5倍", "200" → "增长2倍". `points` (the
 * indicator is itself a rate): "提高2.1个百分点" / "下降0.5个百分点", never in 倍. A qualifier stands
 * where QUALIFIERS puts it: "增长近10%", "增长10%左右", "增长10余%"; a qualified zero is
 * "基本持平" when the qualifier means about/nearly (约, 左右, 近).
 */
export function formatGrowth(growth: Growth, opts: FormatOptions & { points?: boolean; qualifier?: string | null }): string {
  const qualifier = checkQualifier(opts.qualifier);
  const g = written(growth, opts);
  if (isZero(g)) {
    const meaning = QUALIFIERS.find((q) => q.code === qualifier)?.meaning;
    return meaning === 'about' || meaning === 'below' ? '基本持平' : '持平';
  }
  if (opts.points) return (g.neg ? '下降' : '提高') + figureText(writeExact(abs(g)), '个百分点', qualifier);
  if (g.neg) return '下降' + figureText(writeExact(abs(g)), '%', qualifier);
  if (cmp(fromExact(g), HUNDRED) >= 0) {
    // From the growth as reported or computed, not as rounded to 1 place: 124.96% is 1.2496 → 1.2倍.
    const times = trimZeros(roundRational(mul(exactOf(growth), PER_HUNDRED), GROWTH_PLACES, opts.rounding));
    return '增长' + figureText(writeExact(times), '倍', qualifier);
  }
  return '增长' + figureText(writeExact(g), '%', qualifier);
}

/**
 * The growth as a bare rate: "14.2" → "14.2%", "-3.2" → "-3.2%"; points → "2.1个百分点". A qualifier
 * (a target given only as a growth) stands where it does in formatGrowth: "30%以上", "近10%".
 */
export function formatRate(growth: Growth, opts: FormatOptions & { points?: boolean; qualifier?: string | null }): string {
  return figureText(writeExact(written(growth, opts)), opts.points ? '个百分点' : '%', checkQualifier(opts.qualifier));
}
