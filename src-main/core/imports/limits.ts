// How much a file someone sends us may make the readers unpack, count and hold. Every reader of a
// user's file (xlsx, csv, the .docx and .txt articles) stops at these, so no file within the 20 MB
// upload limit can take the process past a few hundred MB or a few seconds: a CSV of 20 MiB of line
// breaks was 21 million rows (4.8 GB, then V8 gave up). The figures leave several times the room
// the largest real workbook needs — the 250,000-figure province workbook (200 sheets × 125
// indicators × 10 years) has 420 parts, 25,000 rows, ~300,000 cells and a 1 MB largest sheet.

export const READ_LIMITS = {
  /** Parts in one zip (.xlsx/.docx). */
  zipEntries: 10_000,
  /** Bytes one part may unpack to: its XML is held as one string while it is read. */
  entryBytes: 64 * 1024 * 1024,
  /** Bytes all parts together may unpack to, checked in the zip's directory before inflating. */
  unzippedBytes: 256 * 1024 * 1024,
  /** Worksheets in one workbook. */
  sheets: 1_000,
  /** Rows holding at least one cell, over all sheets of a file or the whole CSV. */
  rows: 500_000,
  /** Cells holding a value, over all sheets of a file or the whole CSV. */
  cells: 2_000_000,
  /** Items in a workbook's shared strings. */
  sharedStrings: 1_000_000,
  /** Characters of all shared strings together. */
  sharedStringChars: 32 * 1024 * 1024,
  /** How deep elements may nest in any XML part; a sheet's cells sit 5 deep, a .docx table in a table ~20 (xml-check.ts). */
  xmlDepth: 100,
  /** Characters in one CSV record or one line of a text article. */
  lineChars: 1024 * 1024,
  /** Lines of a CSV or a text article, blank ones included. */
  lines: 1_000_000,
} as const;

export type LimitName = keyof typeof READ_LIMITS;

/** A file asked for more than a limit allows; read-file.ts and article-file.ts name the file. */
export class LimitError extends Error {
  readonly limit: LimitName;
  readonly max: number;
  constructor(limit: LimitName, max: number = READ_LIMITS[limit]) {
    super(`${limit} > ${max}`);
    this.limit = limit;
    this.max = max;
  }
}

/** The limit as the message shows it: bytes in MB, counts with thousands separators. */
export function limitShown(limit: LimitName, max: number = READ_LIMITS[limit]): string {
  if (limit === 'entryBytes' || limit === 'unzippedBytes') return `${Math.round(max / 1024 / 1024)} MB`;
  return max.toLocaleString('en-US');
}

/** What one file has used of the counted limits so far, shared by all its sheets. */
export class ReadBudget {
  rows = 0;
  cells = 0;
  sharedStrings = 0;
  sharedStringChars = 0;

  // One method per counter, each a field increment and a comparison: they run for every cell of a
  // file, where a counter chosen by name (this[limit]) cost a third of the read.
  takeRow(): void {
    if (++this.rows > READ_LIMITS.rows) throw new LimitError('rows');
  }

  takeCell(): void {
    if (++this.cells > READ_LIMITS.cells) throw new LimitError('cells');
  }

  takeString(chars: number): void {
    if (++this.sharedStrings > READ_LIMITS.sharedStrings) throw new LimitError('sharedStrings');
    if ((this.sharedStringChars += chars) > READ_LIMITS.sharedStringChars) throw new LimitError('sharedStringChars');
  }
}
