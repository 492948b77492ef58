// A title too long for one line, broken by phrase (GB/T 9704 §7.3.3: 词意完整，排列对称，长短适宜):
// the user's own line breaks are kept; otherwise the breaks fall after punctuation or between
// words (Intl.Segmenter's dictionary), the lines as even as the width allows.
import type { Run } from '../document.ts';

/** Width in ems: Chinese characters and full-width punctuation one, ASCII half. */
export const ems = (text: string): number => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/** Breaking right after one of these costs nothing; between two words a little; nowhere else is allowed. */
const PHRASE_END = /[：，、；。！？”）》]/u;
const WORD_BREAK_COST = 2;

/** Character offsets where a line may start, with what breaking there costs. */
function breakPoints(text: string): Map<number, number> {
  const points = new Map<number, number>();
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  for (const s of segmenter.segment(text)) if (s.index > 0) points.set(s.index, WORD_BREAK_COST);
  for (let i = 1; i < text.length; i++) if (PHRASE_END.test(text[i - 1]!)) points.set(i, 0);
  // Never open a line with closing punctuation, nor cut a figure.
  for (const i of [...points.keys()]) if (PHRASE_END.test(text[i]!) || /[0-9.%]/.test(text[i - 1]!) && /[0-9.%]/.test(text[i]!)) points.delete(i);
  return points;
}

/** Offsets where the lines of one typed line start (0 first): fewest lines of at most `maxEms`, then the most even. */
export function phraseBreaks(text: string, maxEms: number): number[] {
  if (ems(text) <= maxEms) return [0];
  const points = breakPoints(text);
  const at = [0, ...[...points.keys()].sort((a, b) => a - b), text.length];
  const last = at.length - 1;
  for (let count = Math.ceil(ems(text) / maxEms); count <= last; count++) {
    const target = ems(text) / count;
    // best[k][j]: the cheapest k lines covering text up to at[j], and where its last line starts.
    const best: ({ cost: number; from: number } | undefined)[][] = [[{ cost: 0, from: -1 }]];
    for (let k = 1; k <= count; k++) {
      best[k] = [];
      for (let j = 1; j <= last; j++) {
        for (let i = 0; i < j; i++) {
          const prev = best[k - 1]![i];
          const width = ems(text.slice(at[i], at[j]));
          if (!prev || width > maxEms) continue;
          const cost = prev.cost + (width - target) ** 2 + (j < last ? points.get(at[j]!)! : 0);
          if (!best[k]![j] || cost < best[k]![j]!.cost) best[k]![j] = { cost, from: i };
        }
      }
    }
    if (!best[count]![last]) continue;
    const out: number[] = [];
    for (let k = count, j = last; k > 0; k--) {
      j = best[k]![j]!.from;
      out.unshift(at[j]!);
    }
    return out;
  }
  return [0]; // no break fits (one very long word): the office suite wraps it
}

/** The runs of `title` cut into lines: at the user's line breaks, then by phrase to at most `maxEms` a line. */
export function titleLines(title: readonly Run[], maxEms: number): Run[][] {
  const text = title.map((r) => r.text).join('');
  const cuts: number[] = [];
  let offset = 0;
  for (const typed of text.split('\n')) {
    for (const b of phraseBreaks(typed.trim(), maxEms)) cuts.push(offset + (typed.length - typed.trimStart().length) + b);
    offset += typed.length + 1;
  }
  return cutRuns(title, cuts).map((line) => line.map((r) => ({ ...r, text: r.text.replaceAll('\n', '') })).filter((r) => r.text.trim() !== ''));
}

/** The runs split so that a new line starts at each offset of `cuts` (ascending, the first 0). */
function cutRuns(runs: readonly Run[], cuts: readonly number[]): Run[][] {
  const lines: Run[][] = cuts.map(() => []);
  let at = 0;
  for (const run of runs) {
    let from = 0;
    while (from < run.text.length) {
      const line = cuts.findLastIndex((c) => c <= at + from);
      const next = cuts[line + 1] ?? Infinity;
      const to = Math.min(run.text.length, next - at);
      lines[Math.max(line, 0)]!.push({ ...run, text: run.text.slice(from, to) } as Run);
      from = to;
    }
    at += run.text.length;
  }
  return lines.filter((l) => l.length > 0);
}
