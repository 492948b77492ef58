// Heading numbers of an official bulletin (GB/T 9704): 一、 · （一） · 1. · （1）, each level counted
// afresh under a new heading of a higher level.

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 999). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 1000 || !Number.isInteger(n)) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${DIGITS[h]}百` : '';
  if (t) s += `${t === 1 && !h ? '' : DIGITS[t]}十`;
  else if (h && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}

export function headingNumber(level: number, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** The number of every heading in order, given their levels. */
export function numberHeadings(levels: readonly number[]): string[] {
  const counters = [0, 0, 0, 0];
  return levels.map((raw) => {
    const level = Math.max(1, Math.min(4, raw));
    counters[level - 1]! += 1;
    for (let i = level; i < 4; i++) counters[i] = 0;
    return headingNumber(level, counters[level - 1]!);
  });
}

/** "3" → 第3期; a number written out already ("第3期", "总第12期") is kept as written. */
export function issueNumber(number: string): string {
  const s = number.trim();
  return /^\d+$/.test(s) ? `第${s}期` : s;
}

/** The bulletin's page number as printed: — 1 — */
export function pageNumber(n: number): string {
  return `— ${n} —`;
}
