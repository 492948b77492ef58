// A "园区风采" feature as the magazine lays it out: full-width title block, then lead and body in two
// columns, each section opening with its heading in bold on a line of its own. The heading is a Word
// heading (the navigation pane, a contents field and pandoc find it). The magazine runs its heads
// into the first paragraph; Word's way to do that in a heading, the style separator (the heading's
// paragraph mark hidden, w:specVanish), LibreOffice 7.4 ignores: the heading stood on its own line
// anyway and the paragraph after it lost its indent. So the heading takes its own line everywhere,
// on the body's 16 pt leading, and the two columns keep their baselines.
import { AlignmentType, ColumnBreak, LineRuleType, Paragraph, SectionType, TextRun, type ISectionOptions, type ParagraphChild } from 'docx';
import type { ResolvedDocument, Run } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { MAGAZINE_FRAME, magazineFurniture } from './magazine-page.ts';
import { pageProperties } from './page.ts';
import { paragraphOrChart } from './charts.ts';
import { photoParagraphs, type PhotoLayout } from './photos.ts';
import { MAGAZINE_PICTURE } from '../../../shared/print-layout/magazine-flow.ts';
import { placedFlow } from '../../../shared/print-layout/magazine-place.ts';
import { isBlank, runsOf, textRuns, type Look } from './runs.ts';
import { twoCharIndent, type StyleSpec } from './styles.ts';
import { SourceNotes } from '../../../shared/source-notes.ts';
import { runsWithFootnotes } from './sources.ts';
import type { RenderContext } from './context.ts';
import {
  BODY_LEADING,
  CAPTION_SPACING,
  COLUMN_GAP,
  COLUMN_WIDTH,
  FOOTNOTE_LEADING,
  MAGAZINE_LOOKS as M,
  PICTURE_MAX_HEIGHT,
  TITLE_SPACING,
  magazineByline,
  magazineTitleLines,
  magazineTitleSize,
  titleLeading,
} from '../../../shared/print-layout/magazine.ts';

export { COLUMN_WIDTH } from '../../../shared/print-layout/magazine.ts';

const S = { title: 'MagTitle', subtitle: 'MagSubtitle', byline: 'MagByline', body: 'MagBody', caption: 'MagCaption', footnote: 'MagFootnote' } as const;
/** A section of level n is a heading of level n + 1: the feature's title is the one of level 1. */
const HEADING_STYLES = ['MagHeading2', 'MagHeading3', 'MagHeading4', 'MagHeading5'] as const;

export const MAGAZINE_BODY: Look = M.body;
const TITLE: Look = M.title;
const SUBTITLE: Look = M.subtitle;
const BYLINE: Look = M.byline;
/** The section heads: the preview's run-in look, on a line of their own. */
const HEAD: Look = M.runIn;
const CAPTION: Look = M.caption;
const FOOTNOTE: Look = M.footnote;

/** 10.5 pt on a 16 pt leading. */
const BODY_SPACING = { line: BODY_LEADING, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export const MAGAZINE_STYLES: StyleSpec[] = [
  { id: S.title, name: 'Feature Title', look: TITLE, heading: 1, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: TITLE_SPACING.before, after: TITLE_SPACING.after, line: titleLeading(TITLE.size), lineRule: LineRuleType.EXACT }, keepNext: true } },
  { id: S.subtitle, name: 'Feature Subtitle', look: SUBTITLE, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: TITLE_SPACING.subtitleAfter, line: TITLE_SPACING.subtitleLine, lineRule: LineRuleType.EXACT }, keepNext: true } },
  { id: S.byline, name: 'Feature Byline', look: BYLINE, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: TITLE_SPACING.bylineAfter, line: TITLE_SPACING.bylineLine, lineRule: LineRuleType.EXACT }, keepNext: true } },
  {
    id: S.body,
    name: 'Feature Body',
    look: MAGAZINE_BODY,
    paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: BODY_SPACING, indent: twoCharIndent(MAGAZINE_BODY.size) },
  },
  ...HEADING_STYLES.map((id, i) => ({
    id,
    name: `Feature Heading ${i + 2}`,
    look: HEAD,
    heading: (i + 2) as 2 | 3 | 4 | 5,
    paragraph: { alignment: AlignmentType.LEFT, spacing: BODY_SPACING, indent: twoCharIndent(MAGAZINE_BODY.size), keepNext: true },
  })),
  // The footnote's number (Word's footnoteRef) takes the paragraph's size: at the body's it made the line taller.
  { id: S.footnote, name: 'Feature Footnote', look: FOOTNOTE, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: FOOTNOTE_LEADING, lineRule: LineRuleType.EXACT } } },
  { id: S.caption, name: 'Feature Caption', look: CAPTION, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { before: 0, after: CAPTION_SPACING.after, line: CAPTION_SPACING.line, lineRule: LineRuleType.EXACT } } },
];

