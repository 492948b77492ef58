// Word exports: a magazine feature ("园区风采") or a work bulletin (工作简报) from resolved documents.
import { Document, Packer, type ISectionOptions, type IStylesOptions } from 'docx';
import type { ResolvedChart, ResolvedDocument } from '../../../shared/document.ts';
import type { FontMap } from '../../../shared/settings.ts';
import { bulletinMastheadLook, bulletinSections } from './bulletin.ts';
import { L as BULLETIN, OFF_GRID, bulletinStyles } from './bulletin-styles.ts';
import type { RenderContext } from './context.ts';
import { fontEntries } from './font-table.ts';
import { COLUMN_WIDTH, MAGAZINE_BODY, MAGAZINE_STYLES, magazineSections } from './magazine.ts';
import { patchPackage } from './package.ts';
import { BULLETIN_FRAME } from './bulletin-page.ts';
import { chartsOf } from './charts.ts';
import { documentChartWidth } from '../../../shared/chart/describe.ts';
import type { DrawnChart } from '../charts/draw.ts';
import { pxFromTwips, textWidth } from './page.ts';
import { contentKey, Pictures } from './pictures.ts';
import { stylesOf } from './styles.ts';
import { yearbookSections, type YearbookFront } from './yearbook.ts';
import { documentProperties } from './properties.ts';

export interface DocxOptions {
  template: 'magazine' | 'bulletin';
  fonts: FontMap;
  /** Bytes of a photo by sha256 (the store's photo table), asked once per photo and export. */
  photo: (sha256: string) => Buffer;
  /** Bind the documents as a yearbook: cover, contents, parks left out, features on right-hand pages. */
  yearbook?: YearbookFront;
}

interface Template {
  styles: IStylesOptions;
  /** Twips: the width a chart spans (a magazine column, the bulletin's type area). */
  chartColumn: number;
  offGrid: readonly string[];
  /** The body's size, half-points (see print-rules.ts normalSize). */
  bodySize: number;
  /** Facing pages: the magazine's inside margin alternates sides. */
  mirrorMargins: boolean;
  sections: (doc: ResolvedDocument, ctx: RenderContext) => ISectionOptions[];
}

function template(docs: readonly ResolvedDocument[], opts: DocxOptions): Template {
  if (opts.template === 'magazine')
    return { styles: stylesOf(opts.fonts, MAGAZINE_BODY, MAGAZINE_STYLES), chartColumn: COLUMN_WIDTH, offGrid: [], bodySize: MAGAZINE_BODY.size, mirrorMargins: true, sections: magazineSections };
  return {
    styles: stylesOf(opts.fonts, BULLETIN.body, bulletinStyles(bulletinMastheadLook(docs[0]!))),
    chartColumn: textWidth(BULLETIN_FRAME),
    offGrid: OFF_GRID,
    bodySize: BULLETIN.body.size,
    mirrorMargins: false,
    sections: bulletinSections,
  };
}

/** One .docx; several documents (a yearbook: one magazine feature per park) follow each other, each starting on a new page. */
export async function renderDocx(docs: ResolvedDocument[], opts: DocxOptions): Promise<Buffer> {
  if (docs.length === 0) throw new Error('renderDocx: no documents to write');
  const { styles, chartColumn, offGrid, bodySize, mirrorMargins, sections } = template(docs, opts);
  // ECharts, fontkit and resvg load with the first document that has a chart, not with every export.
  const blocks = chartsOf(docs);
  const pictures = new Pictures();
  const charts = new Map<ResolvedChart, DrawnChart>();
  if (blocks.length) {
    // The PNGs render on the thread pool while the document is built and packed around their stand-ins.
    for (const [block, c] of (await import('../charts/draw.ts')).startCharts(blocks, documentChartWidth(pxFromTwips(chartColumn)))) {
      const key = contentKey(c.svg);
      charts.set(block, { ...c, svg: pictures.bytes(c.svg, `${key}.svg`), png: pictures.bytes(c.png, `${key}.png`) });
    }
  }
  const ctx: RenderContext = { fonts: opts.fonts, photo: (sha) => pictures.photo(sha, opts.photo), chart: (c) => charts.get(c)! };
  const document = new Document({
    ...documentProperties(docs, opts.template),
    ...(opts.yearbook ? { title: opts.yearbook.title } : {}),
    styles,
    // Both templates print on facing pages: the folio sits on the outside edge.
    evenAndOddHeaderAndFooters: true,
    sections: opts.yearbook ? yearbookSections(docs, opts.yearbook, ctx, sections) : docs.flatMap((doc) => sections(doc, ctx)),
    // The yearbook's contents are a field: Word offers to update it on opening.
    ...(opts.yearbook ? { features: { updateFields: true } } : {}),
  });
  return patchPackage(await Packer.toBuffer(document), { fonts: fontEntries(opts.fonts), offGrid, bodySize, mirrorMargins, pictures });
}
