// The figures' source notes an export prints (注明数据来源), each once, numbered in the order the
// figures appear: the Word export writes them (core/reports/docx/sources.ts), the magazine's count
// sets the footnote references in the lines and the footnotes at the pages' feet, and the preview
// draws them there (print-layout/magazine-flow.ts, magazine-fit.ts).
import type { FigureNote } from './document.ts';

/** A note as printed: "地区生产总值（2022）：州统计局快报". */
export const noteText = (n: FigureNote): string => `${n.indicator}（${n.period}）：${n.text}`;

/** The notes of a document's figures, each once, in the order the figures appear. */
export class SourceNotes {
  private readonly seen = new Set<string>();
  readonly notes: FigureNote[] = [];

  /**
   * `before`: the footnotes of the features before this one in the same file. Word numbers a
   * file's footnotes on from the first, so a yearbook's later features print two- and
   * three-digit marks however few notes each has.
   */
  readonly before: number;
  constructor(before = 0) {
    this.before = before;
  }

  /** The number Word prints on the last note taken. */
  get lastNumber(): number {
    return this.before + this.notes.length;
  }

  /** True the first time a figure's note is met. */
  take(note: FigureNote): boolean {
    const key = JSON.stringify([note.indicator, note.period, note.text]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.notes.push(note);
    return true;
  }
}
