// The one reader of figure text: what a user types into a grid cell, pastes, gives `parkbrief set`,
// what a table cell of an import says, and the figure phrase an article extraction cuts out. It
// reads the figure as copy writes it — 突破2000亿元, 569余人, 近80%, 10%左右, 八成以上, 1.2万人,
// 3000余万元, 增长42.5%, 下降3.1%, 提高2个百分点, 增长2倍, and the level a verb reaches (上升至78.35%,
// 缩短为5个工作日) — into the fields the store keeps, exactly (BigInt decimals, never a float: 0x1A
// and 1e308 are not figures), and refuses what it cannot store with a reason worded in
// shared/errors.ts. Every entry point takes it from here, so what one accepts all accept, and what
// one refuses all refuse with the same message.

import type { ErrorCode, ErrorParams } from '../errors.ts';
import { beyondFigureRange, normalizeNumberText, writeExact, type Exact } from './exact.ts';
import { QUALIFIERS, QUALIFIER_CODES, QUALIFIER_SYNONYMS, qualifiersVersion, type Qualifier } from './qualifiers.ts';
import { UNITS, unitDef, unitsVersion } from './units.ts';

/** A growth is a rate in % of last year's figure, or for a rate a change in percentage points. */
export type GrowthUnit = '%' | '个百分点';

/**
 * A figure as the text gives it: a value (in `unit` when the text names one, else in the unit of
 * the field it was typed into) or a growth; the qualifier only when the text says one.
 */
export interface ParsedFigure {
  value?: string;
  unit?: string;
  qualifier?: Qualifier;
  growth?: string;
  growthUnit?: GrowthUnit;
}

export type FigureField = 'value' | 'baseline' | 'growth';

export interface ParseOptions {
  /**
   * The field the text is for, named in a refusal. In 'growth' a bare rate (42.5, 42.5%) is the
   * growth; in 'value' and 'baseline' a growth phrase is refused. Without it (an article's
   * phrase) either is read and a refusal names the figure.
   */
  field?: FigureField;
  /** The indicator's unit when known: it says what a bare 亿 or 万 stands for (see resolveUnit). */
  unit?: string;
}

export interface FigureRefusal {
  code: ErrorCode;
  params: ErrorParams;
}

/** null: no figure at all (blank, or a "no data" dash as statistical tables write it). */
export type FigureParse = { ok: true; figure: ParsedFigure } | ({ ok: false } & FigureRefusal) | null;

/** Cells that mean "no figure" in Chinese statistical tables. */
const NO_DATA = new Set(['-', '—', '——', '–', '/', '／', '…', '……', '×']);

// ── Words ────────────────────────────────────────────────────────────────────────────────────────

interface QualifierWord {
  word: string;
  code: Qualifier;
  at: 'before' | 'infix' | 'after';
}

/**
 * The qualifier words: the stored codes (QUALIFIERS, with a store's own) are words of their own,
 * and the synonym table (QUALIFIER_SYNONYMS: 超过 says 超 …) says what other words of copy mean.
 * A store's own word wins over a synonym of the same spelling (a store that added 超过 keeps it).
 * 达/达到 (达1259.88亿元) only lead up to the number and are no qualifier (see LEADS).
 */
const qualifierWords = memo(qualifiersVersion, (): readonly QualifierWord[] =>
  byLength([
    ...QUALIFIERS.map((q) => ({ word: q.code, code: q.code, at: q.at })),
    ...QUALIFIER_SYNONYMS.filter((w) => !QUALIFIER_CODES.includes(w.word)),
  ]),
);

/** Words that put the figure below the number (不足100家, 5个工作日以内): no stored qualifier says that. */
const BELOW_WORDS: readonly { word: string; at: 'before' | 'after' }[] = byLength([
  ...['不足', '不到', '未满', '少于', '低于', '不超过', '不高于', '至多', '最多'].map((word) => ({ word, at: 'before' as const })),
  ...['以下', '以内', '之内'].map((word) => ({ word, at: 'after' as const })),
]);

