// Placeholder syntax, written by office staff in plain prose (README, "Placeholders"):
//
//   {地区生产总值}                 this document's park and period, the actual figure: 333.52亿元
//   {新材料产业产值|同比}           its growth on the same period of last year: 增长42.5%
//   {园区总收入@2017}              another period: 2017, 2018Q1, 2018M1-4, 2018年1—4月, 上年
//   {科技进步贡献率@2018|目标}     the target (plan) figure instead of the actual one
//   {一般社会投资项目审批时限|原值}  the before-figure of a before/after pair: 35个工作日
//   {规上工业增加值|增速}          the growth as a bare rate: 14.2%
//   {地区生产总值|数值}            the number without its unit: 333.52
//   {科技型企业“创指贷”发放额|亿元}  converted to another unit of the same kind: 0.70亿元
//   {{ and }}                      a literal brace
//
// Full-width braces and bars (｛｝｜＠) are accepted too: a Chinese IME types them.

import { parsePeriodKey, periodKey } from './period-key.ts';

export const OPTIONS = ['同比', '增速', '原值', '目标', '数值'] as const;
export type PlaceholderOption = (typeof OPTIONS)[number];

export interface Placeholder {
  /** As written, braces included. */
  source: string;
  indicator: string;
  /** As written after @, or null for the document's own period. */
  period: string | null;
  options: PlaceholderOption[];
  /** A unit to convert to (亿元, 万元 …), or null. */
  unit: string | null;
  /** Options that are neither known words nor units the caller accepts; reported as problems. */
  unknown: string[];
}

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; placeholder: Placeholder }
  | { kind: 'error'; source: string; reason: 'unclosed' | 'empty' };

const WIDE: Record<string, string> = { '｛': '{', '｝': '}', '｜': '|', '＠': '@' };
const narrow = (c: string) => WIDE[c] ?? c;

/**
 * Splits prose into text and placeholders. `isUnit` tells which option words are units; anything
 * else that is not a known option is kept in `unknown` so the caller can name it.
 */
export function tokenize(prose: string, isUnit: (s: string) => boolean): Token[] {
  const out: Token[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
  };
  // By UTF-16 index, text up to the next brace taken whole: every brace is one code unit, and a
  // document is mostly text between placeholders (a character at a time was most of resolving a yearbook).
  const BRACE = /[{}｛｝]/g;
  let i = 0;
  while (i < prose.length) {
    BRACE.lastIndex = i;
    const at = BRACE.exec(prose)?.index ?? prose.length;
    buf += prose.slice(i, at);
    i = at;
    if (i >= prose.length) break;
    const c = narrow(prose[i]!);
    const next = prose[i + 1] === undefined ? undefined : narrow(prose[i + 1]!);
    if (c === '{' && next === '{') {
      buf += '{';
      i += 2;
      continue;
    }
    if (c === '}' && next === '}') {
      buf += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      buf += prose[i];
      i++;
      continue;
    }
    // A placeholder ends at the next closing brace; a new opening brace or a line break first means
    // the writer forgot to close it.
    let j = i + 1;
    while (j < prose.length && narrow(prose[j]!) !== '}' && narrow(prose[j]!) !== '{' && prose[j] !== '\n') j++;
    flush();
    if (j >= prose.length || narrow(prose[j]!) !== '}') {
      out.push({ kind: 'error', source: prose.slice(i, j), reason: 'unclosed' });
      i = j;
      continue;
    }
    const source = prose.slice(i, j + 1);
    const inner = [...prose.slice(i + 1, j)].map(narrow).join('');
    const placeholder = parseInner(source, inner, isUnit);
    out.push(placeholder ? { kind: 'placeholder', placeholder } : { kind: 'error', source, reason: 'empty' });
    i = j + 1;
  }
  flush();
  return out;
}

function parseInner(source: string, inner: string, isUnit: (s: string) => boolean): Placeholder | null {
  const [head = '', ...opts] = inner.split('|').map((s) => s.trim());
  const at = head.indexOf('@');
  const indicator = (at < 0 ? head : head.slice(0, at)).trim();
  const period = at < 0 ? null : head.slice(at + 1).trim() || null;
  if (!indicator) return null;
  const options: PlaceholderOption[] = [];
  const unknown: string[] = [];
  let unit: string | null = null;
  for (const o of opts.filter(Boolean)) {
    if ((OPTIONS as readonly string[]).includes(o)) options.push(o as PlaceholderOption);
    else if (unit === null && isUnit(o)) unit = o;
    else unknown.push(o);
  }
  return { source, indicator, period, options, unit, unknown };
}

/** Writes a placeholder back in its canonical form (for the figure picker). */
export function placeholderText(p: { indicator: string; period?: string | null; options?: readonly string[]; unit?: string | null }): string {
  const head = p.period ? `${p.indicator}@${p.period}` : p.indicator;
  const opts = [...(p.options ?? []), ...(p.unit ? [p.unit] : [])];
  return `{${[head, ...opts].join('|')}}`;
}

/**
 * A period as a writer names it after @, to a period key: 2017, 2018M1-4, 2022Q3, 2017年,
 * 2018年1—4月, 2018年4月, 2022年第三季度, or 上年 (the same span a year before `own`).
 */
export function periodFromWriting(written: string, own: string): string | null {
  const s = written.replace(/\s/g, '');
  if (s === '上年' || s === '上年同期' || s === '去年') {
    const p = parsePeriodKey(own);
    return p ? periodKey({ ...p, year: p.year - 1 }) : null;
  }
  const direct = parsePeriodKey(s);
  if (direct) return periodKey(direct);
  const m = /^(\d{4})年(?:(\d{1,2})(?:[—–\-~～至到](\d{1,2}))?月|第([一二三四1-4])季度)?$/.exec(s);
  if (!m) return null;
  const year = m[1]!;
  if (m[4]) return `${year}Q${'一二三四'.includes(m[4]) ? '一二三四'.indexOf(m[4]) + 1 : m[4]}`;
  if (m[2]) {
    const key = m[3] ? `${year}M${Number(m[2])}-${Number(m[3])}` : `${year}M${Number(m[2])}`;
    const p = parsePeriodKey(key);
    return p ? periodKey(p) : null;
  }
  return year;
}
