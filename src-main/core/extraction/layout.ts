// The parts of an article as a document has them — title, by-line, lead, sections with headings and
// paragraphs — read from its lines, keeping every line: a part is a line (or, for a heading written
// over several short lines, those lines) and nothing is dropped or reordered, so the document built
// from it writes the article's text back.

import { lines, type Line } from './text-scan.ts';

export interface ArticleLayout {
  title: Line | null;
  byline: Line | null;
  lead: Line[];
  sections: { heading: Line[]; paragraphs: Line[] }[];
}

/** Punctuation a heading never holds: a line with it is prose (or a caption, a dateline, a share prompt). */
const PROSE_MARKS = /[。！？!?；;：:，,、]/u;
const MAX_HEADING = 30;
const BYLINE = /^(?:■\s*)?(?:本报)?(?:记者|通讯员|文\s*[/／]|作者)|(?:管委会|办公室|供稿|编辑部)$/u;

/** The number a bulletin's heading starts with: 一、 （一） 1. — its own 、 is no prose. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))\s*/u;

function headingLike(l: Line): boolean {
  const words = l.text.replace(HEADING_NUMBER, '');
  return l.text.length <= MAX_HEADING && !PROSE_MARKS.test(words) && !/^——/u.test(words) && /\p{Script=Han}/u.test(words);
}

export function readLayout(text: string): ArticleLayout {
  const all = lines(text);
  const layout: ArticleLayout = { title: null, byline: null, lead: [], sections: [] };
  let i = 0;
  // A title is a first line that reads as one; a by-line counts only right below it.
  if (all[0] && headingLike(all[0]) && all.length > 1) {
    layout.title = all[0];
    i = 1;
    if (all[1] && all[1].text.length <= MAX_HEADING && BYLINE.test(all[1].text)) {
      layout.byline = all[1];
      i = 2;
    }
  }
  for (; i < all.length; i++) {
    const l = all[i]!;
    const section = layout.sections.at(-1);
    // Short lines without punctuation are a heading; consecutive ones are one heading (产业立区 / 优势产业蓬勃发展).
    if (headingLike(l) && i + 1 < all.length) {
      if (section && section.paragraphs.length === 0) section.heading.push(l);
      else layout.sections.push({ heading: [l], paragraphs: [] });
      continue;
    }
    if (section) section.paragraphs.push(l);
    else layout.lead.push(l);
  }
  return layout;
}
