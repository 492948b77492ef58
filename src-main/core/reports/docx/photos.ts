// A photo as the magazine and the bulletin print it: the picture across the column, its caption
// below in a smaller face with the credit at the end ("…受到市民青睐。记者王俊星摄").
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { ResolvedDocument, ResolvedPhoto } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { pxFromTwips } from './page.ts';
import { runsOf, textRuns, type Look } from './runs.ts';

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
    ...(credit ? runsOf(`${creditSeparator(captionText)}${credit}`, fonts, layout.caption) : []),
  ];
  return [
    // Auto line height: under exact spacing Word clips an inline picture to one line.
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60, line: 240, lineRule: 'auto' } }),
    new Paragraph({ style: layout.captionStyle, children: caption }),
  ];
}

/** The photos placed after section `section` (-1: after the lead). One placed after a section that no longer exists goes to the end rather than vanish. */
export function photosAt(doc: Pick<ResolvedDocument, 'photos' | 'sections'>, section: number): ResolvedPhoto[] {
  const last = doc.sections.length - 1;
  return doc.photos.filter((p) => Math.min(p.afterSection, last) === section);
}
