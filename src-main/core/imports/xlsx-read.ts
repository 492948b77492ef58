// Reads the cells of an .xlsx the user hands us, without styles, drawings or anything else.
//
// Why not exceljs: on the province workbook as the exporter writes it (200 sheets × 125 indicators
// × 10 years, 250,000 figures, 2.7 MB; or the 10-sheet comparison layout), just visiting the cells
// took exceljs's in-memory reader 2.2 s and 273–326 MB, its streaming WorkbookReader 2.0–2.7 s;
// this scanner takes 0.35–0.5 s and 130–170 MB (2 cores, Node 22, one process per run, every cell
// visited; the whole import is timed by bench/xlsx-province.bench.ts). With validation, check rules and the write still to come, exceljs alone
// would have taken half of the 5 s an import of that workbook may take. Reading the zip ourselves
// also lets us check its central directory before anything is inflated (zip.ts), which exceljs's
// unzip does not. Only what an import needs is kept: values, cached results or formulas, text,
// merges.

import { LimitError, READ_LIMITS, ReadBudget } from './limits.ts';
import { checkXml } from './xml-check.ts';
import { numberKinds, type NumberKind } from './number-formats.ts';
import { ZipReader } from './zip.ts';

/** A cell as the file holds it. Numbers stay the text the file wrote; formulas keep only their result. */
export type Cell =
  /** k: the cell's number format makes it a percent (stored ÷100) or a date (a day serial). */
  | { t: 'n'; v: string; k?: NumberKind }
  /** decimalComma: text from a semicolon CSV, whose numbers are written 84,22 (csv-decimal.ts). */
  | { t: 's'; v: string; decimalComma?: true }
  | { t: 'b'; v: boolean }
  /** An error value such as #DIV/0!. */
  | { t: 'e'; v: string }
  /** A formula without a cached result (written by a program, never calculated); v is the formula. */
  | { t: 'f'; v: string };

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetCells {
  name: string;
  rows: Map<number, Cell[]>;
  merges: CellRange[];
  maxRow: number;
}

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  path: string | null;
}

export type WorkbookProblem =
  | { kind: 'not-workbook'; found: 'docx' | 'pptx' | 'ods' | 'xlsb' | 'zip' }
  /** where: the part, sheet row or cell as the file writes it (no English words); detail: the English explanation. */
  | { kind: 'corrupt'; detail: string; where: string };

export class WorkbookError extends Error {
  readonly problem: WorkbookProblem;
  constructor(problem: WorkbookProblem) {
    super(problem.kind);
    this.problem = problem;
  }
}

const utf8 = new TextDecoder('utf-8');

export class XlsxFile {
  readonly sheets: SheetInfo[];
  private readonly zip: ZipReader;
  private sst: string[] | null = null;
  private readonly sstPath: string | null;
  private readonly stylesPath: string | null;
  private kinds: (NumberKind | undefined)[] | null = null;
  /** Rows, cells and strings of every sheet read from this file together (limits.ts). */
  private readonly budget = new ReadBudget();

  constructor(zip: ZipReader) {
    this.zip = zip;
    const wbPath = workbookPath(zip);
    const wbXml = this.text(wbPath);
    const rels = readRels(this.textOrNull(relsPathOf(wbPath)) ?? '', dirOf(wbPath));
    this.sstPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null);
    this.stylesPath = [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : null);
    this.sheets = [];
    const seenParts = new Set<string>();
    for (const m of wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
      if (this.sheets.length >= READ_LIMITS.sheets) throw new LimitError('sheets');
      const attrs = m[1]!;
      const name = decodeXml(attr(attrs, 'name') ?? '');
      const state = attr(attrs, 'state');
      const rel = rels.get(/\b[\w.-]+:id="([^"]*)"/.exec(attrs)?.[1] ?? '');
      // Chart sheets and dialog sheets have no cells to import.
      const path = rel && rel.type.endsWith('/worksheet') ? rel.target : null;
      // Sheets sharing one part: each would be read (and inflated) again, 3,000 times for a 180 KB file.
      if (path !== null && seenParts.has(path)) throw new WorkbookError({ kind: 'corrupt', detail: 'two sheets name one part', where: path.slice(0, 100) });
      if (path !== null) seenParts.add(path);
      this.sheets.push({ name, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path });
    }
  }

  /** One sheet's cells; null when it has no cell part (a chart sheet). */
  readSheet(info: SheetInfo): SheetCells | null {
    if (!info.path) return null;
    const xml = this.textOrNull(info.path);
    if (xml === null) throw new WorkbookError({ kind: 'corrupt', detail: 'part missing', where: info.path });
    return scanSheet(info.name, xml, () => this.sharedStrings(), () => this.numberKinds(), this.budget);
  }

  private numberKinds(): (NumberKind | undefined)[] {
    if (this.kinds) return this.kinds;
    const xml = this.stylesPath ? this.textOrNull(this.stylesPath) : null;
    this.kinds = xml === null ? [] : numberKinds(xml);
    return this.kinds;
  }

  private sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const xml = this.sstPath ? this.textOrNull(this.sstPath) : null;
    this.sst = xml === null ? [] : parseSharedStrings(xml, this.budget);
    return this.sst;
  }

  private text(path: string): string {
    const t = this.textOrNull(path);
    if (t === null) throw new WorkbookError({ kind: 'corrupt', detail: 'part missing', where: path });
    return t;
  }

  /** Every part is read through here, so every part's nesting is checked. */
  private textOrNull(path: string): string | null {
    const b = this.zip.read(path);
    if (b === null) return null;
    const xml = utf8.decode(b);
    checkXml(xml, path);
    return xml;
  }
}

