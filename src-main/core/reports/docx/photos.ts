// A photo as the magazine and the bulletin print it: the picture across the column, its caption
// below in a smaller face with the credit at the end ("…受到市民青睐。记者王俊星摄").
import { AlignmentType, ColumnBreak, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import type { ResolvedPhoto } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { runsOf, textRuns, type Look } from './runs.ts';
import { captionLineCount, creditOnItsOwnLine, creditSeparator, photoSize, pictureSpacing, stretchedCaptionAfter, type PictureLines } from '../../../shared/print-layout/caption.ts';

export interface PhotoLayout {
  /** The column's width, twips. */
  width: number;
  /** A tall photo is scaled down to this height, twips, so it never runs off the page. */
  maxHeight: number;
  captionStyle: string;
  caption: Look;
  /**
   * The body's leading, twips, with the caption style's own exact leading and space after: the
   * caption's space after is stretched so a photo or chart block (picture, caption) takes whole body
   * lines and the text below it stays on the baselines of the column beside it. Without it the
   * magazine's text under a photo sat 2–6 pt off the other column's lines (rendered).
   */
  lines?: PictureLines;
}

/**
 * The caption's space after, twips: its own, plus what brings the block (a picture of `pictureTwips`
 * with its spacing, and the caption) to a whole number of body lines.
 */
export function captionAfter(layout: PhotoLayout, pictureTwips: number, lines: number): number | undefined {
  return layout.lines ? stretchedCaptionAfter(layout.lines, pictureTwips, lines) : undefined;
}

/**
 * A photo set at the top of the next column or page (magazine-place.ts counts where). The page: the
 * picture's paragraph breaks the page before it (pageBreakBefore, a paragraph property Word and
 * LibreOffice both keep, taking no line). The column: OOXML has no column break before a paragraph,
 * so a column break is the paragraph's first run; LibreOffice reads a break at a paragraph's start
 * as a break before it (no empty line; the renders show the picture at the column's top) and Word
 * breaks the column there. The break is what holds the photo at the top on a balanced page, where
 * LibreOffice would otherwise fill the column above with it.
 */
export type BreakBefore = 'column' | 'page';

/**
 * An empty paragraph `spacer` twips high (exact) before the picture, its height taken from the
 * caption's space after so the block keeps its whole lines. magazine.ts writes one before a photo
 * across both columns in the text when the feature has footnotes: see there why.
 */
export interface PhotoOptions {
  breakBefore?: BreakBefore;
  spacer?: number;
}

export function photoParagraphs(photo: ResolvedPhoto, bytes: Buffer, fonts: FontMap, layout: PhotoLayout, { breakBefore, spacer = 0 }: PhotoOptions = {}): Paragraph[] {
  const size = photoSize(photo, layout);
  const image = new ImageRun({
    type: photo.mime === 'image/jpeg' ? 'jpg' : 'png',
    data: bytes,
    transformation: size,
    altText: { name: photo.sha256.slice(0, 12), title: photo.credit, description: photo.caption.map((r) => r.text).join('') },
  });
  const captionText = photo.caption.map((r) => r.text).join('').trimEnd();
  const credit = photo.credit.trim();
  const charsPerLine = Math.floor(layout.width / (layout.caption.size * 10));
  const stretched = captionAfter(layout, size.height * 15, captionLineCount(captionText, credit, charsPerLine));
  const after = stretched === undefined ? undefined : stretched - spacer;
  const caption = [
    ...textRuns(photo.caption, fonts, layout.caption),
    ...(credit
      ? creditOnItsOwnLine(captionText, credit, charsPerLine)
        ? [new TextRun({ break: 1 }), ...runsOf(credit, fonts, layout.caption)]
        : runsOf(`${creditSeparator(captionText)}${credit}`, fonts, layout.caption)
      : []),
  ];
  return [
    ...(spacer > 0 ? [new Paragraph({ spacing: { before: 0, after: 0, line: spacer, lineRule: LineRuleType.EXACT }, children: [] })] : []),
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({
      children: breakBefore === 'column' ? [new ColumnBreak(), image] : [image],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      ...(breakBefore === 'page' ? { pageBreakBefore: true } : {}),
      spacing: { ...pictureSpacing(layout.lines), line: 240, lineRule: 'auto' },
    }),
    // Kept whole: a caption split over two columns or pages reads as two captions.
    new Paragraph({ style: layout.captionStyle, keepLines: true, children: caption, ...(after === undefined ? {} : { spacing: { after } }) }),
  ];
}
