// Finding an indicator by what a user types: its name or part of it, its code (E01), an alias, its
// English name, or the initials of its pinyin (dqsczz → 地区生产总值) and its full pinyin. One ranking
// for the grid's search (Ctrl+F) and the figure picker. The pinyin comes with the entries (computed
// by the core, core/catalog/search-index.ts): the renderer carries no dictionary.

export interface SearchEntry {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  aliases: readonly string[];
  /** Pinyin initials and full pinyin (no tones, lower case) of the name and of each alias. */
  initials: readonly string[];
  pinyin: readonly string[];
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** How well an entry matches: higher is better, 0 is no match. */
export function searchScore(e: SearchEntry, query: string): number {
  const q = norm(query);
  if (!q) return 1;
  const name = norm(e.name);
  if (name === q) return 100;
  if (norm(e.code) === q) return 95;
  if (name.startsWith(q)) return 90;
  if (name.includes(q)) return 80;
  if (norm(e.code).startsWith(q)) return 75;
  const aliases = e.aliases.map(norm);
  if (aliases.some((a) => a === q)) return 74;
  if (aliases.some((a) => a.includes(q))) return 70;
  // Latin letters only: pinyin is typed in ASCII.
  if (/^[a-z0-9&]+$/.test(q)) {
    if (e.initials.some((i) => i === q)) return 68;
    if (e.initials.some((i) => i.startsWith(q))) return 65;
    if (e.pinyin.some((p) => p.startsWith(q))) return 60;
    if (e.initials.some((i) => i.includes(q))) return 55;
    if (e.pinyin.some((p) => p.includes(q))) return 50;
  }
  if (e.nameEn && norm(e.nameEn).includes(q)) return 40;
  return 0;
}

/** The entries that match, best first (ties keep the catalogue's order). */
export function searchIndicators<T extends SearchEntry>(entries: readonly T[], query: string): T[] {
  if (!query.trim()) return [...entries];
  return entries
    .map((e, i) => ({ e, i, s: searchScore(e, query) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.e);
}
