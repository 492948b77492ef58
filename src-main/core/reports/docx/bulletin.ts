// A work bulletin (工作简报) after GB/T 9704-2012: masthead, title, lead, numbered headings and
// paragraphs on the 22 × 28 grid, distribution block at the end.
import { Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { endBlock, masthead } from './bulletin-blocks.ts';
import { BULLETIN_FRAME, LINE_PITCH, bulletinFooters, bulletinGrid } from './bulletin-page.ts';
import { HEADING_STYLES, L, S, TITLE_LINE, mastheadLook } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { headingNumberer } from '../../../shared/heading-number.ts';
import { pageProperties, pxFromTwips, textHeight, textWidth } from './page.ts';
import { paragraphOrChart } from './charts.ts';
import { PICTURE_SPACING, photoParagraphs, photosAt, photoSize, type PhotoLayout } from './photos.ts';
import { isBlank, runsOf, textRuns } from './runs.ts';
import { fitPages, gridTwips, textLines, type FitItem } from './bulletin-fit.ts';
import { chartOf, runsText, type Run } from '../../../shared/document.ts';
import { titleLines } from './title-lines.ts';

// A third of the page at most: a taller picture leaves half a page empty whenever it misses the page it follows.
const PHOTO: PhotoLayout = { width: textWidth(BULLETIN_FRAME), maxHeight: Math.floor(textHeight(BULLETIN_FRAME) / 3), captionStyle: S.caption, caption: L.caption };

export const bulletinMastheadLook = (doc: ResolvedDocument) => mastheadLook(doc.bulletin.name, textWidth(BULLETIN_FRAME));

/** The masthead's lines: the name (off the grid, about 1.3 times its size, 6 pt after), 第X期, the issuer's line and the two blank lines under it. */
function mastheadFit(doc: ResolvedDocument): FitItem[] {
  const name = bulletinMastheadLook(doc).size * 10;
  return [...(doc.bulletin.internal ? [{ lines: 1 }] : []), { twips: Math.round(name * 1.3) + 120 }, { lines: 1 }, { twips: 3 * LINE_PITCH }];
}

/** The body's paragraphs, and what each takes of the grid (bulletin-fit.ts). */
function content(doc: ResolvedDocument, ctx: RenderContext): { paragraphs: Paragraph[]; fit: FitItem[] } {
  const { fonts } = ctx;
  const fit: FitItem[] = [];
  const photosAfter = (section: number) =>
    photosAt(doc, section).flatMap((p) => {
      fit.push({ twips: gridTwips(photoSize(p, PHOTO).height * 15 + PICTURE_SPACING), keepNext: true }, { twips: captionTwips(`${runsText(p.caption)}${p.credit}`) });
      return photoParagraphs(p, ctx.photo(p.sha256), fonts, PHOTO);
    });
  const body = (runs: readonly Run[]) => {
    const chart = chartOf(runs);
    if (chart) {
      const drawn = ctx.chart(chart).size;
      const width = Math.min(pxFromTwips(PHOTO.width), drawn.width);
      fit.push({ twips: gridTwips(Math.round((width * drawn.height) / drawn.width) * 15 + PICTURE_SPACING), keepNext: true }, { twips: captionTwips(chart.credit) });
    } else fit.push({ lines: textLines(runsText(runs)) });
    return paragraphOrChart(runs, ctx, PHOTO, (r) => new Paragraph({ style: S.body, children: textRuns(r, fonts, L.body) }));
  };

  // 2号 (22 pt) on the 442 pt type area: 20 characters a line.
  const titleEms = Math.floor(textWidth(BULLETIN_FRAME) / (L.title.size * 10));
  const lines = titleLines(doc.title, titleEms);
  const title = lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line, fonts, L.title)]);
  const out: Paragraph[] = [new Paragraph({ style: S.title, children: title })];
  fit.push({ twips: lines.length * TITLE_LINE + LINE_PITCH });
  if (!isBlank(doc.subtitle)) {
    out.push(new Paragraph({ style: S.subtitle, children: textRuns(doc.subtitle, fonts, L.subtitle) }));
    fit.push({ lines: textLines(runsText(doc.subtitle), 0) });
  }
  if (doc.byline.trim()) {
    out.push(new Paragraph({ style: S.subtitle, children: runsOf(`（${doc.byline.trim()}）`, fonts, L.subtitle) }));
    fit.push({ lines: textLines(`（${doc.byline.trim()}）`, 0) });
  }
  out.push(...doc.lead.flatMap(body), ...photosAfter(-1));

  const number = headingNumberer();
  doc.sections.forEach((section, i) => {
    const level = Math.min(Math.max(section.level, 1), 4);
    const look = L.headings[level - 1]!;
    const n = number(level);
    fit.push({ lines: textLines(`${n}${runsText(section.heading)}`), keepNext: true });
    out.push(new Paragraph({ style: HEADING_STYLES[level - 1]!, children: [...runsOf(n, fonts, look), ...textRuns(section.heading, fonts, look)] }), ...section.paragraphs.flatMap(body), ...photosAfter(i));
  });
  return { paragraphs: out, fit };
}

/** A caption of 4号 (14 pt) on the grid: 31 characters a line, half a line after it. */
const captionTwips = (text: string) => gridTwips(textLines(text, 0, Math.floor(textWidth(BULLETIN_FRAME) / (L.caption.size * 10))) * LINE_PITCH + Math.round(LINE_PITCH / 2));

/** One section per bulletin; page numbers restart at 1. */
export function bulletinSections(doc: ResolvedDocument, ctx: RenderContext): ISectionOptions[] {
  const head = masthead(doc.bulletin, ctx.fonts, bulletinMastheadLook(doc));
  const body = content(doc, ctx);
  return [
    {
      footers: bulletinFooters(ctx.fonts),
      properties: { page: pageProperties(BULLETIN_FRAME, 1), grid: bulletinGrid() },
      children: [...head, ...body.paragraphs, ...endBlock(doc.bulletin, ctx.fonts, fitPages([...mastheadFit(doc), ...body.fit]))],
    },
  ];
}
