// A work bulletin (工作简报) after GB/T 9704-2012: masthead, title, lead, numbered headings and
// paragraphs on the 22 × 28 grid, distribution block at the end. The page, the type and the flow's
// count on the grid are the shared description (shared/print-layout/), which the preview draws.
import { Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { endBlock, masthead } from './bulletin-blocks.ts';
import { BULLETIN_FRAME, bulletinFooters, bulletinGrid } from './bulletin-page.ts';
import { HEADING_STYLES, L, S, mastheadLook } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { pageProperties } from './page.ts';
import { paragraphOrChart } from './charts.ts';
import { photoParagraphs, type PhotoLayout } from './photos.ts';
import { runsOf, textRuns } from './runs.ts';
import { type Run } from '../../../shared/document.ts';
import { BULLETIN_PICTURE, bulletinFlow, bulletinPages } from '../../../shared/print-layout/bulletin-flow.ts';

const PHOTO: PhotoLayout = { ...BULLETIN_PICTURE, captionStyle: S.caption, caption: L.caption };

export const bulletinMastheadLook = (doc: ResolvedDocument) => mastheadLook(doc.bulletin.name);

/** The body's paragraphs, in the order of the shared flow (shared/print-layout/bulletin-flow.ts). */
function content(doc: ResolvedDocument, ctx: RenderContext): Paragraph[] {
  const { fonts } = ctx;
  const body = (runs: readonly Run[]) => paragraphOrChart(runs, ctx, PHOTO, (r) => new Paragraph({ style: S.body, children: textRuns(r, fonts, L.body) }));
  const out: Paragraph[] = [];
  // A picture's caption is written with its picture (photos.ts, charts.ts).
  for (const item of bulletinFlow(doc, (c) => ctx.chart(c).size)) {
    if (item.kind === 'title') out.push(new Paragraph({ style: S.title, children: item.lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, fonts, L.title)]) }));
    else if (item.kind === 'subtitle') out.push(new Paragraph({ style: S.subtitle, children: textRuns(item.runs, fonts, L.subtitle) }));
    else if (item.kind === 'byline') out.push(new Paragraph({ style: S.subtitle, children: runsOf(item.text, fonts, L.subtitle) }));
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

/** One section per bulletin; page numbers restart at 1. */
export function bulletinSections(doc: ResolvedDocument, ctx: RenderContext): ISectionOptions[] {
  const head = masthead(doc.bulletin, ctx.fonts, bulletinMastheadLook(doc));
  return [
    {
      footers: bulletinFooters(ctx.fonts),
      properties: { page: pageProperties(BULLETIN_FRAME, 1), grid: bulletinGrid() },
      children: [...head, ...content(doc, ctx), ...endBlock(doc.bulletin, ctx.fonts, bulletinPages(bulletinFlow(doc, (c) => ctx.chart(c).size)))],
    },
  ];
}
