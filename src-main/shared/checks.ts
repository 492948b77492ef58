// Check rules (审核关系): relations between figures that the catalogue declares, e.g. a sector's
// output ≤ 规上工业总产值, or a stated growth rate consistent with last year's figure. They never
// refuse an entry: a breach is an explained warning, on entry in the grid and in an import preview.

import type { ErrorParams, Locale } from './errors.ts';

export interface CheckWarning {
  /** The rule's code in the catalogue, e.g. "R01". */
  rule: string;
  /** Message code (CHECK_*), worded in either language from params. */
  code: string;
  params: ErrorParams;
  /** Chinese wording, for the CLI and logs. */
  message: string;
  /** Ids of the indicators the rule involves, for marking their rows. */
  indicatorIds: string[];
}

export const RULE_KINDS = ['compare', 'growth'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A rule as the catalogue holds it (resources/catalog/catalog.json `rules`, the store's check_rules). */
export interface CheckRule {
  code: string;
  kind: RuleKind;
  /** compare: "E03 >= I01 + I02 + I03"; growth: "*" or "E01, E03" (the indicators whose 同比 is checked). */
  expr: string;
  /** growth: percentage points a stated rate may differ from the computed one (rounding). */
  tolerance: string | null;
  description: string;
  descriptionEn: string | null;
  builtin: boolean;
  enabled: boolean;
  /** Why the rule cannot run; a rule with a problem is skipped, never a crash of the grid. */
  problem: RuleProblem | null;
}

export interface RuleProblem {
  code: RuleProblemCode;
  params: ErrorParams;
}

/**
 * What a breach says. {a} and {b} are the two sides with their figures ("新增高新技术企业数（25户）");
 * the English text uses the params' `…En` twins. Growth wording (增长/下降, 个百分点) is built here
 * from the numbers, so each language words it its own way.
 */
export const CHECK_MESSAGES = {
  CHECK_MORE: { zh: '{a}多于{b}，请核对', en: '{a} is more than {b}; please check' },
  CHECK_GREATER: { zh: '{a}大于{b}，请核对', en: '{a} is greater than {b}; please check' },
  CHECK_NOT_ABOVE: { zh: '{a}未超过{b}，请核对', en: '{a} is not above {b}; please check' },
  CHECK_NOT_BELOW: { zh: '{a}不低于{b}，请核对', en: '{a} is not below {b}; please check' },
  CHECK_NOT_EQUAL: { zh: '{a}不等于{b}，请核对', en: '{a} does not equal {b}; please check' },
  CHECK_GROWTH: {
    zh: '{indicator}填报同比{stated}，按本期{current}、上年同期{previous}计算为{computed}，相差{diff}个百分点，请核对',
    en: '{indicator}: the reported change is {stated}, but {current} against {previous} a year earlier gives {computed}, {diff} percentage points apart; please check',
  },
} as const;

export type CheckCode = keyof typeof CHECK_MESSAGES;

/** Why a rule in the catalogue cannot run ({pos} counts characters from 1). */
export const RULE_PROBLEMS = {
  UNEXPECTED: { zh: '第{pos}个字符「{token}」无法识别', en: '"{token}" at character {pos} is not understood' },
  EXPECTED_OPERAND: { zh: '第{pos}个字符处缺少指标代码或数字', en: 'an indicator code or number is missing at character {pos}' },
  EXPECTED_COMPARISON: { zh: '缺少比较符号（>=、<=、>、<、=）', en: 'a comparison (>=, <=, >, <, =) is missing' },
  EXPECTED_CODE: { zh: '第{pos}个字符处应为指标代码', en: 'an indicator code is expected at character {pos}' },
  UNCLOSED: { zh: '第{pos}个字符处缺少右括号', en: 'a closing parenthesis is missing at character {pos}' },
  UNKNOWN_FUNCTION: { zh: '未知的函数「{token}」，可用：children', en: 'unknown function "{token}"; use children' },
  BAD_NUMBER: { zh: '「{token}」不是数字', en: '"{token}" is not a number' },
  UNKNOWN_INDICATOR: { zh: '指标库中没有代码为「{token}」的指标', en: 'the catalogue has no indicator coded "{token}"' },
  MIXED_UNITS: {
    zh: '{a}（{unitA}）与{b}（{unitB}）的计量单位不能相互比较',
    en: '{a} ({unitA}) and {b} ({unitB}) are measured in units that do not compare',
  },
  BAD_TOLERANCE: { zh: '允许误差「{token}」应为非负数（个百分点）', en: 'tolerance "{token}" must be a non-negative number (percentage points)' },
  UNKNOWN_KIND: { zh: '未知的规则类型「{token}」，可用：compare、growth', en: 'unknown rule kind "{token}"; use compare or growth' },
} as const;

export type RuleProblemCode = keyof typeof RULE_PROBLEMS;

function fill(template: string, params: ErrorParams, locale: Locale, word: (k: string) => string | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const special = word(k);
    if (special !== undefined) return special;
    const v = (locale === 'en' ? (params[`${k}En`] ?? params[k]) : params[k]) ?? '';
    return String(v);
  });
}

/** 增长42.5% / 下降3.2% / 持平, or 提高2.5个百分点 for a share (GB/T 15835: never "增长-3.2%"). */
export function changeWords(rate: string, points: boolean, locale: Locale): string {
  const negative = rate.startsWith('-');
  const size = negative ? rate.slice(1) : rate;
  if (/^0(\.0+)?$/.test(size)) return locale === 'en' ? 'unchanged' : '持平';
  if (locale === 'en') return `${negative ? 'down' : 'up'} ${size}${points ? ' percentage points' : '%'}`;
  if (points) return `${negative ? '降低' : '提高'}${size}个百分点`;
  return `${negative ? '下降' : '增长'}${size}%`;
}

/** A warning in the user's language, from its code and params (the renderer re-words the core's). */
export function formatCheck(w: Pick<CheckWarning, 'code' | 'params'>, locale: Locale = 'zh-CN'): string {
  const t = (CHECK_MESSAGES as Record<string, { zh: string; en: string }>)[w.code];
  if (!t) return String(w.params.message ?? w.code);
  const p = w.params;
  const points = p.points === 1 || p.points === '1';
  const bound = (x: string) => {
    if (p.bound === 'min') return locale === 'en' ? `at least ${x}` : `至少${x}`;
    if (p.bound === 'max') return locale === 'en' ? `at most ${x}` : `至多${x}`;
    return x;
  };
  return fill(locale === 'en' ? t.en : t.zh, p, locale, (k) => {
    if (k === 'stated') return changeWords(String(p.stated), points, locale);
    if (k === 'computed') return bound(changeWords(String(p.computed), points, locale));
    return undefined;
  });
}

/** The rule's own explanation (its description in the catalogue), for a tooltip under the warning. */
export function checkNote(w: Pick<CheckWarning, 'params'>, locale: Locale = 'zh-CN'): string {
  const v = locale === 'en' ? (w.params.noteEn ?? w.params.note) : w.params.note;
  return v === undefined ? '' : String(v);
}

export function formatRuleProblem(rule: Pick<CheckRule, 'code' | 'expr'>, problem: RuleProblem, locale: Locale = 'zh-CN'): string {
  const t = RULE_PROBLEMS[problem.code];
  const detail = fill(locale === 'en' ? t.en : t.zh, problem.params, locale, () => undefined);
  return locale === 'en' ? `Check rule ${rule.code} (${rule.expr}) cannot run: ${detail}` : `审核规则 ${rule.code}（${rule.expr}）无法执行：${detail}`;
}
