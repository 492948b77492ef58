import { describe, expect, it } from 'vitest';
import { bulletinDefaults, magazineDefaults } from './document-defaults.ts';
import { documentBodySchema } from './document.ts';

const NOW = new Date('2023-08-15T00:00:00Z');
const DEFAULT_DOCUMENT_BODY = { title: '标题', subtitle: '', byline: '', lead: [], sections: [], photos: [], magazine: magazineDefaults(NOW), bulletin: bulletinDefaults('楚雄高新区', NOW) };
const photo = { photo: 'a'.repeat(64), caption: '楚雄高新区全景。', credit: '高新区管委会供图', afterSection: -1 };

describe('a photo\'s width in the document', () => {
  it('keeps a document written before the option valid: no span is one column', () => {
    expect(documentBodySchema.safeParse({ ...DEFAULT_DOCUMENT_BODY, photos: [photo] }).success).toBe(true);
  });

  it('takes one column or both, nothing else', () => {
    for (const span of ['column', 'full']) expect(documentBodySchema.safeParse({ ...DEFAULT_DOCUMENT_BODY, photos: [{ ...photo, span }] }).success).toBe(true);
    expect(documentBodySchema.safeParse({ ...DEFAULT_DOCUMENT_BODY, photos: [{ ...photo, span: 'page' }] }).success).toBe(false);
  });
});

describe('a photo\'s placement in the document', () => {
  it('takes in the text or at the top, nothing else; a document written before the option has none (in the text)', () => {
    for (const place of ['flow', 'top']) expect(documentBodySchema.safeParse({ ...DEFAULT_DOCUMENT_BODY, photos: [{ ...photo, place }] }).success).toBe(true);
    expect(documentBodySchema.safeParse({ ...DEFAULT_DOCUMENT_BODY, photos: [{ ...photo, place: 'bottom' }] }).success).toBe(false);
  });
});
