// Runs compiled rules over one park-period's figures and words each breach with the figures used.
// All arithmetic is exact (shared/figure/exact.ts); figures are converted into one unit per rule and a rule
// whose figures do not convert (亿美元 against 亿元) is skipped without a word, as 同比 is.

import { formatCheck, type CheckCode, type CheckWarning } from '../../shared/checks.ts';
import type { ErrorParams } from '../../shared/errors.ts';
import { QUALIFIERS, figureText } from '../../shared/figure/qualifiers.ts';
import { conversionRatio, unitDef } from '../../shared/figure/units.ts';
import { growthRate } from '../../shared/figure/growth.ts';
import { addInterval, certainlyAtMost, certainlyLess, figureInterval, negInterval, point, type Interval } from './interval.ts';
import { add, cmp, fromDecimal, mul, neg, ONE, sign, sub, toDecimalText, ZERO, type Rational } from '../../shared/figure/exact.ts';
import type { CheckIndicator, CompiledCompare, CompiledGrowth, CompiledRule } from '../catalog/rules.ts';

/** One stored (or pending) figure as a rule sees it. */
export interface Figure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
}

/** An indicator of the scope with this period's figure and the same period a year earlier (actual). */
export interface ScopeFigure {
  indicator: CheckIndicator;
  current: Figure | null;
  previous: Pick<Figure, 'value' | 'unit' | 'qualifier'> | null;
}

/** Places a computed sum or rate is written with at most (trailing zeros dropped). */
const SHOWN_PLACES = 2;
const EN_QUALIFIER: Record<string, string> = { below: 'nearly', above: 'over', atLeast: 'at least', about: 'about' };

/** Every breach of `rules` among `figures` (keyed by indicator code). */
export function evaluateRules(rules: readonly CompiledRule[], figures: ReadonlyMap<string, ScopeFigure>): CheckWarning[] {
  const out: CheckWarning[] = [];
  for (const r of rules) {
    if (r.kind === 'compare') {
      const w = evalCompare(r, figures);
      if (w) out.push(w);
    } else {
      out.push(...evalGrowth(r, figures));
    }
  }
  return out;
}

function warning(rule: CompiledRule, code: CheckCode, params: ErrorParams, indicatorIds: string[]): CheckWarning {
  const all: ErrorParams = { ...params, note: rule.meta.description };
  if (rule.meta.descriptionEn) all.noteEn = rule.meta.descriptionEn;
  return { rule: rule.meta.code, code, params: all, message: formatCheck({ code, params: all }), indicatorIds };
}

function figureEn(value: string, unit: string, qualifier: string | null): string {
  const meaning = QUALIFIERS.find((q) => q.code === qualifier)?.meaning;
  const q = meaning ? `${EN_QUALIFIER[meaning]} ` : '';
  return unit === '%' ? `${q}${value}%` : `${q}${value} ${unitDef(unit)?.en ?? unit}`;
}

interface Part {
  sign: 1 | -1;
  zh: string;
  en: string;
  /** In the rule's unit. */
  value: Rational;
  qualified: boolean;
  indicatorId: string | null;
}

interface Side {
  interval: Interval;
  parts: Part[];
}

function present(figures: ReadonlyMap<string, ScopeFigure>, ind: CheckIndicator): Figure | null {
  const f = figures.get(ind.code)?.current;
  return f && f.value !== null ? f : null;
}

