// The yearbook's package, written a few features at a time so that its memory does not grow with
// the parks it binds: docx builds the front matter (cover, contents, the parks left out) as one small
// Document and each run of features as another; each is compiled to XML (compile.ts), its body
// deflated into word/document.xml as it comes (zip-writer.ts), its headers, footers and pictures
// written under names unique in the book (splice.ts), and the Document let go before the next.
// Features go in runs rather than one by one because every Document compiles a set of styles,
// numbering and theme parts the book does not use: about as long as a feature itself.
import { Document } from 'docx';
import type { FontMap } from '../../../shared/settings.ts';
import { drawnCharts } from './charts.ts';
import { compileParts, partText } from './compile.ts';
import type { RenderContext } from './context.ts';
import { PATCHED_PARTS, patchedPart, type PackagePatch } from './package.ts';
import { Pictures } from './pictures.ts';
import { documentProperties } from './properties.ts';
import {
  bodyOf,
  closeSection,
  REL_FOOTER,
  REL_HEADER,
  REL_IMAGE,
  relationships,
  relationshipsXml,
  renameRelationshipIds,
  withOverrides,
  type Relationship,
} from './splice.ts';
import type { Template } from './template.ts';
import { bindFeature, contentsEntry, eachFeature, frontSections, type ContentsEntry, type Features, type YearbookFront } from './yearbook.ts';
import { DeflatedPart, ZipWriter } from './zip-writer.ts';

/** Features compiled together: few enough to keep memory flat, enough that a Document's fixed parts cost little. */
export const FEATURES_PER_RUN = 8;

export interface YearbookPackageOptions {
  template: 'magazine' | 'bulletin';
  front: YearbookFront;
  fonts: FontMap;
  patch: Omit<PackagePatch, 'pictures'>;
  /** Bytes of a photo by sha256, asked once per photo and book. */
  photo: (sha256: string) => Buffer;
  /** Features written so far, of all. */
  progress?: (done: number, total: number) => void;
}

const CONTENT_TYPE = {
  [REL_HEADER]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  [REL_FOOTER]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
} as const;

/** What is written of the book so far, and the names given. */
class Book {
  readonly zip = new ZipWriter();
  readonly body = new DeflatedPart();
  readonly rels: Relationship[] = [];
  readonly overrides: { path: string; contentType: string }[] = [];
  private parts = 0;
  private runs = 0;

  /**
   * A compiled run's body, with its relationships renamed into the book's: its headers and footers
   * as new parts, its pictures under their content's key, each written once.
   */
  async splice(parts: Map<string, string | Uint8Array>, pictures: Pictures, last: boolean): Promise<void> {
    const run = ++this.runs;
    const rename = new Map<string, string>();
    for (const rel of relationships(partText(parts, 'word/_rels/document.xml.rels'))) {
      if (rel.type !== REL_HEADER && rel.type !== REL_FOOTER && rel.type !== REL_IMAGE) continue;
      const id = `r${run}${rel.id}`;
      rename.set(rel.id, id);
      if (rel.type === REL_IMAGE) this.rels.push({ id, type: rel.type, target: await this.picture(parts, rel.target, pictures) });
      else this.rels.push({ id, type: rel.type, target: this.furniture(parts, rel) });
    }
    const { content, lastSection } = bodyOf(partText(parts, 'word/document.xml'));
    const renamed = renameRelationshipIds(content, rename);
    await this.body.write(last ? renamed + renameRelationshipIds(lastSection, rename) : closeSection(renamed, renameRelationshipIds(lastSection, rename)));
  }

  /** A header or footer part under the book's next number; the templates' have no relationships of their own. */
  private furniture(parts: Map<string, string | Uint8Array>, rel: Relationship): string {
    const kind = rel.type === REL_HEADER ? 'header' : 'footer';
    const own = parts.get(`word/_rels/${rel.target}.rels`);
    if (typeof own === 'string' && relationships(own).length > 0) throw new Error(`word/${rel.target} has relationships of its own, which the yearbook does not splice`);
    const name = `${kind}${++this.parts}.xml`;
    this.zip.add(`word/${name}`, partText(parts, `word/${rel.target}`));
    this.overrides.push({ path: `word/${name}`, contentType: CONTENT_TYPE[rel.type as keyof typeof CONTENT_TYPE] });
    return name;
  }

