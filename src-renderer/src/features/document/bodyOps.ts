// Structural edits of a document body: sections, paragraphs and photos added, removed and moved.
// Photos are anchored to a section by index, so every section edit carries them along.
import type { BulletinLayout, DocumentBody, MagazineLayout, PhotoRef, Section, TextPlace } from '../../../../src-main/shared/document.ts';


function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x!);
  return out;
}

function paragraphsOf(body: DocumentBody, owner: number): string[] | undefined {
  return owner < 0 ? body.lead : body.sections[owner]?.paragraphs;
}

function withParagraphs(body: DocumentBody, owner: number, paragraphs: string[]): DocumentBody {
  if (owner < 0) return { ...body, lead: paragraphs };
  return { ...body, sections: body.sections.map((s, i) => (i === owner ? { ...s, paragraphs } : s)) };
}

/** Adds an empty paragraph after `after` (or at the end). */
export function addParagraph(body: DocumentBody, owner: number, after?: number): DocumentBody {
  const list = paragraphsOf(body, owner);
  if (!list) return body;
  const at = after === undefined ? list.length : after + 1;
  return withParagraphs(body, owner, [...list.slice(0, at), '', ...list.slice(at)]);
}

/**
 * A paragraph of its own holding `text` (a chart block) after the paragraph at `place`: replacing it
 * when it is empty, at the start of a section whose heading is the place, else at the end of the lead.
 * Returns the body and where the new paragraph is.
 */
export function insertBlockParagraph(body: DocumentBody, place: TextPlace, text: string): { body: DocumentBody; at: TextPlace } {
  const owner = place.field === 'paragraph' || place.field === 'heading' ? (place.section ?? -1) : -1;
  const list = paragraphsOf(body, owner) ?? body.lead;
  const here = place.field === 'paragraph' || place.field === 'lead' ? place.paragraph : undefined;
  const at: TextPlace = owner < 0 ? { field: 'lead', paragraph: 0 } : { field: 'paragraph', section: owner, paragraph: 0 };
  if (here !== undefined && here < list.length && !list[here]!.trim()) {
    return { body: withParagraphs(body, owner, list.map((p, i) => (i === here ? text : p))), at: { ...at, paragraph: here } };
  }
  const index = here !== undefined ? Math.min(here + 1, list.length) : place.field === 'heading' ? 0 : list.length;
  return { body: withParagraphs(body, owner, [...list.slice(0, index), text, ...list.slice(index)]), at: { ...at, paragraph: index } };
}

export function removeParagraph(body: DocumentBody, owner: number, index: number): DocumentBody {
  const list = paragraphsOf(body, owner);
  if (!list) return body;
  return withParagraphs(body, owner, list.filter((_, i) => i !== index));
}

export function moveParagraph(body: DocumentBody, owner: number, index: number, by: -1 | 1): DocumentBody {
  const list = paragraphsOf(body, owner);
  if (!list) return body;
  return withParagraphs(body, owner, move(list, index, index + by));
}

/** Adds a section (one empty paragraph) after `after`, at the level of the section it follows. */
export function addSection(body: DocumentBody, after?: number): DocumentBody {
  const at = after === undefined ? body.sections.length : after + 1;
  const level = body.sections[at - 1]?.level ?? 1;
  const section: Section = { heading: '', level, paragraphs: [''] };
  const photos = body.photos.map((p) => (p.afterSection >= at ? { ...p, afterSection: p.afterSection + 1 } : p));
  return { ...body, sections: [...body.sections.slice(0, at), section, ...body.sections.slice(at)], photos };
}

/** Removes a section; its photos move to the section before it (or after the lead). */
export function removeSection(body: DocumentBody, index: number): DocumentBody {
  if (!body.sections[index]) return body;
  const photos = body.photos.map((p) => (p.afterSection >= index ? { ...p, afterSection: p.afterSection - 1 } : p));
  return { ...body, sections: body.sections.filter((_, i) => i !== index), photos };
}

/** Swaps a section with its neighbour; photos stay with the section they follow. */
export function moveSection(body: DocumentBody, index: number, by: -1 | 1): DocumentBody {
  const other = index + by;
  if (!body.sections[index] || !body.sections[other]) return body;
  const photos = body.photos.map((p) =>
    p.afterSection === index ? { ...p, afterSection: other } : p.afterSection === other ? { ...p, afterSection: index } : p,
  );
  return { ...body, sections: move(body.sections, index, other), photos };
}

export function updateSection(body: DocumentBody, index: number, patch: Partial<Pick<Section, 'heading' | 'level'>>): DocumentBody {
  return { ...body, sections: body.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

export function addPhoto(body: DocumentBody, sha256: string, afterSection: number): DocumentBody {
  const ref: PhotoRef = { photo: sha256, caption: '', credit: '', afterSection: Math.min(afterSection, body.sections.length - 1) };
  return { ...body, photos: [...body.photos, ref] };
}

export function updatePhoto(body: DocumentBody, index: number, patch: Partial<Omit<PhotoRef, 'photo'>>): DocumentBody {
  return { ...body, photos: body.photos.map((p, i) => (i === index ? { ...p, ...patch } : p)) };
}

export function removePhoto(body: DocumentBody, index: number): DocumentBody {
  return { ...body, photos: body.photos.filter((_, i) => i !== index) };
}

export function updateMagazine(body: DocumentBody, patch: Partial<MagazineLayout>): DocumentBody {
  return { ...body, magazine: { ...body.magazine, ...patch } };
}

export function updateBulletin(body: DocumentBody, patch: Partial<BulletinLayout>): DocumentBody {
  return { ...body, bulletin: { ...body.bulletin, ...patch } };
}