function evalCompare(rule: CompiledCompare, figures: ReadonlyMap<string, ScopeFigure>): CheckWarning | null {
  // The rule's unit is that of its first figure present; every other figure must convert into it.
  let unit: string | null = null;
  for (const t of rule.sides.flat()) {
    const f = t.type === 'indicator' ? present(figures, t.indicator) : null;
    if (f) {
      unit = f.unit;
      break;
    }
  }
  if (unit === null) return null;
  const into = (from: string): Rational | null => conversionRatio(from, unit);

  const sides: Side[] = [];
  for (const side of rule.sides) {
    let interval = point(ZERO);
    const parts: Part[] = [];
    for (const t of side) {
      let iv: Interval;
      if (t.type === 'number') {
        const k = into(rule.constantUnit);
        if (!k) return null;
        const v = mul(t.value, k);
        iv = point(v);
        parts.push({ sign: t.sign, zh: figureText(t.text, rule.constantUnit, null), en: figureEn(t.text, rule.constantUnit, null), value: v, qualified: false, indicatorId: null });
      } else {
        const ind = t.indicator;
        const f = present(figures, ind);
        if (f) {
          const k = into(f.unit);
          if (!k) return null; // another currency: never compared
          iv = figureInterval(f.value, f.qualifier, k, ind.nonNegative);
          parts.push({
            sign: t.sign,
            zh: `${ind.name}（${figureText(f.value!, f.unit, f.qualifier)}）`,
            en: `${ind.nameEn ?? ind.name} (${figureEn(f.value!, f.unit, f.qualifier)})`,
            value: mul(fromDecimal(f.value!), k),
            qualified: f.qualifier !== null,
            indicatorId: ind.id,
          });
        } else {
          iv = figureInterval(null, null, ONE, ind.nonNegative);
        }
      }
      interval = addInterval(interval, t.sign === 1 ? iv : negInterval(iv));
    }
    sides.push({ interval, parts });
  }

  const more: CheckCode = unitDef(unit)?.dimension === 'count' ? 'CHECK_MORE' : 'CHECK_GREATER';
  for (let i = 0; i < rule.ops.length; i++) {
    const l = sides[i]!;
    const r = sides[i + 1]!;
    let breach: { code: CheckCode; a: Side; b: Side } | null = null;
    switch (rule.ops[i]) {
      case '>=':
        if (certainlyLess(l.interval, r.interval)) breach = { code: more, a: r, b: l };
        break;
      case '<=':
        if (certainlyLess(r.interval, l.interval)) breach = { code: more, a: l, b: r };
        break;
      case '>':
        if (certainlyAtMost(l.interval, r.interval)) breach = { code: 'CHECK_NOT_ABOVE', a: l, b: r };
        break;
      case '<':
        if (certainlyAtMost(r.interval, l.interval)) breach = { code: 'CHECK_NOT_BELOW', a: l, b: r };
        break;
      case '=':
        if (certainlyLess(l.interval, r.interval) || certainlyLess(r.interval, l.interval)) breach = { code: 'CHECK_NOT_EQUAL', a: l, b: r };
        break;
    }
    if (!breach || !breach.a.parts.length || !breach.b.parts.length) continue;
    const a = sideText(breach.a.parts, unit);
    const b = sideText(breach.b.parts, unit);
    const ids = [...breach.a.parts, ...breach.b.parts].flatMap((p) => (p.indicatorId ? [p.indicatorId] : []));
    return warning(rule, breach.code, { a: a.zh, aEn: a.en, b: b.zh, bEn: b.en }, [...new Set(ids)]);
  }
  return null;
}

/**
 * A side as a sentence: "新增高新技术企业数（25户）", "生物医药产业产值（78.13亿元）与新材料产业产值（248.11亿元）之和
 * （326.24亿元）". The total is left out when a part is approximate: "余25" plus 10 has no honest sum.
 */
