// Qualifiers as they appear in published copy (DOMAIN.md). Stored as the Chinese word itself:
// it is the term of the domain, and the English labels are only for the UI.
// `at` is where the word stands in copy: before the number (近80%, 突破2000亿元, 不少于20户), between
// number and unit (569余人, 30多个), or after the unit (10%左右, 30%以上).
//
// Like units (units.ts), a store may add its own (超过 as a word of its own rather than 超), kept in
// its `qualifiers` table and read here after the built-in ones: one lookup for every caller.

export type QualifierMeaning = 'below' | 'about' | 'above' | 'atLeast';
export type QualifierPlace = 'before' | 'infix' | 'after';

export interface QualifierDef {
  code: string;
  en: string;
  meaning: QualifierMeaning;
  at: QualifierPlace;
}

export const BUILTIN_QUALIFIERS = [
  { code: '近', en: 'nearly', meaning: 'below', at: 'before' },
  { code: '约', en: 'about', meaning: 'about', at: 'before' },
  { code: '左右', en: 'around', meaning: 'about', at: 'after' },
  { code: '余', en: 'over (余)', meaning: 'above', at: 'infix' },
  { code: '多', en: 'over (多)', meaning: 'above', at: 'infix' },
  { code: '超', en: 'over (超)', meaning: 'above', at: 'before' },
  { code: '逾', en: 'over (逾)', meaning: 'above', at: 'before' },
  { code: '突破', en: 'passed', meaning: 'above', at: 'before' },
  { code: '以上', en: 'or more', meaning: 'atLeast', at: 'after' },
  { code: '不少于', en: 'at least', meaning: 'atLeast', at: 'before' },
] as const satisfies readonly QualifierDef[];

/** A stored qualifier: a built-in word or one the store added. */
export type Qualifier = string;

/** Every qualifier: the built-in ones, then the open store's own. A live binding: it changes with the store. */
export let QUALIFIERS: readonly QualifierDef[] = BUILTIN_QUALIFIERS;
export let QUALIFIER_CODES: readonly string[] = QUALIFIERS.map((q) => q.code);
let version = 0;

export function qualifiersVersion(): number {
  return version;
}

/** The open store's own qualifiers, replacing the previous store's; a built-in word is never replaced. */
export function setStoreQualifiers(list: readonly QualifierDef[]): void {
  QUALIFIERS = [...BUILTIN_QUALIFIERS, ...list.filter((q) => !BUILTIN_QUALIFIERS.some((b) => b.code === q.code))];
  QUALIFIER_CODES = QUALIFIERS.map((q) => q.code);
  version++;
}

export function isQualifier(s: string): s is Qualifier {
  return QUALIFIER_CODES.includes(s);
}

export function qualifierDef(code: string | null | undefined): QualifierDef | undefined {
  return code == null ? undefined : QUALIFIERS.find((q) => q.code === code);
}

/**
 * Other words of copy that say what a stored qualifier says: 超过/过 say 超, 破 says 突破, 将近/接近
 * say 近, 大约/约为 say 约, 上下 says 左右, 及以上 and a leading 上 (上100亿元, 上万人) say 以上,
 * 不低于/至少 say 不少于. Read by the parser of figure text and by the qualifier column alike.
 */
export const QUALIFIER_SYNONYMS: readonly { word: string; code: string; at: QualifierPlace }[] = [
  { word: '超过', code: '超', at: 'before' },
  { word: '过', code: '超', at: 'before' },
  { word: '破', code: '突破', at: 'before' },
  { word: '将近', code: '近', at: 'before' },
  { word: '接近', code: '近', at: 'before' },
  { word: '大约', code: '约', at: 'before' },
  { word: '约为', code: '约', at: 'before' },
  { word: '上下', code: '左右', at: 'after' },
  { word: '及以上', code: '以上', at: 'after' },
  { word: '上', code: '以上', at: 'before' },
  { word: '不低于', code: '不少于', at: 'before' },
  { word: '至少', code: '不少于', at: 'before' },
];

/** The stored qualifier a word says, by itself (近) or as a synonym (超过 → 超); a store's own word wins. */
export function qualifierOfWord(word: string): string | undefined {
  const w = word.trim();
  if (isQualifier(w)) return w;
  return QUALIFIER_SYNONYMS.find((s) => s.word === w)?.code;
}

/** Whether a cell's text is a qualifier, in a word of its own or a synonym. */
export function isQualifierWord(word: string): boolean {
  return qualifierOfWord(word) !== undefined;
}

/** A figure as copy writes it: 突破2000亿元, 569余人, 近80%, 10%左右. The number is used as given. */
export function figureText(number: string, unit: string, qualifier: string | null): string {
  const q = qualifierDef(qualifier);
  if (!q) return number + unit;
  if (q.at === 'before') return q.code + number + unit;
  if (q.at === 'infix') return number + q.code + unit;
  return number + unit + q.code;
}
