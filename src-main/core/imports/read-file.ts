// From the bytes of the user's file to figures: what kind of file it is (by its content first —
// people rename files), then the reader for it. Only reads; the file itself is never touched.

import { extname } from 'node:path';
import { IMPORT_MAX_BYTES } from '../../shared/tables.ts';
import { csvSheet } from './csv-read.ts';
import { FatalImport, type IssueList } from './issues.ts';
import { LimitError, limitShown } from './limits.ts';
import type { Lookup } from './lookup.ts';
import { hasMetaSheet, readMetaWorkbook } from './read-meta.ts';
import { readPlainSheets, type PlainTarget } from './read-plain.ts';
import type { SourceRead } from './source.ts';
import { openXlsx, WorkbookError, type SheetCells, type XlsxFile } from './xlsx-read.ts';
import { XmlDamaged } from './xml-check.ts';
import { ZipError } from './zip.ts';

/** Rounded up to a tenth, so a file just over a limit never reads as exactly the limit. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${String(Math.ceil((n / 1024 / 1024) * 10) / 10)} MB` : `${Math.ceil(n / 1024)} KB`;
}

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);
/** WPS 表格's own formats: WPS saves them by default, and they are no .xlsx until saved as one. */
const WPS_SHEET_EXTENSIONS = new Set(['.et', '.ett']);
const OFFICE_NAMES = { docx: 'Word', pptx: 'PowerPoint', ods: 'OpenDocument (.ods)', xlsb: 'Excel Binary (.xlsb)' } as const;

export interface ReadInput {
  fileName: string;
  bytes: Uint8Array;
  /** Where a plain table's figures go; a ParkBrief workbook names its own. */
  target: PlainTarget | null;
  storeId: string;
}

export function readImportFile(input: ReadInput, lookup: Lookup, issues: IssueList): SourceRead {
  const { bytes, fileName } = input;
  if (bytes.length > IMPORT_MAX_BYTES) throw new FatalImport('IMPORT_TOO_LARGE', { size: formatBytes(bytes.length), max: formatBytes(IMPORT_MAX_BYTES) });
  if (bytes.length === 0) throw new FatalImport('IMPORT_EMPTY_FILE');
  const ext = extname(fileName).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip && TEXT_EXTENSIONS.has(ext)) {
    let sheet;
    try {
      sheet = csvSheet(bytes, fileName);
    } catch (e) {
      throw fromReaderError(e, fileName);
    }
    return { format: 'csv', figures: readPlain([sheet], input, lookup, issues) };
  }
  if (!isZip && WPS_SHEET_EXTENSIONS.has(ext)) throw new FatalImport('IMPORT_WPS_ET', { file: fileName });
  if (!isZip && !['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', ''].includes(ext)) throw new FatalImport('IMPORT_FILE_TYPE', { ext: ext || fileName });
  const x = openWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), fileName);
  try {
    if (hasMetaSheet(x)) return readMetaWorkbook(x, lookup, issues, input.storeId);
    const sheets: SheetCells[] = [];
    for (const s of x.sheets) {
      if (s.state !== 'visible') continue;
      const cells = x.readSheet(s);
      if (cells) sheets.push(cells);
    }
    if (!sheets.some((s) => s.maxRow > 0)) throw new FatalImport('IMPORT_NO_SHEET');
    return { format: 'plain', figures: readPlain(sheets, input, lookup, issues) };
  } catch (e) {
    throw fromReaderError(e, fileName);
  }
}

function readPlain(sheets: SheetCells[], input: ReadInput, lookup: Lookup, issues: IssueList) {
  if (!input.target) throw new FatalImport('IMPORT_TARGET_MISSING');
  return readPlainSheets(sheets, input.target, lookup, issues);
}

function openWorkbook(bytes: Buffer, file: string): XlsxFile {
  try {
    return openXlsx(bytes);
  } catch (e) {
    throw fromReaderError(e, file);
  }
}

/** A reader's refusal as the user reads it, naming the file; the English detail goes to the English message only. */
export function fromReaderError(e: unknown, file: string): unknown {
  if (e instanceof LimitError) return new FatalImport('IMPORT_LIMIT', { file, limit: e.limit, max: limitShown(e.limit, e.max) });
  if (e instanceof XmlDamaged) {
    if (e.tooDeep !== undefined) return new FatalImport('IMPORT_XML_DEPTH', { file, where: e.where, max: e.tooDeep });
    return new FatalImport('IMPORT_CORRUPT', { file, where: e.where, detail: e.detail });
  }
  if (e instanceof ZipError) {
    const p = e.problem;
    if (p.kind === 'not-zip') return new FatalImport('IMPORT_NOT_XLSX');
    if (p.kind === 'ole') return new FatalImport('IMPORT_OLE');
    if (p.kind === 'duplicate') return new FatalImport('IMPORT_ZIP_DUPLICATE', { name: p.name });
    if (p.kind === 'bomb') return new FatalImport('IMPORT_ZIP_BOMB', { size: formatBytes(p.size), max: formatBytes(p.max) });
    return !('where' in p) || p.where === undefined ? new FatalImport('IMPORT_CORRUPT_ZIP', { file, detail: p.detail }) : new FatalImport('IMPORT_CORRUPT', { file, where: p.where, detail: p.detail });
  }
  if (e instanceof WorkbookError) {
    const p = e.problem;
    if (p.kind === 'corrupt') return new FatalImport('IMPORT_CORRUPT', { file, where: p.where, detail: p.detail });
    return p.found === 'zip' ? new FatalImport('IMPORT_NOT_XLSX') : new FatalImport('IMPORT_WRONG_OFFICE', { app: OFFICE_NAMES[p.found] });
  }
  return e;
}
