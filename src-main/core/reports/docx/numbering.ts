// Heading numbers of a bulletin (GB/T 9704: 一、 （一） 1. （1）), written as text rather than Word
// list numbering: WPS and LibreOffice render Word's Chinese counting formats differently, plain text
// reads the same everywhere.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
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

const LABELS: Record<number, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

/** Returns a function giving each heading, in document order, its number; a level restarts under its parent. */
export function headingNumberer(): (level: number) => string {
  const counters = [0, 0, 0, 0];
  return (level) => {
    const at = Math.min(Math.max(level, 1), 4) - 1;
    counters[at]! += 1;
    counters.fill(0, at + 1);
    return LABELS[at + 1]!(counters[at]!);
  };
}
