// A photo as the magazine and the bulletin print it: the picture across the column, its caption
// below in a smaller face with the credit at the end ("…受到市民青睐。记者王俊星摄").
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import type { ResolvedDocument, ResolvedPhoto } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { runsOf, textRuns, type Look } from './runs.ts';
import { PICTURE_SPACING, creditOnItsOwnLine, creditSeparator, photoSize } from '../../../shared/print-layout/caption.ts';
import { ems } from '../../../shared/print-layout/title-lines.ts';

export { PICTURE_SPACING, creditOnItsOwnLine, photoSize };

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
  lines?: { body: number; caption: number; captionAfter: number };
}

/**
 * Twips above and below a picture: 6 pt and 3 pt; PICTURE_SPACING is the two together. A layout on
 * body lines puts none above: LibreOffice drops a paragraph's space before at the top of a column,
 * and a photo heading a column would end 6 pt short of the lines beside it.
 */
export function pictureSpacing(layout: Pick<PhotoLayout, 'lines'>): { before: number; after: number } {
  return layout.lines ? { before: 0, after: 60 } : { before: 120, after: PICTURE_SPACING - 120 };
}

/** Lines the caption takes: at `charsPerLine` characters of its size, the credit on a line of its own when it would be cut. */
export function captionLines(caption: string, credit: string, charsPerLine: number): number {
  const per = (text: string) => Math.max(1, Math.ceil(ems(text) / charsPerLine - 1e-9));
  if (credit === '') return per(caption);
  if (creditOnItsOwnLine(caption, credit, charsPerLine)) return per(caption) + per(credit);
  return per(`${caption}${creditSeparator(caption)}${credit}`);
}

/**
 * The caption's space after, twips: its own, plus what brings the block (a picture of `pictureTwips`
 * with its spacing, and the caption) to a whole number of body lines.
 */
export function captionAfter(layout: PhotoLayout, pictureTwips: number, lines: number): number | undefined {
  if (!layout.lines) return undefined;
  const { body, caption, captionAfter: after } = layout.lines;
  const spacing = pictureSpacing(layout);
  const block = pictureTwips + spacing.before + spacing.after + lines * caption + after;
  return after + ((body - (block % body)) % body);
}

export function photoParagraphs(photo: ResolvedPhoto, bytes: Buffer, fonts: FontMap, layout: PhotoLayout): Paragraph[] {
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
  const after = captionAfter(layout, size.height * 15, captionLines(captionText, credit, charsPerLine));
  const caption = [
    ...textRuns(photo.caption, fonts, layout.caption),
    ...(credit
      ? creditOnItsOwnLine(captionText, credit, charsPerLine)
        ? [new TextRun({ break: 1 }), ...runsOf(credit, fonts, layout.caption)]
        : runsOf(`${creditSeparator(captionText)}${credit}`, fonts, layout.caption)
      : []),
  ];
  return [
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...pictureSpacing(layout), line: 240, lineRule: 'auto' } }),
    // Kept whole: a caption split over two columns or pages reads as two captions.
    new Paragraph({ style: layout.captionStyle, keepLines: true, children: caption, ...(after === undefined ? {} : { spacing: { after } }) }),
  ];
}

/** The photos placed after section `section` (-1: after the lead). One placed after a section that no longer exists goes to the end rather than vanish. */
export function photosAt(doc: Pick<ResolvedDocument, 'photos' | 'sections'>, section: number): ResolvedPhoto[] {
  const last = doc.sections.length - 1;
  return doc.photos.filter((p) => Math.min(p.afterSection, last) === section);
}
