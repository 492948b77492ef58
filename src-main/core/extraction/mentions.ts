// Figure phrases in an article's text. Each number is read by the one parser of figure text
// (shared/figure/parse.ts): the phrase around it is the longest stretch the parser takes whole —
// 突破2000亿元, 569 余人, 同比增长31.31%, 缩短为 5 个工作日, 八成以上 — so what counts as a unit, a
// qualifier or a growth is decided in one place for the grid, the import and the article alike.
// Numbers that are no figure are left out here: years and dates, ordinals (第X期, 第115名), list
// numbers, phone numbers, numbers inside names (“2主3辅”, 《…》, 3GWH, 1+N, 500强).

import { parseFigure, type ParsedFigure } from '../../shared/figure/parse.ts';
import { isCjk } from './text-scan.ts';

export interface Mention {
  start: number;
  end: number;
  figure: ParsedFigure;
  /** The phrase as the text writes it. */
  text: string;
  /** The phrase begins with a verb of a level reached (缩短为5个工作日, 上升至78.35%). */
  level: boolean;
}

/** Arabic numbers as copy writes them, half- or full-width, with a decimal point or thousands commas. */
const ARABIC = /[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?/gu;
/** Small Chinese numerals where copy spells a figure: tenths (八成) and multiples (两倍). */
const CHINESE = /[一二两三四五六七八九十]+(?=[成倍])/gu;
/** Characters a phrase never crosses. */
const STOP = /[。；;！？!?\n，,、：:（）()“”"《》「」0-9０-９]/u;
const STOP_RIGHT = /[。；;！？!?\n，,、：:（）()“”"《》「」]/u;
const LEFT_REACH = 8;
const RIGHT_REACH = 12;

/** Verbs of a level reached, as the parser reads them (缩短为, 压缩为, 上升至, 提高到 …). */
const LEVEL_START = /^(?:缩短|压缩|扩大|升|增长|增加|提高|提升|上升|上涨|下降|降低|减少|下滑|回落|降|减)了?[至到为]/u;

/** Single characters the parser reads as a qualifier that are, after another character, mostly part of a word (会上, 通过). */
const WORDY_QUALIFIERS = new Set(['上', '过']);

export function findMentions(text: string): Mention[] {
  const names = nameSpans(text);
  const out: Mention[] = [];
  const tokens = [...text.matchAll(ARABIC), ...text.matchAll(CHINESE)].sort((a, b) => a.index - b.index);
  for (const t of tokens) {
    const start = t.index;
    const end = start + t[0].length;
    if (out.length && start < out.at(-1)!.end) continue;
    if (insideName(names, start) || notAFigureNumber(text, start, end)) continue;
    const m = readPhrase(text, start, end);
    if (m && !nameAfter(text, m) && !changeAmount(text, m)) out.push(m);
  }
  return out;
}

/** The longest phrase around the number that the parser reads as a figure with a unit or a growth. */
function readPhrase(text: string, numStart: number, numEnd: number): Mention | null {
  let leftLimit = numStart;
  while (leftLimit > 0 && numStart - leftLimit < LEFT_REACH && !STOP.test(text[leftLimit - 1]!)) leftLimit--;
  let rightLimit = numEnd;
  while (rightLimit < text.length && rightLimit - numEnd < RIGHT_REACH && !STOP_RIGHT.test(text[rightLimit]!) && !/[0-9０-９]/u.test(text[rightLimit]!)) rightLimit++;
  for (let s = leftLimit; s <= numStart; s++) {
    if (s < numStart && !goodStart(text, s)) continue;
    for (let e = rightLimit; e >= numEnd; e--) {
      if (/\s/.test(text[e - 1]!)) continue;
      const phrase = text.slice(s, e);
      const r = parseFigure(phrase);
      if (!r || !r.ok) continue;
      if (!isFigure(r.figure, phrase, text[e])) continue;
      return { start: s, end: e, figure: r.figure, text: phrase, level: LEVEL_START.test(phrase.replace(/\s/g, '')) };
    }
  }
  return null;
}

function goodStart(text: string, s: number): boolean {
  if (/\s/.test(text[s]!)) return false;
  if (!WORDY_QUALIFIERS.has(text[s]!)) return true;
  if (text[s] === '上' && /[升涨]/u.test(text[s + 1] ?? '')) return true;
  const before = text[s - 1];
  return before === undefined || !isCjk(before) || before === '的';
}

/**
 * A figure has a unit, a rate or a growth in % or points: a bare number is none (40 2023.08, “188”). A 万 or 亿
 * that stands for 万元 must end the phrase (20万吨 is no money), and a multiple without a growth
 * verb (是去年的2倍) says nothing the store keeps.
 */
function isFigure(f: ParsedFigure, phrase: string, next: string | undefined): boolean {
  // A change without % or 个百分点 (减少了148个工作日) is an amount of change, which no field holds.
  if (f.growth !== undefined) return f.growthUnit !== undefined;
  if (f.value === undefined || f.unit === undefined) return false;
  if (/倍/u.test(phrase)) return false;
  if (f.unit.endsWith('元') && !phrase.includes('元') && isCjk(next)) return false;
  return true;
}

/** Years, dates, ordinals, list numbers, phone numbers and parts of codes: never figures. */
function notAFigureNumber(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text.slice(end).replace(/^[ \t]+/, '')[0];
  if (before === '第') return true;
  if (after === '年' || after === '月' || after === '日' || after === '号') return true;
  if (after === '、' || after === '+' || before === '+') return true;
  if (after !== undefined && /[A-Za-z]/.test(after)) return true;
  if (before !== undefined && /[A-Za-z]/.test(before)) return true;
  if (/^[-–:：/.][0-9]/.test(text.slice(end, end + 2)) || /[0-9][-–:/]$/.test(text.slice(start - 2, start))) return true;
  // Seven digits or more in a row are a phone or an ID, not a figure a park reports with a unit.
  if (text.slice(start, end).replace(/\D/g, '').length >= 7 && !/[.．]/.test(text.slice(start, end))) return true;
  return false;
}

/**
 * A count with a fraction followed by a noun counts nothing (2.5项行政审批改革: the reform's name);
 * a figure inside 以…为代表 names an example (以滇中有色20万吨阴极铜生产为代表).
 */
function nameAfter(text: string, m: Mention): boolean {
  const v = m.figure.value;
  if (v !== undefined && v.includes('.') && m.figure.unit && isCountUnit(m.figure.unit) && isCjk(text[m.end])) return true;
  const clauseStart = Math.max(text.lastIndexOf('，', m.start), text.lastIndexOf(',', m.start), text.lastIndexOf('。', m.start), text.lastIndexOf('\n', m.start));
  const head = text.slice(clauseStart + 1, m.start);
  const tail = text.slice(m.end, m.end + 30).split(/[，,。；;\n]/u)[0]!;
  return /以/u.test(head) && /为(?:代表|龙头|核心|主导|重点|抓手)/u.test(tail);
}

/**
 * 减少了148个工作日 after a before/after pair, 较年初增加128件: the amount of a change, which no field
 * of the store holds (a change in % or points is read as a growth, with its verb, before this is asked).
 */
function changeAmount(text: string, m: Mention): boolean {
  if (m.figure.growth !== undefined) return false;
  const before = text.slice(Math.max(0, m.start - 14), m.start);
  // 减少了148个工作日; 较年初增加128件 (a change against a time or figure named before it).
  return /(?:减少|缩短|压缩|节约|节省|增加|降低|提高)了\s*$/u.test(before) || /(?:较|比)[^，,。；;]{0,8}(?:增加|减少|增长|下降|提高|降低|多|少)了?\s*$/u.test(before);
}

const COUNT_UNITS = new Set(['个', '户', '家', '项', '件', '次', '场次', '人', '名']);
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit);
}

/** Quoted words and titles (short spans in “”, 「」, 《》 or ASCII quotes, without a full stop), and web addresses. */
function nameSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /“[^”。\n]{1,24}”|「[^」。\n]{1,24}」|《[^》\n]{1,60}》|"[^"。\n]{1,24}"|(?:https?:\/\/|www\.)[^\s，。]+/gu;
  for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function insideName(spans: [number, number][], at: number): boolean {
  return spans.some(([a, b]) => at >= a && at < b);
}

/** Is `at` inside quotation marks or a title (“千人计划”): words there name something and announce nothing. */
export function quoted(text: string, at: number): boolean {
  return insideName(nameSpans(text), at);
}
