// Heading numbers of a bulletin (GB/T 9704: 一、 （一） 1. （1）), one level counted afresh under each
// heading of a higher level. One home for the Word export and the in-app preview, so both number alike.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; 1000 and more as digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`chineseNumeral: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
    return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

/** The label of the n-th heading of a level: 一、 · （一） · 1. · （1）; levels beyond 4 count as 4. */
export function headingLabel(level: number, n: number): string {
  switch (Math.max(1, Math.min(4, level))) {
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

/** Gives each heading, in document order, its number; a level restarts under its parent. */
export function headingNumberer(): (level: number) => string {
  const counters = [0, 0, 0, 0];
  return (level) => {
    const at = Math.min(Math.max(level, 1), 4) - 1;
    counters[at]! += 1;
    counters.fill(0, at + 1);
    return headingLabel(at + 1, counters[at]!);
  };
}
