// The last touches to the package docx generates, for what its API cannot express.
import JSZip from 'jszip';
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

async function patchPart(zip: JSZip, path: string, patch: (xml: string) => string): Promise<void> {
  const part = zip.file(path);
  if (!part) throw new Error(`the generated .docx has no ${path}`);
  zip.file(path, patch(await part.async('string')));
}

/** Each stand-in media part replaced by its picture; PNG and JPEG stored as they are (deflating them again costs time and saves little), SVG deflated. */
async function putPictures(zip: JSZip, pictures: Pictures): Promise<void> {
  for (const part of zip.file(/^word\/media\//)) {
    const bytes = await pictures.resolve(await part.async('uint8array'));
    if (bytes) zip.file(part.name, bytes, { compression: part.name.endsWith('.svg') ? 'DEFLATE' : 'STORE' });
  }
}

export async function patchPackage(docx: Buffer, patch: PackagePatch): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  await patchPart(zip, 'word/fontTable.xml', (xml) => patchFontTable(xml, patch.fonts));
  if (patch.pictures) await putPictures(zip, patch.pictures);
  await patchPart(zip, 'word/styles.xml', (xml) => normalSize(paragraphDefaults(patch.offGrid.length > 0 ? offGrid(xml, patch.offGrid) : xml), patch.bodySize));
  await patchPart(zip, 'word/settings.xml', (xml) => printSettings(xml, { mirrorMargins: patch.mirrorMargins }));
  await patchPart(zip, 'docProps/core.xml', (xml) => coreLanguage(xml, 'zh-CN'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