function workbookPath(zip: ZipReader): string {
  const rootRels = zip.read('_rels/.rels');
  const office = rootRels ? [...readRels(utf8.decode(rootRels), '').values()].find((r) => r.type.endsWith('/officeDocument')) : undefined;
  if (office && zip.has(office.target) && office.target.endsWith('.xml') && !office.target.startsWith('word/') && !office.target.startsWith('ppt/')) return office.target;
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  // Say what it is instead, when we can tell: a renamed Word file is the usual mistake.
  const found = zip.has('word/document.xml') ? 'docx' : zip.has('ppt/presentation.xml') ? 'pptx' : zip.has('xl/workbook.bin') ? 'xlsb' : isOds(zip) ? 'ods' : 'zip';
  throw new WorkbookError({ kind: 'not-workbook', found });
}

function isOds(zip: ZipReader): boolean {
  const m = zip.has('mimetype') ? zip.read('mimetype') : null;
  return !!m && m.toString('latin1').includes('opendocument');
}

interface Rel {
  type: string;
  target: string;
}

function readRels(xml: string, baseDir: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = m[1]!;
    if (attr(a, 'TargetMode') === 'External') continue;
    const id = attr(a, 'Id');
    const target = attr(a, 'Target');
    if (!id || !target) continue;
    out.set(id, { type: attr(a, 'Type') ?? '', target: resolvePath(baseDir, decodeXml(target)) });
  }
  return out;
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
const relsPathOf = (p: string) => `${dirOf(p)}_rels/${p.slice(p.lastIndexOf('/') + 1)}.rels`;

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function attr(attrs: string, name: string): string | undefined {
  // Attributes may be separated by any blank and quoted either way.
  for (const q of ['"', "'"]) {
    const key = `${name}=${q}`;
    for (let i = attrs.indexOf(key); i >= 0; i = attrs.indexOf(key, i + 1)) {
      const before = attrs.charCodeAt(i - 1);
      if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
      const start = i + key.length;
      const end = attrs.indexOf(q, start);
      return end < 0 ? undefined : attrs.slice(start, end);
    }
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities, then Excel's _xHHHH_ escapes for characters XML cannot hold (ECMA-376 ST_Xstring). */
export function decodeXml(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return n <= 0x10ffff ? String.fromCodePoint(n) : all;
      }
      return ENTITIES[e] ?? all;
    });
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The text of a string item: its runs' <t>, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
  if (xml.indexOf('<') < 0) return xml;
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) out += m[1] ?? '';
  return decodeXml(out);
}

export function parseSharedStrings(xml: string, budget: ReadBudget = new ReadBudget()): string[] {
  checkItemsClosed(xml);
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) {
    const t = itemText(m[1] ?? '');
    budget.takeString(t.length);
    out.push(t);
  }
  return out;
}

/**
 * Every <si> closed before the next opens, checked in one linear pass: on 100,000 unclosed items the
 * lazy item pattern below would rescan the rest of the part from each one (minutes, the whole host
 * waiting); damaged XML is refused at once instead.
 */
function checkItemsClosed(xml: string): void {
  let open = false;
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?si\b[^>]*?(\/?)>/g)) {
    if (m[2] === '/') continue;
    if (m[1] === '/') {
      if (!open) throw new WorkbookError({ kind: 'corrupt', detail: '</si> without <si>', where: 'sharedStrings' });
      open = false;
    } else if (open) throw new WorkbookError({ kind: 'corrupt', detail: '<si> not closed', where: 'sharedStrings' });
    else open = true;
  }
  if (open) throw new WorkbookError({ kind: 'corrupt', detail: '<si> not closed', where: 'sharedStrings' });
}

/** "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** 28 → "AB". */
export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return m ? { col: columnNumber(m[1]!.toUpperCase()), row: Number(m[2]) } : null;
}

const COLS = 16384 + 1;
const MAX_ROW = 1_048_576;

/**
 * "AB12" as row × COLS + column in one number, 0 when it is no plain reference: read char by char,
 * as this runs once per cell of the file (a regular expression here was a tenth of the read).
 */
