// A work bulletin (工作简报) after GB/T 9704-2012: masthead, title, lead, numbered headings and
// paragraphs on the 22 × 28 grid, distribution block at the end. The page, the type and the flow's
// count on the grid are the shared description (shared/print-layout/), which the preview draws.
import { AlignmentType, Paragraph, SectionType, TextRun, type ISectionOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { endBlock, masthead } from './bulletin-blocks.ts';
import { BULLETIN_FRAME, blankPageFooters, bulletinFooters, bulletinGrid } from './bulletin-page.ts';
import { HEADING_STYLES, L, S, mastheadLook } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { pageProperties } from './page.ts';
import { paragraphOrChart } from './charts.ts';
import { photoParagraphs, type PhotoLayout } from './photos.ts';
import { runsOf, textRuns } from './runs.ts';
import { type Run } from '../../../shared/document.ts';
import { BULLETIN_PICTURE, bulletinIssueFlow, bulletinPages } from '../../../shared/print-layout/bulletin-flow.ts';
import type { BulletinItem } from '../../../shared/print-layout/bulletin-flow.ts';

const PHOTO: PhotoLayout = { ...BULLETIN_PICTURE, captionStyle: S.caption, caption: L.caption };

export const bulletinMastheadLook = (doc: ResolvedDocument) => mastheadLook(doc.bulletin.name);

/** The body's paragraphs, in the order of the shared flow (shared/print-layout/bulletin-flow.ts). */
function content(flow: readonly BulletinItem[], ctx: RenderContext): Paragraph[] {
  const { fonts } = ctx;
  const body = (runs: readonly Run[]) => paragraphOrChart(runs, ctx, PHOTO, (r) => new Paragraph({ style: S.body, children: textRuns(r, fonts, L.body) }));
  const out: Paragraph[] = [];
  // A picture's caption is written with its picture (photos.ts, charts.ts).
  for (const item of flow) {
    if (item.kind === 'note') out.push(new Paragraph({ style: S.note, children: [...(item.label ? runsOf(item.label, fonts, L.noteLabel) : []), ...runsOf(item.body, fonts, L.note)] }));
    else if (item.kind === 'space') out.push(new Paragraph({ style: S.body, children: [] }));
    else if (item.kind === 'title') out.push(new Paragraph({ style: S.title, children: item.lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, fonts, L.title)]) }));
    else if (item.kind === 'subtitle') out.push(new Paragraph({ style: S.subtitle, children: textRuns(item.runs, fonts, L.subtitle) }));
    else if (item.kind === 'byline') out.push(new Paragraph({ style: S.subtitle, children: runsOf(item.text, fonts, L.subtitle) }));
    else if (item.kind === 'text' && (item.fit.keepNext || item.flushLeft))
      out.push(new Paragraph({ style: S.body, keepNext: item.fit.keepNext, ...(item.flushLeft ? { alignment: AlignmentType.LEFT } : {}), children: textRuns(item.runs, fonts, L.body) }));
    else if (item.kind === 'text') out.push(...body(item.runs));
    else if (item.kind === 'chart') out.push(...body(item.runs));
    else if (item.kind === 'photo') out.push(...photoParagraphs(item.photo, ctx.photo(item.photo.sha256), fonts, PHOTO));
    else if (item.kind === 'heading') {
      const look = L.headings[item.level - 1]!;
      out.push(new Paragraph({ style: HEADING_STYLES[item.level - 1]!, children: [...runsOf(item.number, fonts, look), ...textRuns(item.runs, fonts, look)] }));
    }
  }
  return out;
}

/**
 * One section per bulletin, page numbers from 1; a second one when a blank page stands before the
 * end block, so that page carries no number (GB/T 9704): it is the section's first page, with an
 * empty first-page footer, and the numbers run on.
 */
export function bulletinSections(doc: ResolvedDocument, ctx: RenderContext): ISectionOptions[] {
  return bulletinIssueSections([doc], ctx);
}

/** One issue whose articles are the documents, under the first one's masthead, 编者按 and end block (bulletin-flow.ts). */
export function bulletinIssueSections(docs: readonly ResolvedDocument[], ctx: RenderContext): ISectionOptions[] {
  const doc = docs[0]!;
  const head = masthead(doc.bulletin, ctx.fonts, bulletinMastheadLook(doc));
  const flow = bulletinIssueFlow(docs, (c) => ctx.chart(c).size, { sources: ctx.sources });
  const end = endBlock(doc.bulletin, ctx.fonts, bulletinPages(flow));
  const body = { footers: bulletinFooters(ctx.fonts), properties: { page: pageProperties(BULLETIN_FRAME, 1), grid: bulletinGrid() } };
  if (!end.blankPage) return [{ ...body, children: [...head, ...content(flow, ctx), ...end.children] }];
  return [
    { ...body, children: [...head, ...content(flow, ctx)] },
    {
      footers: blankPageFooters(ctx.fonts),
      properties: { type: SectionType.NEXT_PAGE, titlePage: true, page: pageProperties(BULLETIN_FRAME), grid: bulletinGrid() },
      children: end.children,
    },
  ];
}
