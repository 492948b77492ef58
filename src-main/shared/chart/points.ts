// A stored figure as a chart draws it: a coordinate in the indicator's unit, converted exactly and
// only then made a float for the axis; the label written as copy writes it (近80, 569余), so an
// approximate figure never passes for an exact one; and a figure that cannot be given in the
// indicator's unit (another currency) left out, with the reason for the chart's note.

import { convertExact } from '../figure/convert.ts';
import { fromDecimal, readExact, roundAtMost, toDecimalText, writeExact, type RoundingMode } from '../figure/exact.ts';
import { GROWTH_PLACES, yearOnYear } from '../figure/growth.ts';
import { figureText } from '../figure/qualifiers.ts';
import type { ChartFigure, ChartIndicator } from './model.ts';

export interface Point {
  /** The coordinate; null draws a gap. */
  value: number | null;
  /** The number as printed, in the indicator's unit, with its qualifier (近80); null for a gap. */
  label: string | null;
  /** The qualifier of an approximate figure (近, 余, 以上 …): drawn hatched. */
  approx: string | null;
  /** The unit of a figure left out because it does not convert into the indicator's unit. */
  excludedUnit: string | null;
}

const GAP: Point = Object.freeze({ value: null, label: null, approx: null, excludedUnit: null });

/** A figure in the indicator's unit, at most the indicator's places (333.52, 0.7 from 6950万元). */
export function pointOf(fig: ChartFigure | null, ind: ChartIndicator, rounding: RoundingMode): Point {
  if (!fig || fig.value === null) return GAP;
  const converted = convertExact(fig.value, fig.unit, ind.unit);
  if (converted === null) return { ...GAP, excludedUnit: fig.unit };
  const printed = writeExact(roundAtMost(readExact(converted), ind.decimals, rounding));
  return { value: Number(converted), label: figureText(printed, '', fig.qualifier), approx: fig.qualifier, excludedUnit: null };
}

export interface GrowthPoint {
  /** In %, or in percentage points for an indicator that is itself a rate; null draws a gap. */
  value: number | null;
  label: string | null;
}

/**
 * 同比 of a period: the growth as reported, else computed from last year's figure by the one 同比
 * (never from an approximate figure, never across currencies), written with one decimal place.
 */
export function growthOf(fig: ChartFigure | null, prev: ChartFigure | null, ind: ChartIndicator, rounding: RoundingMode): GrowthPoint {
  const rate = fig?.growth != null ? fromDecimal(fig.growth) : yearOnYear(ind.kind, fig, prev);
  if (rate === null) return { value: null, label: null };
  const text = toDecimalText(rate, GROWTH_PLACES, rounding);
  return { value: Number(text), label: text };
}
