// What the figure picker inserts: an indicator, what of it (the figure, its growth, its before-
// figure, the target, the bare number), from which period, in which unit — as placeholder text.
import type { Indicator, Period } from '../../../../../src-main/shared/model.ts';
import { periodFromWriting, placeholderText, type PlaceholderOption } from '../../../../../src-main/shared/placeholder.ts';
import { UNITS, unitDef } from '../../../../../src-main/shared/figure/units.ts';

export const WHATS = ['value', '同比', '增速', '原值', '目标', '数值'] as const;
export type What = (typeof WHATS)[number];

export interface FigureChoice {
  indicator: string;
  what: What;
  /** As written after @ ('' for the document's own period). */
  period: string;
  /** A unit to convert to, or ''. */
  unit: string;
}

/** Growth is a rate: it has no unit to convert. */
export const takesUnit = (what: What) => what !== '同比' && what !== '增速';

export function choiceText(c: FigureChoice): string {
  const options: PlaceholderOption[] = c.what === 'value' ? [] : [c.what];
  return placeholderText({ indicator: c.indicator, period: c.period || null, options, unit: takesUnit(c.what) && c.unit ? c.unit : null });
}

/** A period as a writer would name it after @: its label (2018年1—4月) when that reads back the same. */
export function periodWriting(p: Period): string {
  return periodFromWriting(p.label, p.key) === p.key ? p.label : p.key;
}

/** Units an indicator's figure can be converted to (same dimension, not its own unit). */
export function conversionUnits(indicator: Indicator | undefined): string[] {
  const own = indicator ? unitDef(indicator.unit) : undefined;
  if (!own) return [];
  return UNITS.filter((u) => u.dimension === own.dimension && u.code !== own.code).map((u) => u.code);
}
