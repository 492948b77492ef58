// A yearbook as a print editor binds it: a cover, a contents page, the parks left out and why, then
// one feature per park, each opening on a right-hand page, with folios running on from 1 across the
// whole book. Each contents entry's page is a PAGEREF field to a bookmark on its feature: LibreOffice
// counts it as it lays the book out, Word when it updates fields. Not a TOC field: LibreOffice prints a TOC field's
// entries as delivered, and only a layout knows the pages (docx's own estimator took seconds a feature).
import {
  AlignmentType,
  Bookmark,
  LeaderType,
  LineRuleType,
  SimpleField,
  Paragraph,
  SectionType,
  TabStopType,
  type ISectionOptions,
} from 'docx';
import { runsText, type ResolvedDocument } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { COLUMN_WIDTH } from './magazine.ts';
import { MAGAZINE_FRAME } from './magazine-page.ts';
import { pageProperties, textHeight, textWidth } from './page.ts';
import { runsOf, type Look } from './runs.ts';

export interface YearbookFront {
  /** "2022年园区年鉴" */
  title: string;
  /** Under the title: the period and how many parks it binds. */
  subtitle: string;
  /** The parks not bound in, in park order, each with why in a sentence. */
  leftOut: readonly { park: string; reason: string }[];
}


const COVER_TITLE: Look = { role: 'heiti', size: 72, bold: true };
const COVER_SUB: Look = { role: 'kaiti', size: 32 };
const CONTENTS_HEAD: Look = { role: 'heiti', size: 36, bold: true };
const ENTRY: Look = { role: 'songti', size: 24 };
const ENTRY_PARK: Look = { role: 'heiti', size: 24 };
const NOTE_HEAD: Look = { role: 'heiti', size: 24, bold: true };
const NOTE: Look = { role: 'songti', size: 21 };

/** The bookmark on feature `i`'s first line, which its contents entry points at. */
export const featureBookmark = (i: number): string => `_Feature${String(i + 1).padStart(3, '0')}`;