// The caption's space after is stretched so a photo block takes whole body lines (photos.ts).
const PHOTO: PhotoLayout = {
  width: COLUMN_WIDTH,
  maxHeight: PICTURE_MAX_HEIGHT,
  captionStyle: S.caption,
  caption: CAPTION,
  lines: { body: BODY_LEADING, caption: CAPTION_SPACING.line, captionAfter: CAPTION_SPACING.after },
};
/** A photo across both columns: the type area's width, a third of its height at most. */
const FULL_PHOTO: PhotoLayout = { ...PHOTO, ...MAGAZINE_PICTURE.full };
/**
 * With footnotes, a photo across both columns in the text opens its one-column section with an empty
 * paragraph 1 pt high (exact), taken from the caption's space after. LibreOffice 7.4 does not lay a
 * page where the balanced columns above such a photo end on a line calling a footnote and the photo
 * goes to the next page: moving the whole section over, it aborts or loops (楚雄's 园区标准化厂房 通栏,
 * note 19 on the right column's last line). With the paragraph the section starts under the columns,
 * and only the picture goes over. Word sets the same: the paragraph stays under the columns and the
 * block keeps its height.
 */
const FULL_PHOTO_SPACER = 20;

/** A run of the body in two columns, or a photo across both in one. */
interface Segment {
  columns: 1 | 2;
  children: Paragraph[];
}

/** The largest size up to 24 pt at which the longest title line fits the width; never below 18 pt (it wraps instead). */
export const titleSize = magazineTitleSize;

function titleParagraph(title: readonly Run[], fonts: FontMap): Paragraph {
  const lines = magazineTitleLines(title);
  const look = { ...TITLE, size: magazineTitleSize(lines) };
  const children = lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, fonts, look)]);
  return new Paragraph({ style: S.title, children, spacing: { before: TITLE_SPACING.before, after: TITLE_SPACING.after, line: titleLeading(look.size), lineRule: LineRuleType.EXACT } });
}

function titleBlock(doc: ResolvedDocument, fonts: FontMap): Paragraph[] {
  const out = [titleParagraph(doc.title, fonts)];
  if (!isBlank(doc.subtitle)) out.push(new Paragraph({ style: S.subtitle, children: textRuns(doc.subtitle, fonts, SUBTITLE) }));
  if (doc.byline.trim()) out.push(new Paragraph({ style: S.byline, children: runsOf(magazineByline(doc.byline), fonts, BYLINE) }));
  return out;
}

/**
 * The body as segments: two columns, broken where a photo spans both. The continuous section break
 * before such a photo balances the columns above it, so the text reads down one column and on
 * into the other before the photo, then on in two columns below it. The parts and their order are
 * the shared flow's (magazine-flow.ts), which the preview lays on pages.
 */
