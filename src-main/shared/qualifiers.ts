// Qualifiers as they appear in published copy (DOMAIN.md). Stored as the Chinese word itself:
// it is the term of the domain, and the English labels are only for the UI.
export const QUALIFIERS = [
  { code: '近', en: 'nearly', meaning: 'below' },
  { code: '约', en: 'about', meaning: 'about' },
  { code: '左右', en: 'around', meaning: 'about' },
  { code: '余', en: 'over (余)', meaning: 'above' },
  { code: '多', en: 'over (多)', meaning: 'above' },
  { code: '超', en: 'over (超)', meaning: 'above' },
  { code: '逾', en: 'over (逾)', meaning: 'above' },
  { code: '突破', en: 'passed', meaning: 'above' },
  { code: '以上', en: 'or more', meaning: 'atLeast' },
  { code: '不少于', en: 'at least', meaning: 'atLeast' },
] as const;

export type Qualifier = (typeof QUALIFIERS)[number]['code'];
export const QUALIFIER_CODES = QUALIFIERS.map((q) => q.code) as readonly string[];
export function isQualifier(s: string): s is Qualifier {
  return QUALIFIER_CODES.includes(s);
}
