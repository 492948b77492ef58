// The review's rows: each figure found, what the user decided (accepted, dropped, or not yet), and
// the fields as corrected. Pure, so the keyboard model and what is applied are tested without a DOM.
import { acceptedOf, type AcceptedFigure, type ReviewFigure } from '../../../../../src-main/shared/extraction.ts';

export type Decision = 'pending' | 'accepted' | 'dropped';

/** The fields a user corrects in a row. */
export interface Fields {
  indicator: string;
  value: string;
  unit: string;
  qualifier: string;
  growth: string;
  baseline: string;
  kind: 'actual' | 'target';
  period: string;
}

export interface Row {
  figure: ReviewFigure;
  decision: Decision;
  fields: Fields;
  corrected: boolean;
}

export function fieldsOf(f: ReviewFigure, period: string): Fields {
  return {
    indicator: f.indicator,
    value: f.value ?? '',
    unit: f.unit ?? '',
    qualifier: f.qualifier ?? '',
    growth: f.growth ?? '',
    baseline: f.baseline ?? '',
    kind: f.kind,
    period: f.period ?? period,
  };
}

export function initialRows(figures: readonly ReviewFigure[], period: string): Row[] {
  return figures.map((figure) => ({ figure, decision: 'pending', fields: fieldsOf(figure, period), corrected: false }));
}

export function decide(rows: readonly Row[], index: number, decision: Decision): Row[] {
  return rows.map((r, i) => (i === index ? { ...r, decision } : r));
}

/** Every row not yet decided whose figure is of high confidence is accepted; decided rows stay as they are. */
export function acceptConfident(rows: readonly Row[]): Row[] {
  return rows.map((r) => (r.decision === 'pending' && r.figure.confidence === 'high' ? { ...r, decision: 'accepted' } : r));
}

const DECIMAL = /^-?\d{1,15}(?:\.\d{1,20})?$/u;

/** A correction: the fields as typed, accepted with them. Null with the field that is not a number. */
export function correct(rows: readonly Row[], index: number, fields: Fields): { rows: Row[] } | { invalid: keyof Fields } {
  for (const k of ['value', 'growth', 'baseline'] as const) {
    if (fields[k].trim() && !DECIMAL.test(fields[k].trim())) return { invalid: k };
  }
  if (!fields.value.trim() && !fields.growth.trim()) return { invalid: 'value' };
  if (!fields.indicator.trim()) return { invalid: 'indicator' };
  if (!/^\d{4}(?:Q[1-4]|M\d{1,2}(?:-\d{1,2})?)?$/u.test(fields.period.trim())) return { invalid: 'period' };
  return { rows: rows.map((r, i) => (i === index ? { ...r, fields: trimmed(fields), corrected: true, decision: 'accepted' } : r)) };
}

function trimmed(f: Fields): Fields {
  return { ...f, indicator: f.indicator.trim(), value: f.value.trim(), unit: f.unit.trim(), qualifier: f.qualifier.trim(), growth: f.growth.trim(), baseline: f.baseline.trim(), period: f.period.trim() };
}

/**
 * Rows that give one indicator, period and kind different figures: the store keeps one figure
 * there, so applying waits until one of them is corrected or dropped. Indexes of the later rows.
 */
export function conflicts(rows: readonly Row[]): Set<number> {
  const out = new Set<number>();
  const first = new Map<string, Fields>();
  rows.forEach((r, i) => {
    if (r.decision !== 'accepted') return;
    const f = r.fields;
    const key = `${f.indicator}|${f.period}|${f.kind}`;
    const seen = first.get(key);
    if (!seen) first.set(key, f);
    else if (seen.value !== f.value || seen.unit !== f.unit || seen.qualifier !== f.qualifier || seen.growth !== f.growth || seen.baseline !== f.baseline) out.add(i);
  });
  return out;
}

/** The accepted rows as articles.apply takes them; a renamed indicator is no longer the catalogue's. */
export function acceptedFigures(rows: readonly Row[], period: string): AcceptedFigure[] {
  return rows
    .filter((r) => r.decision === 'accepted')
    .map((r) => {
      const base = acceptedOf(r.figure, period);
      const f = r.fields;
      const renamed = f.indicator !== r.figure.indicator;
      return {
        ...base,
        indicator: f.indicator,
        code: renamed ? null : base.code,
        value: f.value || null,
        unit: f.value ? f.unit || null : null,
        qualifier: f.qualifier || null,
        growth: f.growth || null,
        growthUnit: f.growth ? (base.growthUnit ?? '%') : null,
        baseline: f.baseline || null,
        kind: f.kind,
        period: f.period,
        // A figure corrected into a growth alone has no value phrase to replace, and the other way round.
        parts: { ...base.parts, value: f.value ? base.parts.value : null, growth: f.growth ? base.parts.growth : null, baseline: f.baseline ? base.parts.baseline : null },
      };
    });
}

export function counts(rows: readonly Row[]): Record<Decision, number> {
  const c: Record<Decision, number> = { pending: 0, accepted: 0, dropped: 0 };
  for (const r of rows) c[r.decision]++;
  return c;
}
