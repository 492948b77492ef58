// A stored figure as a table cell shows it: a number in the row's unit, converted exactly (万元 →
// 亿元 is a decimal shift, never a float product, never across currencies), its qualifier kept for
// the number format; or, when it cannot be given in the row's unit, the figure as copy writes it
// with a note saying why.

import type { Indicator } from '../../shared/model.ts';
import { figureText } from '../../shared/figure/qualifiers.ts';
import { unitDef } from '../../shared/figure/units.ts';
import { convertExact } from '../../shared/figure/convert.ts';
import { unitText } from '../format/index.ts';
import type { ShownGrowth, ShownValue } from '../reports/xlsx/model.ts';
import { yearOnYearText } from '../../shared/figure/growth.ts';
import type { RoundingMode } from '../../shared/figure/exact.ts';
import type { ReportedFigure } from '../figures/read-figures.ts';

// The import preview compares in the row's unit the same way.
export { convertExact };

export const NOTHING: ShownValue = Object.freeze({ number: null, text: null, qualifier: null, ownDecimals: null, note: null });

/** A stored figure in the row's unit; NOTHING when there is no figure (or only a growth). */
export function shownValue(fig: ReportedFigure | undefined, rowUnit: string): ShownValue {
  if (!fig || fig.value === null) return NOTHING;
  const converted = convertExact(fig.value, fig.unit, rowUnit);
  if (converted !== null) return { number: Number(converted), text: null, qualifier: fig.qualifier, ownDecimals: decimalsOf(converted), note: null };
  return { number: null, text: figureText(fig.value, unitText(fig.unit), fig.qualifier), qualifier: null, ownDecimals: null, note: unitNote(fig.unit, rowUnit) };
}

/** Digits after the point of an exact decimal as written ("2000" 0, "0.2" 1). */
function decimalsOf(exact: string): number {
  const at = exact.indexOf('.');
  return at < 0 ? 0 : exact.length - at - 1;
}

function unitNote(from: string, to: string): string {
  const a = unitDef(from)?.dimension;
  const b = unitDef(to)?.dimension;
  const why = (a === 'cny' && b === 'usd') || (a === 'usd' && b === 'cny') ? '人民币与美元之间不换算' : '两种单位不能换算';
  return `此数以“${from}”填报，${why}，故未按本行单位“${to}”列示。`;
}

/**
 * 同比 of a figure: the growth as reported, else computed from the same period a year earlier as
 * the grid does (never from an approximate figure, never across currencies). A growth reported
 * without a figure (增长10%左右) carries the figure's qualifier.
 */
export function shownGrowth(ind: Indicator, cur: ReportedFigure | undefined, prev: ReportedFigure | undefined, rounding: RoundingMode): ShownGrowth | null {
  const points = ind.kind === 'percent';
  if (cur && cur.growth !== null) {
    return { number: Number(cur.growth), points, qualifier: cur.value === null ? cur.qualifier : null, computed: false };
  }
  const computed = yearOnYearText(ind.kind, cur ?? null, prev ?? null, rounding);
  return computed === null ? null : { number: Number(computed), points, qualifier: null, computed: true };
}