/** Words that lead up to a number and say nothing about it: 达1259.88亿元, 共计21个. */
const LEADS = byLength(['达到', '达', '共计', '合计', '共'].map((word) => ({ word })));

/** How a number is counted: a unit of UNITS, or 成 (tenths), 倍 (a multiple), 个百分点 (a change of a rate). */
type UnitWord = { word: string; unit: string } | { word: string; special: '成' | '倍' | '个百分点' };

/** Magnitudes written into the number (3.5万, 3000亿, 千亿元) as powers of ten. */
const MAGNITUDES: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

/**
 * Units as copy writes them: every code of UNITS (a store's own too), and the other spellings of two
 * of them. A store's unit spelled as magnitudes alone (亿, 万) is read as a magnitude here, in the unit
 * the figure is given in (近17亿 in a 亿美元 figure stays in 亿美元); it serves a unit column.
 */
const unitWords = memo(unitsVersion, (): readonly UnitWord[] =>
  byLength<UnitWord>([
    ...UNITS.filter((u) => ![...u.code].every((ch) => MAGNITUDES[ch] !== undefined)).map((u) => ({ word: u.code, unit: u.code })),
    { word: '个工作日', unit: '工作日' },
    { word: '平方千米', unit: '平方公里' },
    { word: '成', special: '成' },
    { word: '倍', special: '倍' },
    { word: '个百分点', special: '个百分点' },
    { word: '百分点', special: '个百分点' },
  ]),
);

/** A list rebuilt only when the store's own units or qualifiers have changed. */
function memo<T>(version: () => number, build: () => T): () => T {
  let at = -1;
  let value: T;
  return () => {
    const v = version();
    if (v !== at) {
      value = build();
      at = v;
    }
    return value;
  };
}

const RISES = byLength(['增长', '增加', '提高', '提升', '上升', '上涨', '增'].map((word) => ({ word })));
const FALLS = byLength(['下降', '降低', '减少', '下滑', '回落', '降', '减'].map((word) => ({ word })));
/** Verbs of a level reached, never of a growth: 缩短为5个工作日, 压缩为28个工作日. */
const LEVELS = byLength(['缩短', '压缩', '扩大', '升'].map((word) => ({ word })));
/** After a verb, the level reached rather than the change: 上升至78.35%, 提高到56%, 缩短为5个工作日. */
const REACHED = new Set(['至', '到', '为']);
/** What a growth is measured against; it changes nothing in the figure (同比增长8.5%). */
const COMPARED = byLength(['同比', '比上年同期', '较上年同期', '比上年', '较上年', '比去年', '较去年'].map((word) => ({ word })));

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function byLength<T extends { word: string }>(words: T[]): T[] {
  return words.sort((a, b) => b.word.length - a.word.length);
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** A refusal raised deep in the reading; parseFigure turns it into its result. */
class Refused {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    this.code = code;
    this.params = params;
  }
}

class Scanner {
  pos = 0;
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  get rest(): string {
    return this.s.slice(this.pos);
  }

  peek(offset = 0): string {
    return this.s[this.pos + offset] ?? '';
  }

  /** The longest of `words` (sorted longest first) standing at the cursor, consumed. */
  take<T extends { word: string }>(words: readonly T[]): T | undefined {
    const w = words.find((x) => this.s.startsWith(x.word, this.pos));
    if (w) this.pos += w.word.length;
    return w;
  }

  match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.s);
    if (m) this.pos += m[0].length;
    return m;
  }
}

/** An amount as read, before its magnitudes and unit are resolved. */
interface Amount {
  value: Exact;
  unit?: string;
  special?: '成' | '倍' | '个百分点';
  qualifier?: Qualifier;
}

