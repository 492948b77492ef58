// Spreadsheet clipboard text, kept pure so it can be tested without a browser. Excel and WPS put
// a block on the clipboard as tab-separated rows ending in a newline (\r\n on Windows), and quote a
// cell that itself holds a tab, newline or quote.

/** Parses a tab/newline-separated block into rows of cells. */
export function parseTsv(text: string): string[][] {
  let s = text.replace(/\r\n?/g, '\n');
  if (s.endsWith('\n')) s = s.slice(0, -1);
  if (s === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= s.length) {
    let cell = '';
    if (s[i] === '"') {
      // Quoted cell: "" is a literal quote; ends at the quote followed by a separator or the end.
      let j = i + 1;
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            cell += '"';
            j += 2;
            continue;
          }
          if (j + 1 === s.length || s[j + 1] === '\t' || s[j + 1] === '\n') {
            closed = true;
            j++;
            break;
          }
        }
        cell += s[j];
        j++;
      }
      if (closed) {
        i = j;
      } else {
        // Not really a quoted cell (a stray quote at the start of text): take it literally.
        const end = nextSeparator(s, i);
        cell = s.slice(i, end);
        i = end;
      }
    } else {
      const end = nextSeparator(s, i);
      cell = s.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= s.length) {
      rows.push(row);
      break;
    }
    if (s[i] === '\n') {
      rows.push(row);
      row = [];
    }
    i++; // past the separator
    if (i === s.length) {
      // a separator at the very end leaves one empty cell after it
      if (s[i - 1] === '\t') row.push('');
      rows.push(row);
      break;
    }
  }
  return rows;
}

function nextSeparator(s: string, from: number): number {
  for (let k = from; k < s.length; k++) if (s[k] === '\t' || s[k] === '\n') return k;
  return s.length;
}

function quoteCell(c: string): string {
  return /[\t\n\r"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/** Formats rows of cells the way a spreadsheet expects to receive them. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n');
}
