// Pieces of compiled packages joined into one: a document.xml body moved into another, its
// relationships renamed so two pieces never share an id, and its headers, footers and pictures
// under names unique in the package. The pieces are docx's own output, so the XML is read by the
// shapes docx writes (one root, w:body, the last section's w:sectPr at its end).

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
export const REL_HEADER = `${REL}header`;
export const REL_FOOTER = `${REL}footer`;
export const REL_IMAGE = `${REL}image`;

const unescapeAttr = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The relationships of a .rels part. One with a TargetMode (an external link) is refused: nothing the templates write has one. */
export function relationships(relsXml: string): Relationship[] {
  return [...relsXml.matchAll(/<Relationship\s([^>]*?)\/?>/g)].map((m) => {
    const a = Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((x) => [x[1]!, unescapeAttr(x[2]!)]));
    if (!a.Id || !a.Type || a.Target === undefined) throw new Error(`a relationship without Id, Type or Target: ${m[0]}`);
    if (a.TargetMode) throw new Error(`an external relationship cannot be spliced: ${m[0]}`);
    return { id: a.Id, type: a.Type, target: a.Target };
  });
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/**
 * Every relationship id the XML refers to (r:id, r:embed, r:link) by its new name. Only inside tags:
 * a text run may hold the same characters, but never a "<", so a tag cannot reach into text.
 */
export function renameRelationshipIds(xml: string, rename: ReadonlyMap<string, string>): string {
  return xml.replace(/<[^<>]*\sr:(?:id|embed|link)="[^"]*"[^<>]*>/g, (tag) =>
    tag.replace(/(\sr:(?:id|embed|link)=")([^"]*)"/g, (_, head: string, id: string) => {
      const to = rename.get(id);
      if (to === undefined) throw new Error(`the part refers to relationship ${id}, which it does not have`);
      return `${head}${to}"`;
    }),
  );
}

export interface Body {
  /** The root element's start tag, with its namespace declarations. */
  root: string;
  /** What w:body holds before the last section's properties. */
  content: string;
  /** The last section's w:sectPr. */
  lastSection: string;
}

export function bodyOf(documentXml: string): Body {
  const open = documentXml.indexOf('<w:body>');
  const close = documentXml.lastIndexOf('</w:body>');
  const rootAt = documentXml.indexOf('<w:document');
  if (open < 0 || close < open || rootAt < 0) throw new Error('word/document.xml: no w:document with a w:body');
  const inner = documentXml.slice(open + '<w:body>'.length, close);
  const at = inner.lastIndexOf('<w:sectPr');
  if (at < 0 || !inner.endsWith('</w:sectPr>')) throw new Error('word/document.xml: the body does not end with its section properties');
  return { root: documentXml.slice(rootAt, open), content: inner.slice(0, at), lastSection: inner.slice(at) };
}

/**
 * The body's content with its last section closed where more sections follow: the section
 * properties go into its last paragraph, as Word and docx write every section but the document's
 * last. A last paragraph that already ends a section (or a body ending in a table) gets an empty
 * paragraph to carry them.
 */
export function closeSection(content: string, sectPr: string): string {
  if (content.endsWith('</w:p>')) {
    const start = Math.max(content.lastIndexOf('<w:p>'), content.lastIndexOf('<w:p '));
    const last = content.slice(start);
    // One closing tag: not a paragraph nested in a drawing's text box.
    if (start >= 0 && !last.includes('<w:sectPr') && last.indexOf('</w:p>') === last.length - '</w:p>'.length) {
      const pPrEnd = last.indexOf('</w:pPr>');
      if (pPrEnd >= 0) return content.slice(0, start) + last.slice(0, pPrEnd) + sectPr + last.slice(pPrEnd);
      if (!last.includes('<w:pPr')) {
        const tagEnd = last.indexOf('>') + 1;
        return content.slice(0, start) + last.slice(0, tagEnd) + `<w:pPr>${sectPr}</w:pPr>` + last.slice(tagEnd);
      }
    }
  }
  return `${content}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
}

/** [Content_Types].xml with an override for each added part. */
export function withOverrides(contentTypesXml: string, parts: readonly { path: string; contentType: string }[]): string {
  if (!contentTypesXml.includes('</Types>')) throw new Error('[Content_Types].xml has no Types root');
  const items = parts.map((p) => `<Override ContentType="${escapeAttr(p.contentType)}" PartName="/${escapeAttr(p.path)}"/>`);
  return contentTypesXml.replace('</Types>', `${items.join('')}</Types>`);
}