/** What one phrase says: an amount, or a growth (an amount after 增长/下降, 个百分点, 翻番, 持平). */
type Phrase = { kind: 'amount'; amount: Amount } | { kind: 'growth'; growth: Exact; growthUnit?: GrowthUnit; qualifier?: Qualifier };

const ARABIC = /([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?/iy;
const ENDLESS = /[+-]?(?:infinity|inf|∞)/iy;
const CHINESE_NUMBER = /[零〇一二两三四五六七八九十]+/y;
/** A decimal as stored: no sign but -, no leading zeros, within the figure's range and length. */
const CANONICAL = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,23})?$/;
const NEGATIVE_ZERO = /^-0(?:\.0+)?$/;
const PLAIN = /^[+-]?\d{1,15}(\.\d{1,20})?$/;
/** Far beyond any figure: an exponent past this is out of range without computing 10^exp. */
const MAX_EXPONENT = 60;

/**
 * Reads figure text. `text` is what was typed or read, as it was (blanks, full-width digits and
 * thousands separators are fine); a refusal names it as given.
 */
export function parseFigure(text: string, opts: ParseOptions = {}): FigureParse {
  const raw = text.trim();
  if (raw === '') return null;
  // Most texts are a decimal already as the store keeps it (an import, a bulk write, a typed 340):
  // it is its own reading, taken without normalising or BigInt (250,000 of them in an import).
  if (CANONICAL.test(raw) && !NEGATIVE_ZERO.test(raw)) return { ok: true, figure: opts.field === 'growth' ? { growth: raw } : { value: raw } };
  const s = normalizeNumberText(raw);
  if (s === '' || NO_DATA.has(s)) return null;
  const named = { field: opts.field ?? 'figure', text: raw };
  try {
    // Most cells are a plain decimal: read without the scanner.
    const phrase: Phrase = PLAIN.test(s) ? { kind: 'amount', amount: { value: plainExact(s) } } : readPhrase(new Scanner(s), opts.unit);
    return { ok: true, figure: forField(phrase, opts.field) };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    const code = (e.code === 'NOT_A_NUMBER' || e.code === 'FIGURE_UNIT_UNKNOWN') && twoNumbers(s) ? 'FIGURE_TWO_NUMBERS' : e.code;
    return { ok: false, code, params: code === e.code ? { ...named, ...e.params } : named };
  }
}

function plainExact(s: string): Exact {
  const [ip, fp = ''] = s.replace(/^[+-]/, '').split('.') as [string, string?];
  return { neg: s.startsWith('-'), digits: BigInt(ip + fp), scale: fp.length };
}

function readPhrase(sc: Scanner, contextUnit: string | undefined): Phrase {
  const compared = sc.take(COMPARED);
  const idiom = readIdiom(sc.rest);
  if (idiom) return idiom;
  const rise = sc.take(RISES);
  const fall = rise ? undefined : sc.take(FALLS);
  const level = rise || fall ? undefined : sc.take(LEVELS);
  if (rise || fall || level) {
    if (sc.peek() === '了') sc.pos++;
    if (REACHED.has(sc.peek())) {
      sc.pos++;
      return { kind: 'amount', amount: readAmount(sc, contextUnit) };
    }
    if (level) throw new Refused('NOT_A_NUMBER');
    return growthOf(readAmount(sc, contextUnit), !!fall);
  }
  const amount = readAmount(sc, contextUnit);
  // 同比14.2% and 2个百分点 are a change without a verb.
  return compared || amount.special === '个百分点' ? growthOf(amount, false) : { kind: 'amount', amount };
}

/** 持平 (no change), 基本持平 (about none), 翻一番 (×2, +100%), 翻两番 (×4, +300%). */
function readIdiom(rest: string): Phrase | null {
  if (rest === '持平') return { kind: 'growth', growth: exactInt(0n) };
  if (rest === '基本持平') return { kind: 'growth', growth: exactInt(0n), qualifier: '约' };
  const m = /^翻了?([一二两三四五六七八九十]|\d+)?番$/.exec(rest);
  if (!m) return null;
  const times = m[1] === undefined ? 1 : /\d/.test(m[1]) ? Number(m[1]) : chineseSmall(m[1]);
  if (times === null || times < 1 || times > 10) throw new Refused('NOT_A_NUMBER');
  return { kind: 'growth', growth: exactInt((2n ** BigInt(times) - 1n) * 100n), growthUnit: '%' };
}