function body(doc: ResolvedDocument, ctx: RenderContext): Segment[] {
  const { fonts } = ctx;
  const para = (runs: ParagraphChild[]) => new Paragraph({ style: S.body, children: runs });
  // Each feature lists its own sources once; Word numbers the footnotes on from the features before.
  const notesBefore = ctx.notesSoFar?.count ?? 0;
  const footnotes = ctx.sources ? { notes: new SourceNotes(notesBefore), look: FOOTNOTE, style: S.footnote } : undefined;
  const segments: Segment[] = [{ columns: 2, children: [] }];
  const add = (...ps: Paragraph[]) => segments.at(-1)!.children.push(...ps);
  const empty = () => segments.every((seg) => seg.children.length === 0);
  // Photos set at a column's or page's top are placed by the count, which needs the charts' drawn sizes (charts.ts).
  const flow = placedFlow(doc, (chart) => ctx.chart(chart).size, { sources: ctx.sources, notesBefore });
  for (const item of flow) {
    if (item.kind === 'photo') {
      const bytes = ctx.photo(item.photo.sha256);
      // At the body's start (under the title block, atop the first column) no break is needed.
      if (item.span === 'full') {
        const breakBefore = item.head && !empty() ? 'page' : undefined;
        const spacer = footnotes && !breakBefore && !empty() ? FULL_PHOTO_SPACER : 0;
        segments.push({ columns: 1, children: photoParagraphs(item.photo, bytes, fonts, FULL_PHOTO, { breakBefore, spacer }) }, { columns: 2, children: [] });
      } else add(...photoParagraphs(item.photo, bytes, fonts, PHOTO, { breakBefore: item.head && segments.at(-1)!.children.length > 0 ? 'column' : undefined }));
    } else if (item.kind === 'chart') add(...paragraphOrChart(item.runs, ctx, PHOTO, () => para([])));
    // A heading may open the right column of a balanced band (a 栏底 photo ending the left): its break too.
    else if (item.heading) add(new Paragraph({ style: HEADING_STYLES[item.heading - 1]!, children: [...(item.columnBreak ? [new ColumnBreak()] : []), ...textRuns(item.runs, fonts, HEAD)] }));
    else {
      const runs = runsWithFootnotes(item.runs, fonts, MAGAZINE_BODY, footnotes);
      const p = new Paragraph({
        style: S.body,
        // A column break as its first run: LibreOffice and Word break the column before the paragraph (photos.ts).
        children: item.columnBreak ? [new ColumnBreak(), ...runs] : runs,
        // A paragraph cut by a photo at a column's top: its first part ends on a full line, set
        // justified like the lines above it (distribute: a last line set full); the rest has no indent.
        ...(item.runsOn ? { alignment: AlignmentType.DISTRIBUTE } : {}),
        ...(item.cont ? { indent: { firstLine: 0, firstLineChars: 0 } } : {}),
      });
      add(p);
    }
  }
  // A section needs a paragraph to carry its properties; an empty one between two photos, or before
  // a photo set under the title block, is left out.
  const kept = segments.filter((seg) => seg.children.length > 0);
  if (kept.length === 0) kept.push({ columns: 2, children: [para([])] });
  if (footnotes && ctx.notesSoFar) ctx.notesSoFar.count = footnotes.notes.lastNumber;
  return kept;
}

/**
 * The sections of a feature: the full-width title block on a new page, the body in two columns
 * (continuous; a photo across both columns in a one-column section of its own between them),
 * and an empty one-column section whose continuous break makes Word and LibreOffice balance the
 * columns of the feature's last page instead of filling the left one first.
 */
export function magazineSections(doc: ResolvedDocument, ctx: RenderContext): ISectionOptions[] {
  const layout = doc.magazine;
  return [
    {
      // Only the feature's first section names its header and footer parts: a section without
      // references inherits the previous section's (ECMA-376 §17.10.5). Repeating them wrote four
      // parts per section — 1,200 in a 100-park yearbook, most of its packing time (bench/docx-export).
      ...magazineFurniture(layout, ctx.fonts),
      properties: { type: SectionType.NEXT_PAGE, page: pageProperties(MAGAZINE_FRAME, layout.firstPage), column: { count: 1 } },
      children: titleBlock(doc, ctx.fonts),
    },
    ...body(doc, ctx).map((seg) => ({
      properties: {
        type: SectionType.CONTINUOUS,
        page: pageProperties(MAGAZINE_FRAME),
        column: seg.columns === 2 ? { count: 2, space: COLUMN_GAP, equalWidth: true, separate: false } : { count: 1 },
      },
      children: seg.children,
    })),
    {
      properties: { type: SectionType.CONTINUOUS, page: pageProperties(MAGAZINE_FRAME), column: { count: 1 } },
      children: [new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] })],
    },
  ];
}
