/**
 * Characters [from, to) of a text held in pieces (a paragraph's runs, a preview line's segments):
 * the pieces that cover them, each cut to its part. `part` makes a piece's part from its text,
 * told whether the piece's own end was cut off (what belongs to the end — a figure's footnote —
 * then stays with the other part).
 */
export function sliceText<T extends { text: string }>(pieces: readonly T[], from: number, to: number, part: (piece: T, text: string, endCut: boolean) => T = (p, text) => ({ ...p, text })): T[] {
  const out: T[] = [];
  let pos = 0;
  for (const p of pieces) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + p.text.length);
    if (a < b) out.push(part(p, p.text.slice(a - pos, b - pos), b < pos + p.text.length));
    pos += p.text.length;
  }
  return out;
}
