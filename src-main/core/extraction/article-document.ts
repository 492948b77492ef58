// The document of an article: title, by-line, lead, sections and paragraphs as its layout reads
// them (layout.ts), with chosen stretches of text replaced by placeholders and every other
// character kept — braces doubled, as the placeholder syntax writes a literal brace.

import type { DocumentBody } from '../../shared/document.ts';
import { bulletinDefaults, magazineDefaults } from '../../shared/document-defaults.ts';
import type { ArticleLayout } from './layout.ts';
import type { Line } from './text-scan.ts';

export interface Replacement {
  start: number;
  end: number;
  placeholder: string;
}

/** The body schema's limits: a paragraph's length, the lead's and a section's paragraphs. */
const MAX_PARAGRAPH = 20_000;
const MAX_LEAD = 100;
const MAX_SECTION_PARAGRAPHS = 500;

export function articleDocument(text: string, layout: ArticleLayout, replacements: readonly Replacement[], parkName: string, now = new Date()): DocumentBody {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const write = (l: Line): string => {
    let out = '';
    let at = l.start;
    for (const r of sorted) {
      if (r.end <= l.start || r.start >= l.end) continue;
      out += literal(text.slice(at, r.start)) + r.placeholder;
      at = r.end;
    }
    return out + literal(text.slice(at, l.end));
  };
  const paragraphs = (ls: readonly Line[]) => ls.flatMap((l) => splitLong(write(l)));
  const lead = paragraphs(layout.lead);
  const sections = layout.sections.map((s) => ({ heading: s.heading.map(write).join(' ').slice(0, 200), level: 1, paragraphs: paragraphs(s.paragraphs) }));
  // More lead than a document holds goes on in a section without a heading; so do overlong sections.
  const overflow = lead.splice(MAX_LEAD);
  if (overflow.length) sections.unshift({ heading: '', level: 1, paragraphs: overflow });
  const fitted = sections.flatMap((s) => chunk(s.paragraphs, MAX_SECTION_PARAGRAPHS).map((ps, i) => ({ ...s, heading: i === 0 ? s.heading : '', paragraphs: ps })));
  return {
    title: layout.title ? write(layout.title).slice(0, 200) : '',
    subtitle: '',
    byline: layout.byline ? write(layout.byline).slice(0, 100) : '',
    lead,
    sections: fitted,
    photos: [],
    magazine: magazineDefaults(now),
    bulletin: bulletinDefaults(parkName, now),
  };
}

/** Prose as the placeholder syntax reads it back: a brace is written twice. */
function literal(s: string): string {
  return s.replace(/[{}｛｝]/gu, (c) => (c === '{' || c === '｛' ? '{{' : '}}'));
}

/** A paragraph longer than a document paragraph holds is cut after a sentence. */
function splitLong(p: string): string[] {
  const out: string[] = [];
  let rest = p;
  while (rest.length > MAX_PARAGRAPH) {
    const cut = rest.lastIndexOf('。', MAX_PARAGRAPH - 1);
    const at = cut > 0 ? cut + 1 : MAX_PARAGRAPH;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(rest);
  return out;
}

function chunk<T>(xs: readonly T[], n: number): T[][] {
  if (xs.length <= n) return [xs.slice()];
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