function growthOf(amount: Amount, fall: boolean): Phrase {
  const q = amount.qualifier ? { qualifier: amount.qualifier } : {};
  let growthUnit: GrowthUnit | undefined;
  if (amount.special === '个百分点') growthUnit = '个百分点';
  else if (amount.special === '倍') {
    // 增长2倍 is ×3 (+200%); a fall is never written in multiples (减少N倍 is not Chinese copy).
    if (fall) throw new Refused('FIGURE_FALL_TIMES');
    growthUnit = '%';
  } else if (amount.unit === '%') growthUnit = '%';
  else if (amount.unit !== undefined) throw new Refused('FIGURE_GROWTH_UNIT', { unit: amount.unit });
  let growth = amount.value;
  if (fall) {
    if (growth.neg) throw new Refused('NOT_A_NUMBER'); // 下降-3: which way?
    if (growth.digits !== 0n) growth = { ...growth, neg: true };
  }
  return { kind: 'growth', growth, ...(growthUnit ? { growthUnit } : {}), ...q };
}

/**
 * [达] [qualifier] number [magnitudes] [余/多] [unit] [qualifier]: 达1259.88亿元, 突破2000亿元,
 * 3000余万元, 1万余人, 近三成, 八成以上, 10%左右. One qualifier at most (GB/T 15835: never 近约).
 */
function readAmount(sc: Scanner, contextUnit: string | undefined): Amount {
  sc.take(LEADS);
  const qualifiers: QualifierWord[] = [];
  const before = takeQualifier(sc, 'before');
  if (before) qualifiers.push(before);
  const again = before && takeQualifier(sc, 'before');
  if (again) throw stacked(before, again);

  const value = readNumber(sc, !!before);
  const powers: number[] = [];
  let unitWord: UnitWord | undefined;
  for (;;) {
    unitWord = sc.take(unitWords());
    if (unitWord) break;
    const power = MAGNITUDES[sc.peek()];
    if (power !== undefined) {
      powers.push(power);
      sc.pos++;
      continue;
    }
    const infix = takeQualifier(sc, 'infix');
    if (!infix) break;
    if (qualifiers.length) throw stacked(qualifiers[0]!, infix);
    qualifiers.push(infix);
  }
  const unitStart = sc.pos - (unitWord?.word.length ?? 0);
  // 七成多, 两倍多: with 成 and 倍 the 余/多 comes after the word.
  if (unitWord && 'special' in unitWord && unitWord.special !== '个百分点' && !qualifiers.length) {
    const infix = takeQualifier(sc, 'infix');
    if (infix) qualifiers.push(infix);
  }
  const after = takeQualifier(sc, 'after');
  if (after) {
    if (qualifiers.length) throw stacked(qualifiers[0]!, after);
    qualifiers.push(after);
  }
  if (!sc.done) throw leftover(sc, unitStart, !!after);

  const amount = resolveUnit(value, powers, unitWord, contextUnit);
  if (qualifiers[0]) amount.qualifier = qualifiers[0].code;
  return amount;
}

function takeQualifier(sc: Scanner, at: QualifierWord['at']): QualifierWord | undefined {
  const below = BELOW_WORDS.find((b) => b.at === at && sc.s.startsWith(b.word, sc.pos));
  const q = qualifierWords().find((w) => w.at === at && sc.s.startsWith(w.word, sc.pos));
  // 不超过 is not 超, and 不足 no qualifier at all: the longer word decides.
  if (below && (!q || below.word.length >= q.word.length)) {
    throw new Refused('FIGURE_QUALIFIER_UNSTORED', { word: below.word, allowed: QUALIFIER_CODES.join('、') });
  }
  if (q) sc.pos += q.word.length;
  return q;
}