function cellRef(r: string): number {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === r.length || col > 16384) return 0;
  let row = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    row = row * 10 + (c - 48);
  }
  return row > 0 && row <= MAX_ROW ? row * COLS + col : 0;
}

export function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const p = parseRef(a ?? '');
  const q = b === undefined ? p : parseRef(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

/**
 * One pass over a sheet's XML. Rows and cells may omit their r="" (the format allows it; some
 * writers do), in which case they follow the previous one.
 */
export function scanSheet(
  name: string,
  xml: string,
  sst: () => string[],
  kinds: () => (NumberKind | undefined)[] = () => [],
  budget: ReadBudget = new ReadBudget(),
): SheetCells {
  const p = /<([\w.-]+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const re = new RegExp(`<${p}row\\b([^>]*?)(/?)>|<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)|<${p}mergeCell\\b([^>]*?)/?>`, 'g');
  const vOpen = `<${p}v>`;
  const vClose = `</${p}v>`;
  const fOpen = `<${p}f`;
  const rows = new Map<number, Cell[]>();
  const merges: CellRange[] = [];
  let row = 0;
  let col = 0;
  let maxRow = 0;
  let cells: Cell[] = [];
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r');
      row = r ? Number(r) : row + 1;
      // A row number outside the sheet would have its figures dropped, or filed far below the rest.
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new WorkbookError({ kind: 'corrupt', detail: 'row number outside the sheet', where: `${name}: <row r="${(r ?? String(row)).slice(0, 20)}">` });
      col = 0;
      cells = [];
      if (m[2] !== '/') {
        if (!rows.has(row)) budget.takeRow();
        rows.set(row, cells);
      }
      continue;
    }
    if (m[5] !== undefined) {
      const range = parseRange(attr(m[5], 'ref') ?? '');
      if (range) merges.push(range);
      continue;
    }
    const attrs = m[3]!;
    const r = attr(attrs, 'r');
    const ref = r ? cellRef(r) : 0;
    if (ref > 0) {
      col = ref % COLS;
      const refRow = (ref - col) / COLS;
      if (refRow !== row) {
        // A cell outside its row element: file it under the row it names.
        row = refRow;
        const known = rows.get(row);
        if (!known) budget.takeRow();
        cells = known ?? [];
        rows.set(row, cells);
      }
    } else if (r || ++col > 16384) {
      // A reference that names no cell (XFD1048577, b2) is not "the next cell": its figure would land
      // in a column the file never gave it.
      throw new WorkbookError({ kind: 'corrupt', detail: 'cell reference outside the sheet', where: `${name}: <c r="${(r ?? '').slice(0, 20)}">` });
    }
    const inner = m[4];
    if (!inner) continue;
    const t = attr(attrs, 't') ?? 'n';
    const vi = inner.indexOf(vOpen);
    const v = vi >= 0 ? inner.slice(vi + vOpen.length, inner.indexOf(vClose, vi)) : inner.indexOf(`<${p}v `) >= 0 ? (/<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)</.exec(inner)?.[1] ?? '') : null;
    let cell: Cell | null = null;
    if (t === 'inlineStr') cell = { t: 's', v: itemText(inner.replace(/<(?:[\w.-]+:)?f\b[\s\S]*?(?:\/>|<\/(?:[\w.-]+:)?f>)/, '')) };
    else if (v === null) {
      if (inner.indexOf(fOpen) >= 0) cell = { t: 'f', v: decodeXml(/<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/)/.exec(inner)?.[1] ?? '') };
    } else if (t === 's') {
      const list = sst();
      const i = Number(v);
      const s = list[i];
      if (s === undefined) throw new WorkbookError({ kind: 'corrupt', detail: `shared string ${v} missing`, where: `${name}!${r ?? ''}` });
      cell = { t: 's', v: s };
    } else if (t === 'n') {
      const style = attr(attrs, 's');
      const k = style === undefined ? undefined : kinds()[Number(style)];
      cell = k ? { t: 'n', v: v.trim(), k } : { t: 'n', v: v.trim() };
    }
    else if (t === 'str' || t === 'd') cell = { t: 's', v: decodeXml(v) };
    else if (t === 'b') cell = { t: 'b', v: v.trim() === '1' };
    else if (t === 'e') cell = { t: 'e', v: decodeXml(v) };
    if (cell === null) continue;
    budget.takeCell();
    cells[col] = cell;
    if (row > maxRow) maxRow = row;
  }
  return { name, rows, merges, maxRow };
}

/** A zip's workbook, or why it is none. ZipError (not a zip, corrupt, bomb) passes through. */
export function openXlsx(bytes: Buffer): XlsxFile {
  return new XlsxFile(new ZipReader(bytes));
}

export function cellAt(sheet: SheetCells, row: number, col: number): Cell | undefined {
  return sheet.rows.get(row)?.[col];
}
