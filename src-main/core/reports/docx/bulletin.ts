// A work bulletin (工作简报) after GB/T 9704-2012: masthead, title, lead, numbered headings and
// paragraphs on the 22 × 28 grid, distribution block at the end.
import { Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { endBlock, masthead } from './bulletin-blocks.ts';
import { BULLETIN_FRAME, bulletinFooters, bulletinGrid } from './bulletin-page.ts';
import { HEADING_STYLES, L, S, mastheadLook } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { headingNumberer } from '../../../shared/heading-number.ts';
import { pageProperties, textHeight, textWidth } from './page.ts';
import { paragraphOrChart } from './charts.ts';
import { photoParagraphs, photosAt, type PhotoLayout } from './photos.ts';
import { isBlank, runsOf, textRuns } from './runs.ts';
import { titleLines } from './title-lines.ts';

// A third of the page at most: a taller picture leaves half a page empty whenever it misses the page it follows.
const PHOTO: PhotoLayout = { width: textWidth(BULLETIN_FRAME), maxHeight: Math.floor(textHeight(BULLETIN_FRAME) / 3), captionStyle: S.caption, caption: L.caption };

export const bulletinMastheadLook = (doc: ResolvedDocument) => mastheadLook(doc.bulletin.name, textWidth(BULLETIN_FRAME));

function content(doc: ResolvedDocument, ctx: RenderContext): Paragraph[] {
  const { fonts } = ctx;
  const photosAfter = (section: number) => photosAt(doc, section).flatMap((p) => photoParagraphs(p, ctx.photo(p.sha256), fonts, PHOTO));
  const body = (runs: Parameters<typeof textRuns>[0]) => paragraphOrChart(runs, ctx, PHOTO, (r) => new Paragraph({ style: S.body, children: textRuns(r, fonts, L.body) }));

  // 2号 (22 pt) on the 442 pt type area: 20 characters a line.
  const titleEms = Math.floor(textWidth(BULLETIN_FRAME) / (L.title.size * 10));
  const title = titleLines(doc.title, titleEms).flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, fonts, L.title)]);
  const out: Paragraph[] = [new Paragraph({ style: S.title, children: title })];
  if (!isBlank(doc.subtitle)) out.push(new Paragraph({ style: S.subtitle, children: textRuns(doc.subtitle, fonts, L.subtitle) }));
  if (doc.byline.trim()) out.push(new Paragraph({ style: S.subtitle, children: runsOf(`（${doc.byline.trim()}）`, fonts, L.subtitle) }));
  out.push(...doc.lead.flatMap(body), ...photosAfter(-1));

  const number = headingNumberer();
  doc.sections.forEach((section, i) => {
    const level = Math.min(Math.max(section.level, 1), 4);
    const look = L.headings[level - 1]!;
    out.push(
      new Paragraph({ style: HEADING_STYLES[level - 1]!, children: [...runsOf(number(level), fonts, look), ...textRuns(section.heading, fonts, look)] }),
      ...section.paragraphs.flatMap(body),
      ...photosAfter(i),
    );
  });
  return out;
}

/** One section per bulletin; page numbers restart at 1. */
export function bulletinSections(doc: ResolvedDocument, ctx: RenderContext): ISectionOptions[] {
  return [
    {
      footers: bulletinFooters(ctx.fonts),
      properties: { page: pageProperties(BULLETIN_FRAME, 1), grid: bulletinGrid() },
      children: [...masthead(doc.bulletin, ctx.fonts, bulletinMastheadLook(doc)), ...content(doc, ctx), ...endBlock(doc.bulletin, ctx.fonts)],
    },
  ];
}
