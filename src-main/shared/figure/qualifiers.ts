// Qualifiers as they appear in published copy (DOMAIN.md). Stored as the Chinese word itself:
// it is the term of the domain, and the English labels are only for the UI.
// `at` is where the word stands in copy: before the number (近80%, 突破2000亿元, 不少于20户), between
// number and unit (569余人, 30多个), or after the unit (10%左右, 30%以上).
export const QUALIFIERS = [
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
] as const;

export type Qualifier = (typeof QUALIFIERS)[number]['code'];
export const QUALIFIER_CODES = QUALIFIERS.map((q) => q.code) as readonly string[];
export function isQualifier(s: string): s is Qualifier {
  return QUALIFIER_CODES.includes(s);
}

/** A figure as copy writes it: 突破2000亿元, 569余人, 近80%, 10%左右. The number is used as given. */
export function figureText(number: string, unit: string, qualifier: string | null): string {
  const q = QUALIFIERS.find((x) => x.code === qualifier);
  if (!q) return number + unit;
  if (q.at === 'before') return q.code + number + unit;
  if (q.at === 'infix') return number + q.code + unit;
  return number + unit + q.code;
}