function stacked(first: QualifierWord, second: QualifierWord): Refused {
  return new Refused('FIGURE_QUALIFIERS_STACKED', { first: first.word, second: second.word });
}

/** Why the text goes on after the figure: an unknown unit (500强, 20万吨, 1992年), else not a figure. */
function leftover(sc: Scanner, unitStart: number, afterQualifier: boolean): Refused {
  const unit = sc.s.slice(unitStart);
  // Units are Chinese words or %: 0x1A, 1e, 12abc are malformed numbers, not unknown units.
  if (afterQualifier || !/^[^\p{ASCII}]/u.test(unit)) return new Refused('NOT_A_NUMBER');
  const trailing = [...qualifierWords(), ...BELOW_WORDS].find((w) => w.at === 'after' && unit.endsWith(w.word) && unit.length > w.word.length);
  return new Refused('FIGURE_UNIT_UNKNOWN', {
    unit: trailing ? unit.slice(0, -trailing.word.length) : unit,
    allowed: UNITS.map((u) => u.code).join('、'),
  });
}

/**
 * The number: Arabic digits (an exponent as a CSV may write it), a small Chinese numeral where
 * copy spells one (八成, 两倍, 翻一番), or a bare magnitude meaning one of it where copy drops the
 * 一 (超千亿元, 百亿元以上, 百余家, 上万人). Spelled-out numbers elsewhere (三百, 一百二十) are refused:
 * statistical copy writes figures in Arabic digits (GB/T 15835), and a spelled number in an article
 * is mostly no figure (十二条措施, 五个方面).
 */
function readNumber(sc: Scanner, qualified: boolean): Exact {
  if (sc.match(ENDLESS)) throw new Refused('OUT_OF_RANGE');
  const m = sc.match(ARABIC);
  if (m) {
    const [, sign, ip = '', fp = '', exp] = m;
    const e = exp === undefined ? 0 : Number(exp);
    const int = ip.replace(/^0+(?=\d)/, '');
    if (Math.abs(e) > MAX_EXPONENT || int.length > MAX_EXPONENT || fp.length > MAX_EXPONENT) {
      if (/^0*$/.test(int + fp)) return exactInt(0n);
      throw new Refused('OUT_OF_RANGE');
    }
    return shift({ neg: sign === '-', digits: BigInt(int + fp), scale: fp.length }, e);
  }
  // Left in place: the magnitude is read with the ones that follow (千亿元 is 1000亿元).
  const next = sc.peek(1);
  if (MAGNITUDES[sc.peek()] !== undefined && next !== '成' && next !== '倍') {
    if (qualified || MAGNITUDES[next] !== undefined || next === '余' || next === '多') return exactInt(1n);
  }
  const cn = sc.match(CHINESE_NUMBER);
  if (cn) {
    const n = chineseSmall(cn[0]);
    const unit = sc.peek();
    if (n !== null && (unit === '成' || unit === '倍')) return exactInt(BigInt(n));
  }
  throw new Refused('NOT_A_NUMBER');
}

/** 一 … 九, 十, 十二, 二十, 二十五, 两; null for anything else (一二, 三百). */
function chineseSmall(w: string): number | null {
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(w);
  if (!m || w === '') return null;
  const [, head, ten, tail] = m;
  if (!ten) return tail ? null : CHINESE_DIGITS[head!]!;
  return (head ? CHINESE_DIGITS[head]! : 1) * 10 + (tail ? CHINESE_DIGITS[tail]! : 0);
}

function exactInt(n: bigint): Exact {
  return { neg: n < 0n, digits: n < 0n ? -n : n, scale: 0 };
}

