// The period a figure is reported for, from the words of its article: 2017年, 2022年以来, 今年1—4月,
// 1—9月, 上半年, 前三季度, 一季度, 截至9月, 去年, 6月15日 (the months up to that day). A time word at the
// head of a sentence holds for the rest of its paragraph until another one; a figure no time word
// reaches is in the period the article reports. 今年 and 去年 count from the dateline where the
// article has one, else from the latest year it names (and an article that says 去年 but never 今年
// was written the year after the latest year it names).

import { parsePeriodKey, periodKey } from '../../shared/period-key.ts';

export interface TimeWord {
  start: number;
  end: number;
  /** A period key, or null where the year is 今年/去年 and is resolved later. */
  year: number | 'this' | 'last' | null;
  months: [number, number] | null;
  quarter: number | null;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (CN_DIGIT[s] ?? NaN));
const DASH = '[—–\\-~～至到]';
const M = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

/**
 * One expression: [YYYY年|今年|去年|全年] then [M—N月 | 上半年 | 下半年 | 前N季度 | (第)N季度 | 截至N月(底) |
 * M月D日]; 以来 after a year keeps the year.
 */
const TIME = new RegExp(
  [
    `(?<year>(?:\\d{4})\\s*年|今年|去年|本年)?`,
    `(?:(?<from>${M})\\s*${DASH}\\s*(?<to>${M})\\s*月(?!\\s*\\d{1,2}\\s*日)`,
    `|(?<half>上半年|下半年)`,
    `|前(?<quarters>[一二三1-3])(?:个)?季度`,
    `|第?(?<quarter>[一二三四1-4])季度`,
    `|截(?:至|止)(?:到)?\\s*(?<until>${M})\\s*月(?:底|末)?`,
    `|(?<month>\\d{1,2})\\s*月\\s*\\d{1,2}\\s*日)?`,
  ].join(''),
  'gu',
);

export function findTimeWords(text: string): TimeWord[] {
  const out: TimeWord[] = [];
  for (const m of text.matchAll(TIME)) {
    if (!m[0].trim()) continue;
    // 增速较一季度提高, 比去年同期: a time named as what is compared with is not the period reported.
    if (/(?:较|比|与|同)\s*$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const g = m.groups!;
    const yearWord = g.year?.replace(/\s/g, '');
    let year: TimeWord['year'] = null;
    if (yearWord === '今年' || yearWord === '本年') year = 'this';
    else if (yearWord === '去年') year = 'last';
    else if (yearWord) year = Number(yearWord.slice(0, 4));
    let months: [number, number] | null = null;
    let quarter: number | null = null;
    if (g.from && g.to) months = [num(g.from), num(g.to)];
    else if (g.half) months = g.half === '上半年' ? [1, 6] : [7, 12];
    else if (g.quarters) months = [1, num(g.quarters) * 3];
    else if (g.quarter) quarter = num(g.quarter);
    else if (g.until) months = [1, num(g.until)];
    else if (g.month) months = [1, Number(g.month)];
    if (months && (!(months[0] >= 1) || !(months[1] <= 12) || months[0] > months[1])) continue;
    if (year === null && !months && quarter === null) continue;
    // A year followed by a month (2018年2月经国务院批复, 2024年9月前建成) is a date, not a period reported.
    if (typeof year === 'number' && !months && quarter === null && /^\s*\d{1,2}\s*月/u.test(text.slice(m.index + m[0].length))) continue;
    if (typeof year === 'number' && (year < 1949 || year > 2100)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year, months, quarter });
  }
  return out;
}

/** The year "今年" means: the dateline's, else the latest year named (one later if the text says 去年 and never 今年). */
export function baseYear(text: string, words: readonly TimeWord[]): number | null {
  const dateline = /(\d{4})\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?/u.exec(text.slice(0, 400));
  if (dateline) return Number(dateline[1]);
  const years = words.map((w) => w.year).filter((y): y is number => typeof y === 'number');
  if (!years.length) return null;
  const latest = Math.max(...years);
  const saysLast = words.some((w) => w.year === 'last');
  const saysThis = words.some((w) => w.year === 'this');
  return saysLast && !saysThis ? latest + 1 : latest;
}

/** A time word as a period key, with the year it lacks from `year` (the year in force). */
export function keyOf(w: TimeWord, base: number | null, inForce: number | null): string | null {
  const year: number | null = typeof w.year === 'number' ? w.year : w.year === 'this' ? base : w.year === 'last' ? (base === null ? null : base - 1) : inForce ?? base;
  if (year === null) return null;
  let key: string;
  if (w.quarter !== null) key = `${year}Q${w.quarter}`;
  else if (w.months && !(w.months[0] === 1 && w.months[1] === 12)) key = w.months[0] === w.months[1] ? `${year}M${w.months[0]}` : `${year}M${w.months[0]}-${w.months[1]}`;
  else key = String(year);
  const p = parsePeriodKey(key);
  return p ? periodKey(p) : null;
}
