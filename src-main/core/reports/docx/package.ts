// The last touches to the package docx generates, for what its API cannot express.
import JSZip from 'jszip';
import { patchFontTable, type FontEntry } from './font-table.ts';
import { offGrid } from './off-grid.ts';

export interface PackagePatch {
  fonts: readonly FontEntry[];
  /** Paragraph styles that must not snap to the document grid. */
  offGrid: readonly string[];
}

async function patchPart(zip: JSZip, path: string, patch: (xml: string) => string): Promise<void> {
  const part = zip.file(path);
  if (!part) throw new Error(`the generated .docx has no ${path}`);
  zip.file(path, patch(await part.async('string')));
}

export async function patchPackage(docx: Buffer, patch: PackagePatch): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  await patchPart(zip, 'word/fontTable.xml', (xml) => patchFontTable(xml, patch.fonts));
  if (patch.offGrid.length > 0) await patchPart(zip, 'word/styles.xml', (xml) => offGrid(xml, patch.offGrid));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