/** x × 10^power, exactly, keeping the places x was written with where they remain. */
function shift(x: Exact, power: number): Exact {
  if (power <= x.scale) return { ...x, scale: x.scale - power };
  return { ...x, digits: x.digits * 10n ** BigInt(power - x.scale), scale: 0 };
}

/**
 * The number's magnitudes and unit word as a value in a unit of UNITS. A magnitude joins the unit
 * where the two make one (3000万元, 3.5万亿元 is 35000亿元) and multiplies the number where they
 * don't (1.2万人 is 12000人). Without a unit, 亿 and 万 are money as copy drops the 元 (营收突破3000亿):
 * 亿元, or 亿美元 for an indicator counted in dollars; for an indicator of another kind they only
 * multiply (从业人员1.2万).
 */
function resolveUnit(value: Exact, powers: number[], word: UnitWord | undefined, contextUnit: string | undefined): Amount {
  const total = powers.reduce((a, b) => a + b, 0);
  if (word && 'special' in word) {
    if (powers.length) throw new Refused('NOT_A_NUMBER');
    if (word.special === '个百分点') return { value, special: word.special };
    return { value: shift(value, word.special === '成' ? 1 : 2), unit: '%', special: word.special };
  }
  if (!powers.length) return word ? { value, unit: word.unit } : { value };
  let base = word?.unit;
  if (base === undefined) {
    const dimension = contextUnit === undefined ? 'cny' : unitDef(contextUnit)?.dimension;
    if (dimension === 'cny') base = '元';
    else if (dimension === 'usd') base = '美元';
    else return { value: shift(value, total) };
  }
  const lastPower = powers[powers.length - 1]!;
  const joined = Object.keys(MAGNITUDES).find((k) => MAGNITUDES[k] === lastPower)! + base;
  if (unitDef(joined)) return { value: shift(value, total - lastPower), unit: joined };
  return { value: shift(value, total), unit: base };
}

/** The phrase as the field takes it; the range is checked on the number as it will be stored. */
function forField(phrase: Phrase, field: FigureField | undefined): ParsedFigure {
  if (phrase.kind === 'growth') {
    if (field === 'value' || field === 'baseline') throw new Refused('FIGURE_GROWTH_IN_VALUE');
    const q = phrase.qualifier ? { qualifier: phrase.qualifier } : {};
    return { growth: decimalText(phrase.growth), ...(phrase.growthUnit ? { growthUnit: phrase.growthUnit } : {}), ...q };
  }
  const a = phrase.amount;
  const q = a.qualifier ? { qualifier: a.qualifier } : {};
  if (field === 'growth') {
    // The growth column holds a rate: 42.5 and 42.5% say the same; 2倍 (a multiple) is not a growth.
    if (a.special === '倍') throw new Refused('FIGURE_MULTIPLE_GROWTH');
    if (a.unit !== undefined && a.unit !== '%') throw new Refused('FIGURE_GROWTH_UNIT', { unit: a.unit });
    return { growth: decimalText(a.value), ...(a.unit ? { growthUnit: '%' as const } : {}), ...q };
  }
  return { value: decimalText(a.value), ...(a.unit ? { unit: a.unit } : {}), ...q };
}

/** The stored decimal text; beyond 10^15, or with more places than a figure is kept with, out of range. */
function decimalText(x: Exact): string {
  const d = writeExact(x);
  if (beyondFigureRange(d) || d.length > 40) throw new Refused('OUT_OF_RANGE');
  return d;
}

/**
 * Two numbers with words or a range sign between them: a before/after pair (由35个工作日缩短为5个
 * 工作日), a range (9亿～16亿元), a year before the figure. Said so, rather than "not a number".
 */
function twoNumbers(s: string): boolean {
  const runs = [...s.matchAll(/\d+(?:\.\d+)?/g)];
  return runs.some((r, i) => {
    if (i === 0) return false;
    const prev = runs[i - 1]!;
    return /[^\p{ASCII}]|[-~/]/u.test(s.slice(prev.index + prev[0].length, r.index));
  });
}