  /** A picture under its key: a photo read from the store and a chart written the first time the book shows it. */
  private async picture(parts: Map<string, string | Uint8Array>, target: string, pictures: Pictures): Promise<string> {
    const standIn = parts.get(`word/${target}`);
    const ext = target.slice(target.lastIndexOf('.') + 1);
    if (!(standIn instanceof Uint8Array)) throw new Error(`the compiled .docx has no word/${target}`);
    const key = pictures.keyOf(standIn);
    if (key === null) throw new Error(`word/${target} is not a picture the yearbook gave docx`);
    const name = `media/${key.slice(0, 40)}.${ext}`;
    if (!this.zip.has(`word/${name}`)) {
      // PNG and JPEG are compressed already; SVG is text.
      this.zip.add(`word/${name}`, (await pictures.resolve(standIn))!, { store: ext !== 'svg' });
    }
    return name;
  }
}

/**
 * The body's opening and the front matter, taken out of the parts: the contents of 400 parks are a
 * 1.7 MB string, not to be kept to the end with the parts that are.
 */
function frontBody(frontParts: Map<string, string | Uint8Array>): string {
  const front = bodyOf(partText(frontParts, 'word/document.xml'));
  frontParts.delete('word/document.xml');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${front.root}<w:body>${closeSection(front.content, front.lastSection)}`;
}

export async function yearbookPackage(features: Features, template: Template, opts: YearbookPackageOptions): Promise<Buffer> {
  if (features.length === 0) throw new Error('yearbookPackage: no features to bind');
  const book = new Book();

  // One reading of the features gives the book's properties and its contents: each reading parses them all.
  const list: ContentsEntry[] = [];
  const properties = documentProperties(
    (function* () {
      for (const doc of eachFeature(features)) {
        list.push(contentsEntry(doc));
        yield doc;
      }
    })(),
    opts.template,
  );
  // The front matter's Document gives the book its styles, settings, fonts, properties and the rest.
  const frontParts = compileParts(
    new Document({
      ...properties,
      title: opts.front.title,
      styles: template.styles,
      evenAndOddHeaderAndFooters: true,
      // The contents are fields: Word offers to update them on opening.
      features: { updateFields: true },
      sections: frontSections(list, opts.front, opts.fonts),
    }),
  );
  if (relationships(partText(frontParts, 'word/_rels/document.xml.rels')).some((r) => r.type === REL_IMAGE || r.type === REL_HEADER || r.type === REL_FOOTER))
    throw new Error('the yearbook’s front matter has pictures, headers or footers, which are not spliced');
  await book.body.write(frontBody(frontParts));

  // The front matter has no headers or footers: the first feature always names its own.
  let lastFurniture: string | null = null;
  for (let at = 0; at < features.length; at += FEATURES_PER_RUN) {
    const run = Array.from({ length: Math.min(FEATURES_PER_RUN, features.length - at) }, (_, i) => features.at(at + i));
    const pictures = new Pictures();
    const charts = await drawnCharts(run, template.chartColumn, pictures);
    const ctx: RenderContext = { fonts: opts.fonts, photo: (sha) => pictures.photo(sha, opts.photo), chart: (c) => charts.get(c)! };
    const sections = run.flatMap((doc, i) => {
      const furniture = template.furniture(doc);
      const inherit = furniture === lastFurniture;
      lastFurniture = furniture;
      return bindFeature(template.sections(doc, ctx), at + i, inherit);
    });
    await book.splice(compileParts(new Document({ sections })), pictures, at + run.length === features.length);
    opts.progress?.(at + run.length, features.length);
  }
  await book.body.write('</w:body></w:document>');
  await book.body.end();
  book.zip.addDeflated('word/document.xml', book.body);

  const frontRels = relationships(partText(frontParts, 'word/_rels/document.xml.rels'));
  book.zip.add('word/_rels/document.xml.rels', relationshipsXml([...frontRels, ...book.rels]));
  book.zip.add('[Content_Types].xml', withOverrides(partText(frontParts, '[Content_Types].xml'), book.overrides));
  for (const [path, data] of frontParts) {
    if (path === 'word/document.xml' || path === 'word/_rels/document.xml.rels' || path === '[Content_Types].xml') continue;
    book.zip.add(path, typeof data === 'string' && (PATCHED_PARTS as readonly string[]).includes(path) ? patchedPart(path, data, opts.patch) : data);
  }
  return book.zip.finish();
}