function sideText(parts: Part[], unit: string): { zh: string; en: string } {
  if (parts.length === 1 && parts[0]!.sign === 1) return { zh: parts[0]!.zh, en: parts[0]!.en };
  const total = parts.reduce((s, p) => add(s, p.sign === 1 ? p.value : neg(p.value)), ZERO);
  const exact = !parts.some((p) => p.qualified);
  const sumText = toDecimalText(total, SHOWN_PLACES);
  const sumZh = exact ? `（${figureText(sumText, unit, null)}）` : '';
  const sumEn = exact ? ` (${figureEn(sumText, unit, null)})` : '';
  if (parts.every((p) => p.sign === 1)) {
    const zh = `${parts.slice(0, -1).map((p) => p.zh).join('、')}与${parts[parts.length - 1]!.zh}之和${sumZh}`;
    const en = `the sum of ${parts.slice(0, -1).map((p) => p.en).join(', ')} and ${parts[parts.length - 1]!.en}${sumEn}`;
    return { zh, en };
  }
  const zh = parts.map((p, i) => (p.sign === 1 ? (i ? '加' : '') : '减') + p.zh).join('');
  const en = parts.map((p, i) => (p.sign === 1 ? (i ? ' + ' : '') : i ? ' − ' : '−') + p.en).join('');
  return { zh: exact ? `${zh}，计${figureText(sumText, unit, null)}` : zh, en: `${en}${sumEn}` };
}

/**
 * A stated 同比 against the one computed from last year's figure. Figures are rounded where they were
 * reported, so each stands for half a unit of its last place either way (a count is exact); the
 * computed rate is then a range, widened by the rule's tolerance for the stated rate's own rounding.
 */
function evalGrowth(rule: CompiledGrowth, figures: ReadonlyMap<string, ScopeFigure>): CheckWarning[] {
  const out: CheckWarning[] = [];
  const scope = rule.indicators ? rule.indicators.flatMap((i) => figures.get(i.code) ?? []) : figures.values();
  for (const { indicator: ind, current: cur, previous: prev } of scope) {
    if (!cur || cur.value === null || cur.growth === null || !prev || prev.value === null) continue;
    const k = conversionRatio(prev.unit, cur.unit);
    if (!k) continue;
    const opts = { halfUnit: !ind.integerOnly };
    const c = figureInterval(cur.value, cur.qualifier, ONE, ind.nonNegative, opts);
    const p = figureInterval(prev.value, prev.qualifier, k, ind.nonNegative, opts);
    const points = ind.kind === 'percent';
    let lo: Rational | null;
    let hi: Rational | null;
    if (points) {
      lo = c.lo && p.hi ? sub(c.lo.v, p.hi.v) : null;
      hi = c.hi && p.lo ? sub(c.hi.v, p.lo.v) : null;
    } else {
      if (!p.lo || sign(p.lo.v) <= 0) continue; // no growth rate from a zero base
      lo = c.lo && p.hi ? growthRate(c.lo.v, p.hi.v) : null;
      hi = c.hi ? growthRate(c.hi.v, p.lo.v) : null;
    }
    const stated = fromDecimal(cur.growth);
    const tooLow = lo !== null && cmp(add(stated, rule.tolerance), lo) < 0;
    const tooHigh = hi !== null && cmp(sub(stated, rule.tolerance), hi) > 0;
    if (!tooLow && !tooHigh) continue;

    const cx = fromDecimal(cur.value);
    const px = mul(fromDecimal(prev.value), k);
    const computed = points ? sub(cx, px) : growthRate(cx, px);
    const diff = sub(stated, computed);
    const approximate = cur.qualifier !== null || prev.qualifier !== null;
    out.push(
      warning(
        rule,
        'CHECK_GROWTH',
        {
          indicator: ind.name,
          indicatorEn: ind.nameEn ?? ind.name,
          stated: cur.growth,
          computed: toDecimalText(computed, SHOWN_PLACES),
          bound: approximate ? (tooLow ? 'min' : 'max') : '',
          points: points ? 1 : 0,
          current: figureText(cur.value, cur.unit, cur.qualifier),
          currentEn: figureEn(cur.value, cur.unit, cur.qualifier),
          previous: figureText(prev.value, prev.unit, prev.qualifier),
          previousEn: figureEn(prev.value, prev.unit, prev.qualifier),
          diff: toDecimalText(sign(diff) < 0 ? neg(diff) : diff, SHOWN_PLACES),
        },
        [ind.id],
      ),
    );
  }
  return out;
}
