// The package's font table names each face the document uses with the face to fall back to
// (w:altName), so an office without 仿宋_GB2312 or 方正小标宋简体 substitutes 仿宋 or 宋体 rather than
// a face of its own choosing. docx writes an empty table; package.ts adds the entries.
import { FONT_ROLES, type FontMap } from '../../../shared/settings.ts';

export interface FontEntry {
  name: string;
  fallback: string;
  /** Chinese faces declare the GB2312 charset, which Word uses to match a substitute. */
  eastAsian: boolean;
}

/** Every role's primary face once, first role wins when two roles name the same face. */
export function fontEntries(fonts: FontMap): FontEntry[] {
  const seen = new Map<string, FontEntry>();
  for (const role of FONT_ROLES) {
    const { primary, fallback } = fonts[role];
    if (!seen.has(primary)) seen.set(primary, { name: primary, fallback, eastAsian: role !== 'latin' });
  }
  return [...seen.values()];
}

const escapeAttr = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** CT_Font's children in schema order: altName, panose1, charset, family, notTrueType, pitch, …; */
function fontElement(e: FontEntry): string {
  const alt = e.fallback && e.fallback !== e.name ? `<w:altName w:val="${escapeAttr(e.fallback)}"/>` : '';
  const charset = e.eastAsian ? '86' : '00';
  const family = e.eastAsian ? 'auto' : 'roman';
  return `<w:font w:name="${escapeAttr(e.name)}">${alt}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
}

/** Adds an entry per face, or an altName to an entry that lacks one; other entries are kept as they are. */
export function patchFontTable(xml: string, entries: readonly FontEntry[]): string {
  let out = xml.replace(/<w:fonts\b([^>]*?)\/>/, '<w:fonts$1></w:fonts>');
  if (!out.includes('</w:fonts>')) throw new Error('word/fontTable.xml has no <w:fonts> root');
  const added: string[] = [];
  for (const e of entries) {
    const open = `<w:font w:name="${escapeAttr(e.name)}"`;
    const at = out.indexOf(open);
    if (at < 0) {
      added.push(fontElement(e));
      continue;
    }
    const tagEnd = out.indexOf('>', at);
    const selfClosing = out[tagEnd - 1] === '/';
    const close = selfClosing ? tagEnd + 1 : out.indexOf('</w:font>', tagEnd);
    const body = selfClosing ? '' : out.slice(tagEnd + 1, close);
    if (body.includes('<w:altName') || !e.fallback || e.fallback === e.name) continue;
    const alt = `<w:altName w:val="${escapeAttr(e.fallback)}"/>`;
    out = selfClosing
      ? `${out.slice(0, tagEnd - 1)}>${alt}</w:font>${out.slice(tagEnd + 1)}`
      : `${out.slice(0, tagEnd + 1)}${alt}${out.slice(tagEnd + 1)}`;
  }
  return out.replace('</w:fonts>', `${added.join('')}</w:fonts>`);
}
