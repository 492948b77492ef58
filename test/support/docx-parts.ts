// Test support: the parts of a generated .docx, and the paragraphs of a part as text.
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  /** docProps/core.xml: title, creator, language. */
  core: string;
  headers: string[];
  footers: string[];
  /** Each w:footnote of word/footnotes.xml that is a note (Word's separators, ids −1 and 0, left out). */
  footnotes: string[];
  names: string[];
}

export async function docxParts(docx: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (path: string) => {
    const part = zip.file(path);
    if (!part) throw new Error(`no ${path} in the package`);
    return part.async('string');
  };
  const names = Object.keys(zip.files);
  const all = (re: RegExp) => Promise.all(names.filter((n) => re.test(n)).sort().map(read));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    fontTable: await read('word/fontTable.xml'),
    core: await read('docProps/core.xml'),
    headers: await all(/^word\/header\d+\.xml$/),
    footers: await all(/^word\/footer\d+\.xml$/),
    footnotes: names.includes('word/footnotes.xml') ? ((await read('word/footnotes.xml')).match(/<w:footnote w:id="[1-9]\d*"[\s\S]*?<\/w:footnote>/g) ?? []) : [],
    names,
  };
}

/** Each w:p of the part, whole. */
export const paragraphs = (xml: string): string[] => xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];

/** The text of a fragment: its w:t contents joined (tabs as \t). */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('');

/** Each w:sectPr of the document, in order. */
export const sectionProperties = (documentXml: string): string[] => documentXml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];

/** The w:style element with this id. */
export function styleXml(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

/** The attributes of the first element with this tag in the fragment. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!m) return {};
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

/** Each w:r of the fragment, whole. */
export const runs = (xml: string): string[] => xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];

/** The consecutive runs, starting at a run's start, whose texts spell `text` exactly; undefined if none do. */
export function runsSpelling(xml: string, text: string): string[] | undefined {
  const all = runs(xml);
  for (let i = 0; i < all.length; i++) {
    let spelled = '';
    for (let j = i; j < all.length && text.startsWith(spelled); j++) {
      spelled += textOf(all[j]!);
      if (spelled === text) return all.slice(i, j + 1);
    }
  }
  return undefined;
}

/**
 * What keeps a figure from staying whole on its line: each figure's runs with digits or Latin must be
 * only those and tagged en-US (as Word tags them), the Chinese runs zh-CN. Empty when all are right.
 */
export function figureLangProblems(documentXml: string, figures: readonly string[]): string[] {
  const problems: string[] = [];
  for (const figure of figures) {
    const spelled = runsSpelling(documentXml, figure);
    if (!spelled) {
      problems.push(`${figure}: not found as whole runs`);
      continue;
    }
    for (const r of spelled) {
      const text = textOf(r);
      const latin = /[0-9A-Za-z]/.test(text);
      const lang = attrs(r, 'w:lang');
      const want = latin ? 'en-US' : 'zh-CN';
      if (lang['w:val'] !== want || lang['w:eastAsia'] !== 'zh-CN') problems.push(`${figure}: «${text}» tagged ${JSON.stringify(lang)}, wants ${want} (eastAsia zh-CN)`);
      if (latin && !/^[0-9A-Za-z.%]+$/.test(text)) problems.push(`${figure}: «${text}» mixes Latin with other text in one run`);
    }
  }
  return problems;
}
