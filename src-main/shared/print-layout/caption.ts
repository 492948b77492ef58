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
