// Word exports: a magazine feature ("园区风采") or a work bulletin (工作简报) from resolved documents.
import { Document, Packer, type ISectionOptions, type IStylesOptions } from 'docx';
import type { ResolvedDocument } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { bulletinMastheadLook, bulletinSections } from './bulletin.ts';
import { L as BULLETIN, OFF_GRID, bulletinStyles } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { fontEntries } from './font-table.ts';
import { MAGAZINE_BODY, MAGAZINE_STYLES, magazineSections } from './magazine.ts';
import { patchPackage } from './package.ts';
import { stylesOf } from './styles.ts';

export interface DocxOptions {
  template: 'magazine' | 'bulletin';
  fonts: FontMap;
  /** Bytes of a photo by sha256 (the store's photo table). */
  photo: (sha256: string) => Buffer;
}

interface Template {
  styles: IStylesOptions;
  offGrid: readonly string[];
  sections: (doc: ResolvedDocument, ctx: RenderContext) => ISectionOptions[];
}

function template(docs: readonly ResolvedDocument[], opts: DocxOptions): Template {
  if (opts.template === 'magazine') return { styles: stylesOf(opts.fonts, MAGAZINE_BODY, MAGAZINE_STYLES), offGrid: [], sections: magazineSections };
  return { styles: stylesOf(opts.fonts, BULLETIN.body, bulletinStyles(bulletinMastheadLook(docs[0]!))), offGrid: OFF_GRID, sections: bulletinSections };
}

/** One .docx; several documents (a yearbook: one magazine feature per park) follow each other, each starting on a new page. */
export async function renderDocx(docs: ResolvedDocument[], opts: DocxOptions): Promise<Buffer> {
  if (docs.length === 0) throw new Error('renderDocx: no documents to write');
  const ctx: RenderContext = { fonts: opts.fonts, photo: opts.photo };
  const { styles, offGrid, sections } = template(docs, opts);
  const document = new Document({
    title: docs.length === 1 ? docs[0]!.title.map((r) => r.text).join('') : undefined,
    creator: 'ParkBrief',
    styles,
    // Both templates print on facing pages: the folio sits on the outside edge.
    evenAndOddHeaderAndFooters: true,
    sections: docs.flatMap((doc) => sections(doc, ctx)),
  });
  return patchPackage(await Packer.toBuffer(document), { fonts: fontEntries(opts.fonts), offGrid });
}