function cover(front: YearbookFront, fonts: FontMap): ISectionOptions {
  return {
    properties: { type: SectionType.NEXT_PAGE, page: pageProperties(MAGAZINE_FRAME), column: { count: 1 } },
    children: [
      new Paragraph({ spacing: { before: 4800, after: 600 }, alignment: AlignmentType.CENTER, children: [...runsOf(front.title, fonts, COVER_TITLE)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [...runsOf(front.subtitle, fonts, COVER_SUB)] }),
    ],
  };
}

/**
 * A feature's pages by the magazine's grid (two columns of 10.5 pt characters on a 16 pt leading,
 * the title block across both, photos at column width): the page numbers the contents carry until
 * the reader's program lays the book out (LibreOffice then, Word when it updates fields).
 */
export function estimatedPages(doc: ResolvedDocument): number {
  const perLine = Math.floor(COLUMN_WIDTH / 210);
  const perColumn = Math.floor(textHeight(MAGAZINE_FRAME) / 320);
  const lines = (text: string) => Math.max(1, Math.ceil(([...text].length + 2) / perLine));
  let column = 16; // the title block, across both columns
  for (const p of doc.lead) column += lines(runsText(p));
  for (const s of doc.sections) column += s.paragraphs.reduce((n, p, i) => n + lines((i === 0 ? runsText(s.heading) : '') + runsText(p)), 0);
  for (const p of doc.photos) column += Math.ceil(((p.width > 0 ? p.height / p.width : 0.75) * COLUMN_WIDTH) / 320) + 3;
  return Math.max(1, Math.ceil(column / (2 * perColumn)));
}

/** Each feature's first folio from its estimated pages: 1 for the first, then each on the next odd page after the one before. */
export function firstPages(pages: readonly number[]): number[] {
  let next = 1;
  return pages.map((n) => {
    const at = next;
    const end = at + n;
    next = end % 2 === 1 ? end : end + 1;
    return at;
  });
}

export const featurePages = (docs: readonly ResolvedDocument[]): number[] => firstPages(docs.map(estimatedPages));

/**
 * A yearbook's features, one at a time: the book asks for each when it sets the contents and again
 * when it prints it, so that it never holds every park's feature at once.
 */
export interface Features {
  readonly length: number;
  at(i: number): ResolvedDocument;
}

export const featuresOf = (docs: readonly ResolvedDocument[]): Features => ({ length: docs.length, at: (i) => docs[i]! });

export function* eachFeature(features: Features): Generator<ResolvedDocument> {
  for (let i = 0; i < features.length; i++) yield features.at(i);
}

/** A feature's line in the contents. */
export interface ContentsEntry {
  park: string;
  title: string;
  pages: number;
}

export const contentsEntry = (doc: ResolvedDocument): ContentsEntry => ({ park: doc.parkName, title: runsText(doc.title).replace(/\s+/g, ' ').trim(), pages: estimatedPages(doc) });

function contents(list: readonly ContentsEntry[], front: YearbookFront, fonts: FontMap): ISectionOptions {
  const right = textWidth(MAGAZINE_FRAME);
  const pages = firstPages(list.map((e) => e.pages));
  const entries = list.map(
    (entry, i) =>
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: right, leader: LeaderType.DOT }],
        spacing: { before: 0, after: 80, line: 360, lineRule: LineRuleType.AT_LEAST },
        indent: { left: 0, hanging: 0 },
        children: [
          ...runsOf(entry.park, fonts, ENTRY_PARK),
          ...runsOf(`\u3000${entry.title}`, fonts, ENTRY),
          ...runsOf('\t', fonts, ENTRY),
          // PAGEREF: LibreOffice counts the page when it lays the book out; Word when it updates
          // the fields, which it offers on opening (updateFields), until then the estimate.
          new SimpleField(`PAGEREF ${featureBookmark(i)} \\h`, String(pages[i])),
        ],
      }),
  );
  const leftOut = front.leftOut.length
    ? [
        new Paragraph({ spacing: { before: 480, after: 120 }, keepNext: true, children: [...runsOf(`未收录的园区（${front.leftOut.length}个）`, fonts, NOTE_HEAD)] }),
        ...front.leftOut.map((l) => new Paragraph({ spacing: { after: 40 }, children: [...runsOf(`${l.park}：${l.reason}`, fonts, NOTE)] })),
      ]
    : [];
  return {
    // The contents open on a right-hand page, the cover's back left blank.
    properties: { type: SectionType.ODD_PAGE, page: pageProperties(MAGAZINE_FRAME), column: { count: 1 } },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 }, children: [...runsOf('目\u3000\u3000录', fonts, CONTENTS_HEAD)] }),
      ...entries,
      ...leftOut,
    ],
  };
}

/**
 * Each feature's sections, bound: its first section opens on a right-hand page with the folios
 * running on (the first feature's page is 1) and carries the bookmark its contents entry points at.
 * A feature printing the same headers and footers as the one before (`inherit`) leaves them out and
 * takes the previous section's.
 */
export function bindFeature(feature: ISectionOptions[], i: number, inherit = false): ISectionOptions[] {
  const [first, ...rest] = feature;
  if (!first) return feature;
  const page = { ...first.properties?.page, pageNumbers: i === 0 ? { start: 1 } : undefined };
  const mark = new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    children: [new Bookmark({ id: featureBookmark(i), children: [] })],
  });
  const own = inherit ? { ...first, headers: undefined, footers: undefined } : first;
  return [{ ...own, properties: { ...first.properties, type: SectionType.ODD_PAGE, page }, children: [mark, ...first.children] }, ...rest];
}

/** The book's front matter: the cover, then the contents (a `contentsEntry` per feature) and the parks left out. */
export function frontSections(list: readonly ContentsEntry[], front: YearbookFront, fonts: FontMap): ISectionOptions[] {
  return [cover(front, fonts), contents(list, front, fonts)];
}
