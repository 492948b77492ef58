// Word exports: a magazine feature ("园区风采") or a work bulletin (工作简报) from resolved documents.
import { Document, Packer } from 'docx';
import './prep-for-xml.ts';
import type { ResolvedDocument } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import type { RenderContext } from './context.ts';
import { fontEntries } from './font-table.ts';
import { patchPackage } from './package.ts';
import { drawnCharts } from './charts.ts';
import { Pictures } from './pictures.ts';
import { template, type Template } from './template.ts';
import { bulletinIssueSections } from './bulletin.ts';
import { featuresOf, type Features, type YearbookFront } from './yearbook.ts';
import { yearbookPackage } from './yearbook-package.ts';
import { documentProperties } from './properties.ts';

export interface DocxOptions {
  template: 'magazine' | 'bulletin';
  fonts: FontMap;
  /** Bytes of a photo by sha256 (the store's photo table), asked once per photo and export. */
  photo: (sha256: string) => Buffer;
  /** Print each figure's source note (the store's 来源/备注): footnotes in the magazine, a list after the body in the bulletin. */
  sources?: boolean;
  /** The bulletin: the documents are the articles of one issue, under the first one's masthead and end block. */
  oneIssue?: boolean;
  /** Bind the documents as a yearbook: cover, contents, parks left out, features on right-hand pages. */
  yearbook?: YearbookFront;
}

export interface YearbookOptions extends Omit<DocxOptions, 'yearbook'> {
  front: YearbookFront;
  /** Features written so far, of all. */
  progress?: (done: number, total: number) => void;
}

const patchOf = (tpl: Template, fonts: FontMap) => ({ fonts: fontEntries(fonts), offGrid: tpl.offGrid, bodySize: tpl.bodySize, mirrorMargins: tpl.mirrorMargins });

/** A yearbook, its features asked for one at a time and written feature run by feature run (yearbook-package.ts). */
export function renderYearbook(features: Features, opts: YearbookOptions): Promise<Buffer> {
  if (features.length === 0) throw new Error('renderYearbook: no features to bind');
  const tpl = template(opts.template, [features.at(0)], opts.fonts);
  return yearbookPackage(features, tpl, { template: opts.template, front: opts.front, fonts: opts.fonts, patch: patchOf(tpl, opts.fonts), photo: opts.photo, progress: opts.progress });
}

/** One .docx; several documents follow each other, each starting on a new page. */
export async function renderDocx(docs: ResolvedDocument[], opts: DocxOptions): Promise<Buffer> {
  if (docs.length === 0) throw new Error('renderDocx: no documents to write');
  if (opts.yearbook) return renderYearbook(featuresOf(docs), { ...opts, front: opts.yearbook });
  const tpl = template(opts.template, docs, opts.fonts);
  const { styles, chartColumn, sections } = tpl;
  const pictures = new Pictures();
  const charts = await drawnCharts(docs, chartColumn, pictures);
  const ctx: RenderContext = { fonts: opts.fonts, photo: (sha) => pictures.photo(sha, opts.photo), chart: (c) => charts.get(c)!, sources: opts.sources === true, notesSoFar: { count: 0 } };
  const document = new Document({
    ...documentProperties(docs, opts.template, { oneIssue: opts.oneIssue === true }),
    styles,
    // Both templates print on facing pages: the folio sits on the outside edge.
    evenAndOddHeaderAndFooters: true,
    sections: opts.oneIssue && opts.template === 'bulletin' ? bulletinIssueSections(docs, ctx) : docs.flatMap((doc) => sections(doc, ctx)),
  });
  return patchPackage(await Packer.toBuffer(document), { ...patchOf(tpl, opts.fonts), pictures });
}
