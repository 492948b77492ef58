// Chinese and Latin stretches of a line of text, as Word tags them: the Word export writes each
// stretch as a run of its own (core/reports/docx/runs.ts), and the bulletin's line count
// (bulletin-fit.ts) sets a Latin stretch as one unbreakable word.

/**
 * Digits and Latin letters (with the marks inside a figure: 42.5%, 1,200, R&D) as opposed to
 * Chinese. Word tags such a stretch en-US; tagged zh-CN, LibreOffice breaks a line between any
 * two of its characters (产值7 / 8.13亿元, 增长42. / 5%).
 */
const LATIN = /[0-9A-Za-z\u00C0-\u024F](?:[0-9A-Za-z\u00C0-\u024F.,%‰+\-/:&'’ ]*[0-9A-Za-z\u00C0-\u024F%‰])?/gu;

/**
 * A Chinese ellipsis (……), which must not be cut at a line's end. LibreOffice's Chinese line
 * breaking cuts it (…今年1—4月… / …外资) whatever the lists of marks in settings.xml say; in a run of
 * its own tagged English it keeps the pair whole (its face is still the Chinese one: a weak mark
 * takes the script of the text before it, and Word follows the run's eastAsia hint).
 */
export const ELLIPSIS = /…{2,}/gu;

/** Text cut into Chinese and Latin stretches, in order; each is [text, isLatin]. An ellipsis is a Chinese stretch of its own. */
export function scriptSpans(text: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  const chinese = (s: string) => {
    let from = 0;
    for (const m of s.matchAll(ELLIPSIS)) {
      if (m.index > from) out.push([s.slice(from, m.index), false]);
      out.push([m[0], false]);
      from = m.index + m[0].length;
    }
    if (from < s.length) out.push([s.slice(from), false]);
  };
  let at = 0;
  for (const m of text.matchAll(LATIN)) {
    if (m.index > at) chinese(text.slice(at, m.index));
    out.push([m[0], true]);
    at = m.index + m[0].length;
  }
  if (at < text.length) chinese(text.slice(at));
  return out;
}

/** Times New Roman's advance widths (thousandths of an em), the face of digits and Latin in both layouts. */
const TIMES: Record<string, number> = {
  ' ': 250, '%': 833, '&': 778, "'": 180, '+': 564, ',': 250, '-': 333, '.': 250, '/': 278, ':': 278, '‰': 1000, '’': 333,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
};

/** A Latin character's width in ems (digits 0.5). */
export const latinEm = (ch: string): number => (/[0-9]/.test(ch) ? 0.5 : (TIMES[ch] ?? 500) / 1000);
