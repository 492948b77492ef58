// The file the user picked, checked before a byte is sent: the core accepts IMPORT_MAX_BYTES at most
// and only workbooks and CSV, so a 200 MB export or a .docx is refused here at once, by name.
import { IMPORT_MAX_BYTES } from '../../../../../src-main/shared/tables.ts';

export type UploadRefusal = { reason: 'tooBig'; size: number; max: number } | { reason: 'wrongType' } | { reason: 'empty' };

const ACCEPTED = /\.(xlsx|csv)$/i;
/** For the file input: the extensions and their MIME types (Windows reports CSV as Excel's). */
export const ACCEPT_ATTR = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function checkUpload(file: { name: string; size: number }): UploadRefusal | null {
  if (!ACCEPTED.test(file.name.trim())) return { reason: 'wrongType' };
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > IMPORT_MAX_BYTES) return { reason: 'tooBig', size: file.size, max: IMPORT_MAX_BYTES };
  return null;
}
