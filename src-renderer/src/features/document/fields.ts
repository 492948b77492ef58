// A text field of a document, addressed the way the core names a problem's place (TextPlace), so
// that a problem in the list leads straight to its field. Captions use `section` for the photo.
import type { DocumentBody, ResolvedDocument, Run, TextPlace } from '../../../../src-main/shared/document.ts';

export type FieldAddr = TextPlace;

/** A stable DOM id for a field's textarea, so problems and the figure picker can focus it. */
export function fieldDomId(a: FieldAddr): string {
  return ['doc', a.field, a.section ?? '', a.paragraph ?? ''].join('-');
}

export function sameField(a: FieldAddr, b: FieldAddr): boolean {
  return a.field === b.field && (a.section ?? -1) === (b.section ?? -1) && (a.paragraph ?? -1) === (b.paragraph ?? -1);
}

export function getFieldText(body: DocumentBody, a: FieldAddr): string | undefined {
  switch (a.field) {
    case 'title':
    case 'subtitle':
    case 'byline':
      return body[a.field];
    case 'lead':
      return body.lead[a.paragraph ?? 0];
    case 'heading':
      return body.sections[a.section ?? 0]?.heading;
    case 'paragraph':
      return body.sections[a.section ?? 0]?.paragraphs[a.paragraph ?? 0];
    case 'caption':
      return body.photos[a.section ?? 0]?.caption;
  }
}

const replaceAt = <T>(list: readonly T[], i: number, f: (x: T) => T): T[] => list.map((x, j) => (j === i ? f(x) : x));

/** The body with one field's text replaced; an address that no longer exists leaves it as it was. */
export function setFieldText(body: DocumentBody, a: FieldAddr, text: string): DocumentBody {
  if (getFieldText(body, a) === undefined) return body;
  const s = a.section ?? 0;
  const p = a.paragraph ?? 0;
  switch (a.field) {
    case 'title':
    case 'subtitle':
    case 'byline':
      return { ...body, [a.field]: text };
    case 'lead':
      return { ...body, lead: replaceAt(body.lead, p, () => text) };
    case 'heading':
      return { ...body, sections: replaceAt(body.sections, s, (x) => ({ ...x, heading: text })) };
    case 'paragraph':
      return { ...body, sections: replaceAt(body.sections, s, (x) => ({ ...x, paragraphs: replaceAt(x.paragraphs, p, () => text) })) };
    case 'caption':
      return { ...body, photos: replaceAt(body.photos, s, (x) => ({ ...x, caption: text })) };
  }
}

/** The resolved runs of a field, or null where the field has none (the by-line is plain text). */
export function runsAt(doc: ResolvedDocument, a: FieldAddr): Run[] | null {
  const s = a.section ?? 0;
  const p = a.paragraph ?? 0;
  switch (a.field) {
    case 'title':
      return doc.title;
    case 'subtitle':
      return doc.subtitle;
    case 'byline':
      return null;
    case 'lead':
      return doc.lead[p] ?? null;
    case 'heading':
      return doc.sections[s]?.heading ?? null;
    case 'paragraph':
      return doc.sections[s]?.paragraphs[p] ?? null;
    case 'caption':
      return doc.photos[s]?.caption ?? null;
  }
}

/** Inserts text at [start, end) of a field; returns the new body and the caret after the insertion. */
export function insertIntoField(body: DocumentBody, a: FieldAddr, text: string, start?: number, end?: number): { body: DocumentBody; caret: number } | null {
  const old = getFieldText(body, a);
  if (old === undefined) return null;
  const s = Math.max(0, Math.min(start ?? old.length, old.length));
  const e = Math.max(s, Math.min(end ?? s, old.length));
  return { body: setFieldText(body, a, old.slice(0, s) + text + old.slice(e)), caret: s + text.length };
}
