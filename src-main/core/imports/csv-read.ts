// CSV as offices actually send it: UTF-8 with or without a BOM, or GB18030/GBK — what Excel and
// WPS on Chinese Windows write when told to save "CSV" — and UTF-16 "Unicode text" (tab-separated).
// Quoted fields may hold delimiters, quotes ("") and line breaks; lines end in CRLF, LF or CR.

import { FatalImport } from './issues.ts';
import type { Cell, SheetCells } from './xlsx-read.ts';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
}

/** UTF-8 when the bytes are valid UTF-8 (GBK text almost never is), else GB18030, a superset of GBK. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The delimiter of the first line, outside quotes: comma, tab or semicolon (European Excel). */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/** RFC 4180 with the usual leniencies; a quote left open or text after a closing quote is refused. */
export function parseCsv(text: string, sheet: string): string[][] {
  const delim = sniffDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new FatalImport('IMPORT_CSV_QUOTE', { row: startLine }, { sheet, row: startLine });
        const d = text[i]!;
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\r' || d === '\n') {
          // A line break inside a cell is LF, as in an Excel cell, whatever the file's line ends are.
          line++;
          field += '\n';
          i += d === '\r' && text[i + 1] === '\n' ? 2 : 1;
          continue;
        }
        field += d;
        i++;
      }
      // After the closing quote only a delimiter or the end of the line may follow (blanks allowed).
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t') && text[j] !== delim) j++;
      if (j < n && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r') {
        throw new FatalImport('IMPORT_CSV_AFTER_QUOTE', { row: line, text: text.slice(j, j + 10) }, { sheet, row: line });
      }
      i = j;
      // A quoted empty field is still a field: mark it so the delimiter check below ends it.
      if (i >= n) break;
      continue;
    }
    if (c === delim) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      line++;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** The CSV as a sheet of text cells, so plain tables from CSV and xlsx are read by one reader. */
export function csvSheet(bytes: Uint8Array, name: string): SheetCells & { encoding: DecodedText['encoding'] } {
  const { text, encoding } = decodeText(bytes);
  const rows = new Map<number, Cell[]>();
  let maxRow = 0;
  const decimalComma = sniffDelimiter(text) === ';';
  parseCsv(text, name).forEach((fields, i) => {
    const cells: Cell[] = [];
    fields.forEach((f, c) => {
      if (f !== '') cells[c + 1] = decimalComma ? { t: 's', v: f, decimalComma } : { t: 's', v: f };
    });
    rows.set(i + 1, cells);
    maxRow = i + 1;
  });
  return { name, rows, merges: [], maxRow, encoding };
}
