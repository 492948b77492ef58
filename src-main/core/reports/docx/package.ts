// The last touches to the package docx generates, for what its API cannot express.
import type JSZip from 'jszip';
import { patchFontTable, type FontEntry } from './font-table.ts';
import { offGrid } from './off-grid.ts';
import type { Pictures } from './pictures.ts';
import { coreLanguage, normalSize, paragraphDefaults, printSettings } from './print-rules.ts';

export interface PackagePatch {
  fonts: readonly FontEntry[];
  /** Paragraph styles that must not snap to the document grid. */
  offGrid: readonly string[];
  /** The pictures docx was given stand-ins for. */
  pictures?: Pictures;
  /** The body's size, half-points: the Normal style's, which sizes the character grid. */
  bodySize: number;
  /** Facing pages with mirrored margins. */
  mirrorMargins: boolean;
}

/** The parts the patch rewrites; every package docx writes has them. */
export const PATCHED_PARTS = ['word/fontTable.xml', 'word/styles.xml', 'word/settings.xml', 'docProps/core.xml'] as const;

/** One part as the patch leaves it; a part it does not concern comes back as it was. */
export function patchedPart(path: string, xml: string, patch: Omit<PackagePatch, 'pictures'>): string {
  switch (path) {
    case 'word/fontTable.xml':
      return patchFontTable(xml, patch.fonts);
    case 'word/styles.xml':
      return normalSize(paragraphDefaults(patch.offGrid.length > 0 ? offGrid(xml, patch.offGrid) : xml), patch.bodySize);
    case 'word/settings.xml':
      return printSettings(xml, { mirrorMargins: patch.mirrorMargins });
    case 'docProps/core.xml':
      return coreLanguage(xml, 'zh-CN');
    default:
      return xml;
  }
}

/** Each stand-in media part replaced by its picture; PNG and JPEG stored as they are (deflating them again costs time and saves little), SVG deflated. */
async function putPictures(zip: JSZip, pictures: Pictures): Promise<void> {
  for (const part of zip.file(/^word\/media\//)) {
    const bytes = await pictures.resolve(await part.async('uint8array'));
    if (bytes) zip.file(part.name, bytes, { compression: part.name.endsWith('.svg') ? 'DEFLATE' : 'STORE' });
  }
}

export async function patchPackage(docx: Buffer, patch: PackagePatch): Promise<Buffer> {
  // Loaded here, not with the module: the yearbook takes its patched parts from this module and
  // writes its own zip, and jszip is 11 MB of memory it would hold for nothing.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  if (patch.pictures) await putPictures(zip, patch.pictures);
  for (const path of PATCHED_PARTS) {
    const part = zip.file(path);
    if (!part) throw new Error(`the generated .docx has no ${path}`);
    zip.file(path, patchedPart(path, await part.async('string'), patch));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
