// A picture's caption as both layouts print it, and a picture's size in its column: the Word
// export (core/reports/docx/photos.ts) and the preview word and size them alike.
import type { ResolvedPhoto } from '../document.ts';
import { pxFromTwips } from './page.ts';
import { ems } from './title-lines.ts';

/** Twips above and below a picture's paragraph together (6 pt before, 3 pt after). */
export const PICTURE_SPACING = 180;

/** Width and height in pixels at 96 dpi, the photo's aspect ratio kept, within `width` × `maxHeight` twips. */
export function photoSize(photo: Pick<ResolvedPhoto, 'width' | 'height'>, box: { width: number; maxHeight: number }): { width: number; height: number } {
  // A photo whose size is unknown is drawn 4:3 rather than not at all.
  const ratio = photo.width > 0 && photo.height > 0 ? photo.height / photo.width : 3 / 4;
  const maxW = pxFromTwips(box.width);
  const maxH = pxFromTwips(box.maxHeight);
  const width = Math.min(maxW, Math.floor(maxH / ratio));
  return { width, height: Math.round(width * ratio) };
}

/** A credit follows the caption's own full stop; a caption without one is set off by a full-width space. */
export function creditSeparator(caption: string): string {
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

/** The caption's lines as printed: the caption, then the credit after it or on a line of its own. */
export function captionLines(caption: string, credit: string, charsPerLine: number): string[] {
  const text = caption.trimEnd();
  const c = credit.trim();
  if (!c) return [text];
  return creditOnItsOwnLine(text, c, charsPerLine) ? [text, c] : [`${text}${creditSeparator(text)}${c}`];
}

/** A layout on body lines: its body leading, and the caption style's own exact leading and space after, twips. */
export interface PictureLines {
  body: number;
  caption: number;
  captionAfter: number;
}

/**
 * Twips above and below a picture: 6 pt and 3 pt; PICTURE_SPACING is the two together. A layout on
 * body lines puts none above: LibreOffice drops a paragraph's space before at the top of a column,
 * and a photo heading a column would end 6 pt short of the lines beside it.
 */
export function pictureSpacing(lines: PictureLines | undefined): { before: number; after: number } {
  return lines ? { before: 0, after: 60 } : { before: 120, after: PICTURE_SPACING - 120 };
}

/** Lines a caption takes at `charsPerLine` characters of its size, the credit on a line of its own when it would be cut. */
export function captionLineCount(caption: string, credit: string, charsPerLine: number): number {
  const per = (text: string) => Math.max(1, Math.ceil(ems(text) / charsPerLine - 1e-9));
  if (credit === '') return per(caption);
  if (creditOnItsOwnLine(caption, credit, charsPerLine)) return per(caption) + per(credit);
  return per(`${caption}${creditSeparator(caption)}${credit}`);
}

/**
 * The caption's space after, twips: its own, plus what brings the block (a picture of
 * `pictureTwips` with its spacing, and `captionLines` lines of caption) to whole body lines.
 */
export function stretchedCaptionAfter(lines: PictureLines, pictureTwips: number, captionLines: number): number {
  const spacing = pictureSpacing(lines);
  const block = pictureTwips + spacing.before + spacing.after + captionLines * lines.caption + lines.captionAfter;
  return lines.captionAfter + ((lines.body - (block % lines.body)) % lines.body);
}

/** The body lines a picture block (picture, its spacing, the stretched caption) takes on a layout on body lines. */
export function pictureBlockLines(lines: PictureLines, pictureTwips: number, captionLines: number): number {
  const spacing = pictureSpacing(lines);
  return Math.round((pictureTwips + spacing.before + spacing.after + captionLines * lines.caption + stretchedCaptionAfter(lines, pictureTwips, captionLines)) / lines.body);
}
