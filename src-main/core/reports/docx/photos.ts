// A photo as the magazine and the bulletin print it: the picture across the column, its caption
// below in a smaller face with the credit at the end ("…受到市民青睐。记者王俊星摄").
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import type { ResolvedDocument, ResolvedPhoto } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { pxFromTwips } from './page.ts';
import { runsOf, textRuns, type Look } from './runs.ts';
import { ems } from './title-lines.ts';

/** Twips above and below a picture's paragraph together (6 pt before, 3 pt after). */
export const PICTURE_SPACING = 180;

export interface PhotoLayout {
  /** The column's width, twips. */
  width: number;
  /** A tall photo is scaled down to this height, twips, so it never runs off the page. */
  maxHeight: number;
  captionStyle: string;
  caption: Look;
}

/** Width and height in pixels, the photo's aspect ratio kept. */
export function photoSize(photo: Pick<ResolvedPhoto, 'width' | 'height'>, layout: Pick<PhotoLayout, 'width' | 'maxHeight'>): { width: number; height: number } {
  // A photo whose size is unknown is drawn 4:3 rather than not at all.
  const ratio = photo.width > 0 && photo.height > 0 ? photo.height / photo.width : 3 / 4;
  const maxW = pxFromTwips(layout.width);
  const maxH = pxFromTwips(layout.maxHeight);
  const width = Math.min(maxW, Math.floor(maxH / ratio));
  return { width, height: Math.round(width * ratio) };
}

/** A credit follows the caption's own full stop; a caption without one is set off by a full-width space. */
function creditSeparator(caption: string): string {
  return caption === '' || /[。！？；：”）」』…]$/u.test(caption) ? '' : '\u3000';
}

/**
 * Whether the credit must start a line of its own: when the caption runs on to a second line and
 * the credit would be cut by the line end (记者王俊星 / 摄). LibreOffice breaks between any two
 * Chinese characters whatever the document's line-breaking list says (Word and WPS follow the list,
 * print-rules.ts), so the break is decided here from the caption's width in characters.
 */
export function creditOnItsOwnLine(caption: string, credit: string, charsPerLine: number): boolean {
  const total = ems(caption) + ems(credit);
  if (credit === '' || total <= charsPerLine) return false;
  const lastLineStart = Math.floor((total - 1e-9) / charsPerLine) * charsPerLine;
  return total - ems(credit) < lastLineStart;
}

export function photoParagraphs(photo: ResolvedPhoto, bytes: Buffer, fonts: FontMap, layout: PhotoLayout): Paragraph[] {
  const image = new ImageRun({
    type: photo.mime === 'image/jpeg' ? 'jpg' : 'png',
    data: bytes,
    transformation: photoSize(photo, layout),
    altText: { name: photo.sha256.slice(0, 12), title: photo.credit, description: photo.caption.map((r) => r.text).join('') },
  });
  const captionText = photo.caption.map((r) => r.text).join('').trimEnd();
  const credit = photo.credit.trim();
  const caption = [
    ...textRuns(photo.caption, fonts, layout.caption),
    ...(credit
      ? creditOnItsOwnLine(captionText, credit, Math.floor(layout.width / (layout.caption.size * 10)))
        ? [new TextRun({ break: 1 }), ...runsOf(credit, fonts, layout.caption)]
        : runsOf(`${creditSeparator(captionText)}${credit}`, fonts, layout.caption)
      : []),
  ];
  return [
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: PICTURE_SPACING - 120, line: 240, lineRule: 'auto' } }),
    // Kept whole: a caption split over two columns or pages reads as two captions.
    new Paragraph({ style: layout.captionStyle, keepLines: true, children: caption }),
  ];
}

/** The photos placed after section `section` (-1: after the lead). One placed after a section that no longer exists goes to the end rather than vanish. */
export function photosAt(doc: Pick<ResolvedDocument, 'photos' | 'sections'>, section: number): ResolvedPhoto[] {
  const last = doc.sections.length - 1;
  return doc.photos.filter((p) => Math.min(p.afterSection, last) === section);
}
