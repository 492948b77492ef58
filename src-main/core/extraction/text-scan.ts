// Where clauses, sentences and lines of an article begin and end, by offsets into the article's own
// text: every later step cuts the text, none rewrites it.

/** Ends a sentence: a figure's kind and period are read within its sentence. */
export const SENTENCE_END = /[。；;！？!?\n]/u;
/** Ends a clause: the words that name a figure stand in its clause. */
export const CLAUSE_END = /[。；;！？!?\n，,、：:]/u;

export function isCjk(c: string | undefined): boolean {
  return c !== undefined && /\p{Script=Han}/u.test(c);
}

/** A PDF extraction's chunk number at the head of a line ("\n3、值 333.52亿元" goes on from "地区生产总"). */
const CHUNK_MARK = /\n[ \t]*\d{1,3}、$/u;
const CHUNK_AHEAD = /^\n[ \t]*\d{1,3}、/u;

/**
 * [start, end) of the run around `at` that contains no character matching `stop`. A line break
 * followed by a chunk number, inside a sentence, is no stop: the sentence goes on after it.
 */
export function around(text: string, at: number, stop: RegExp): { start: number; end: number } {
  let start = at;
  for (;;) {
    if (start <= 0) break;
    const mark = text[start - 1] === '、' ? CHUNK_MARK.exec(text.slice(Math.max(0, start - 8), start)) : null;
    if (mark && !/[。！？!?；;]\s*$/u.test(text.slice(Math.max(0, start - 8 - 4), start - mark[0].length))) {
      start -= mark[0].length;
      continue;
    }
    if (stop.test(text[start - 1]!)) break;
    start--;
  }
  let end = at;
  for (;;) {
    if (end >= text.length) break;
    const ahead = text[end] === '\n' ? CHUNK_AHEAD.exec(text.slice(end, end + 8)) : null;
    if (ahead && !/[。！？!?；;]\s*$/u.test(text.slice(Math.max(0, end - 4), end))) {
      end += ahead[0].length;
      continue;
    }
    if (stop.test(text[end]!)) break;
    end++;
  }
  return { start, end };
}

export interface Line {
  start: number;
  end: number;
  text: string;
}

/** The article's non-blank lines, each without its surrounding blanks, with offsets. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: at + lead, end: at + lead + body.length, text: body });
    at += raw.length + 1;
  }
  return out;
}

/**
 * The text with blanks, and the chunk numbers a PDF extraction puts at the head of a line ("3、值
 * 333.52亿元" continues "地区生产总"), taken out: the words before a figure as a reader reads them.
 */
export function readingText(s: string): string {
  return s.replace(/\n\s*\d{1,3}、/g, '').replace(/\s+/g, '');
}
