// The rule for every name a person gives (parks, categories, indicators; periods and renames use it
// too): no control, invisible or bidi characters — 楚雄高新区 with a zero-width space looks the same
// and would be a second park — and names compared after Unicode NFKC normalisation, so full-width
// and half-width, or composed and decomposed, forms of one name are one name.

import { z } from 'zod';

/** Characters that are not seen, or that change how the text around them is shown. */
function hiddenCharName(code: number): string | null {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '控制字符';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x00ad || code === 0x180e || code === 0x034f) return '不可见字符';
  if (code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return '文字方向控制符';
  return null;
}

/** The first hidden character of a name, for the refusal; null when there is none. */
export function hiddenCharacter(name: string): { code: string; kind: string } | null {
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    const kind = hiddenCharName(code);
    if (kind) return { code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, kind };
  }
  return null;
}

/** The form names are compared in: NFKC, blanks collapsed, case folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The stored name `name` would duplicate under nameKey, if any. */
export function lookAlike(name: string, existing: Iterable<string>): string | undefined {
  const key = nameKey(name);
  for (const other of existing) if (nameKey(other) === key) return other;
  return undefined;
}

/** A name at the contract boundary: trimmed, 1..max characters, nothing hidden in it. */
export function nameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      const hidden = hiddenCharacter(text);
      if (hidden) ctx.addIssue({ code: 'custom', message: `名称含有${hidden.kind} ${hidden.code}，看不见却会成为名称的一部分；请删除后重试（the name holds the hidden character ${hidden.code}; remove it）` });
    });
}
