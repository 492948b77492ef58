// CSV as offices actually send it: UTF-8 with or without a BOM, or GB18030/GBK — what Excel and
// WPS on Chinese Windows write when told to save "CSV" — and UTF-16 "Unicode text" (tab-separated).
// Quoted fields may hold delimiters, quotes ("") and line breaks; lines end in CRLF, LF or CR.

import { FatalImport } from './issues.ts';
import { LimitError, READ_LIMITS, ReadBudget } from './limits.ts';
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

/**
 * RFC 4180 with the usual leniencies; a quote left open or text after a closing quote is refused.
 * Fields are sliced from the text, never built a character at a time (20 million one-character
 * appends held 20 million string pieces), and lines, record length, rows and cells are counted
 * against limits.ts as they are met, so a file of 20 MiB of line breaks stops at the line limit.
 */
export function parseCsv(text: string, sheet: string, budget: ReadBudget = new ReadBudget()): string[][] {
  const delim = sniffDelimiter(text);
  const d = delim.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let filled = false;
  let recordStart = 0;
  let i = 0;
  let line = 1;
  const n = text.length;
  const nextLine = () => {
    if (++line > READ_LIMITS.lines) throw new LimitError('lines');
  };
  const endRow = () => {
    // A row of blank fields holds nothing: it is counted as a line, not kept.
    if (filled) {
      budget.takeRow();
      rows.push(row);
    } else rows.push(EMPTY);
    row = [];
    filled = false;
  };
  const push = (field: string) => {
    if (field !== '') {
      budget.takeCell();
      filled = true;
    }
    row.push(field);
  };
  while (i < n) {
    if (i - recordStart > READ_LIMITS.lineChars) throw new LimitError('lineChars');
    if (text.charCodeAt(i) === 34) {
      const startLine = line;
      const pieces: string[] = [];
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0 || q - recordStart > READ_LIMITS.lineChars) {
          if (q >= 0) throw new LimitError('lineChars');
          throw new FatalImport('IMPORT_CSV_QUOTE', { row: startLine }, { sheet, row: startLine });
        }
        // Line breaks inside the quotes: counted, and made LF, as in an Excel cell, whatever the file's are.
        for (let k = i; k < q; k++) {
          const c = text.charCodeAt(k);
          if (c === 10 || c === 13) {
            nextLine();
            pieces.push(text.slice(from, k), '\n');
            if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
            from = k + 1;
          }
        }
        pieces.push(text.slice(from, q));
        if (text.charCodeAt(q + 1) === 34) {
          pieces.push('"');
          i = from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // After the closing quote only a delimiter or the end of the line may follow (blanks allowed).
      let j = i;
      while (j < n && (text[j] === ' ' || text[j] === '\t') && text[j] !== delim) j++;
      if (j < n && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r') {
        throw new FatalImport('IMPORT_CSV_AFTER_QUOTE', { row: line, text: text.slice(j, j + 10) }, { sheet, row: line });
      }
      push(pieces.join(''));
      i = j;
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
      }
      if (j - recordStart > READ_LIMITS.lineChars) throw new LimitError('lineChars');
      push(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      // A delimiter at the very end still ends a field: the empty one after it.
      if (i >= n) push('');
      continue;
    }
    endRow();
    nextLine();
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    recordStart = i;
  }
  if (row.length > 0) endRow();
  return rows;
}

/** Shared by every blank row, which is most of a file of line breaks. */
const EMPTY: string[] = [];

/** The CSV as a sheet of text cells, so plain tables from CSV and xlsx are read by one reader. */
export function csvSheet(bytes: Uint8Array, name: string): SheetCells & { encoding: DecodedText['encoding'] } {
  const { text, encoding } = decodeText(bytes);
  const rows = new Map<number, Cell[]>();
  let maxRow = 0;
  const decimalComma = sniffDelimiter(text) === ';';
  parseCsv(text, name).forEach((fields, i) => {
    if (fields.length === 0 || fields.every((f) => f === '')) return;
    const cells: Cell[] = [];
    fields.forEach((f, c) => {
      if (f !== '') cells[c + 1] = decimalComma ? { t: 's', v: f, decimalComma } : { t: 's', v: f };
    });
    rows.set(i + 1, cells);
    maxRow = i + 1;
  });
  return { name, rows, merges: [], maxRow, encoding };
}
