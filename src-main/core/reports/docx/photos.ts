// A photo as the magazine and the bulletin print it: the picture across the column, its caption
// below in a smaller face with the credit at the end ("…受到市民青睐。记者王俊星摄").
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import type { ResolvedDocument, ResolvedPhoto } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { runsOf, textRuns, type Look } from './runs.ts';
import { PICTURE_SPACING, creditOnItsOwnLine, creditSeparator, photoSize } from '../../../shared/print-layout/caption.ts';

export { PICTURE_SPACING, creditOnItsOwnLine, photoSize };

export interface PhotoLayout {
  /** The column's width, twips. */
  width: number;
  /** A tall photo is scaled down to this height, twips, so it never runs off the page. */
  maxHeight: number;
  captionStyle: string;
  caption: Look;
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
