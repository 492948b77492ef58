// The catalogue as the search boxes need it (shared/search.ts): names, codes, aliases and the pinyin
// of each name and alias — initials (dqsczz) and in full — worked out here, where the dictionary is
// loaded once, rather than in the renderer. pinyin-pro reads words in context (银行 is yinhang), which
// a character table would get wrong.

import { pinyin } from 'pinyin-pro';
import type { Indicator } from '../../shared/model.ts';
import type { SearchEntry } from '../../shared/search.ts';

const cache = new Map<string, { initials: string; full: string }>();

function pinyinOf(text: string): { initials: string; full: string } {
  let p = cache.get(text);
  if (!p) {
    const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;
    p = {
      initials: pinyin(text, { ...opts, pattern: 'first' }).join('').toLowerCase().replace(/\s+/g, ''),
      full: pinyin(text, opts).join('').toLowerCase().replace(/\s+/g, ''),
    };
    cache.set(text, p);
  }
  return p;
}

export function searchEntry(ind: Indicator, aliases: readonly string[]): SearchEntry {
  const names = [ind.name, ...aliases].map(pinyinOf);
  return {
    id: ind.id,
    code: ind.code,
    name: ind.name,
    nameEn: ind.nameEn,
    aliases,
    initials: names.map((n) => n.initials),
    pinyin: names.map((n) => n.full),
  };
}
