// One face over exceljs's two writers: the in-memory Workbook (a single export, any feature) and the
// streaming WorkbookWriter (a province workbook of hundreds of sheets in bounded memory). Renderers
// write rows top to bottom and hand each finished row and sheet back, which the streaming writer
// needs and the in-memory one ignores.

import { once, type EventEmitter } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from './exceljs.ts';
import type { AddWorksheetOptions, Row, Worksheet } from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import { encodeMeta, META_SHEET, type SheetMap, type WorkbookMeta } from './workbook-meta.ts';
import { SheetNames } from './sheet-names.ts';

/** Excel keeps at most this many characters in a cell; a longer meta row would be cut. */
export const CELL_MAX_CHARS = 32_767;
export const LIST_SHEET = '_lists';
const SETTLE_TIMEOUT_MS = 10_000;

export interface Book {
  readonly streaming: boolean;
  readonly names: SheetNames;
  addSheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet;
  /** Writes a finished row out (streaming); rows must be finished top to bottom. */
  commitRow(row: Row): void;
  /** Writes a finished sheet out (streaming). */
  commitSheet(ws: Worksheet): void;
  /**
   * A dropdown's list formula: inline ("近,约,…") within Excel's 255 characters, else a range
   * of the hidden list sheet.
   */
  listFormula(values: readonly string[]): string;
}

abstract class BaseBook implements Book {
  abstract readonly streaming: boolean;
  readonly names = new SheetNames([META_SHEET, LIST_SHEET]);
  protected abstract readonly wb: ExcelJS.Workbook;
  private lists: Worksheet | null = null;
  private readonly listColumns = new Map<string, string>();

  addSheet(name: string, options?: Partial<AddWorksheetOptions>): Worksheet {
    return this.wb.addWorksheet(name, options);
  }

  abstract commitRow(row: Row): void;
  abstract commitSheet(ws: Worksheet): void;

  listFormula(values: readonly string[]): string {
    const inline = `"${values.join(',')}"`;
    if (inline.length <= 255 && !values.some((v) => v.includes(',') || v.includes('"'))) return inline;
    const key = JSON.stringify(values);
    let ref = this.listColumns.get(key);
    if (!ref) {
      this.lists ??= this.wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
      const col = this.listColumns.size + 1;
      values.forEach((v, i) => (this.lists!.getCell(i + 1, col).value = v));
      const letter = this.lists.getColumn(col).letter;
      ref = `'${LIST_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
      this.listColumns.set(key, ref);
    }
    return ref;
  }

  /**
   * The veryHidden map the importer reads back (workbook-meta.ts); written last, after every data
   * sheet has told its columns. A map too long for one Excel cell is a bug of the caller, which
   * splits sheets before that could happen.
   */
  protected writeMeta(meta: WorkbookMeta, sheets: readonly SheetMap[]): void {
    const ws = this.wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    encodeMeta(meta, sheets.map(fitCell)).forEach((cells, i) => {
      const text = cells[0]!;
      if (text.length > CELL_MAX_CHARS) throw new AppError('INTERNAL', { detail: `workbook map of sheet ${sheets[i - 1]?.sheet ?? '?'} is ${text.length} characters, over Excel's ${CELL_MAX_CHARS}` });
      const row = ws.getRow(i + 1);
      cells.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
      this.commitRow(row);
    });
    this.commitSheet(ws);
  }
}

/**
 * A sheet's map within one cell: the park and period names in column entries are only for a person
 * reading the map, so a wide comparison drops them (the ids say the same) before it would be cut.
 */
export function fitCell(sheet: SheetMap): SheetMap {
  const { ids: _ids, ...map } = sheet;
  if (JSON.stringify(map).length <= CELL_MAX_CHARS) return sheet;
  return { ...sheet, columns: sheet.columns.map(({ parkName: _p, periodKey: _k, ...c }) => c) };
}

/** A workbook built in memory: every exceljs feature, the bytes at the end. */
export class MemoryBook extends BaseBook {
  readonly streaming = false;
  protected readonly wb = new ExcelJS.Workbook();

  constructor() {
    super();
    this.wb.creator = 'ParkBrief';
    this.wb.created = new Date();
  }

  commitRow(): void {}
  commitSheet(): void {}

  async finish(meta: WorkbookMeta, sheets: readonly SheetMap[]): Promise<Buffer> {
    this.writeMeta(meta, sheets);
    return Buffer.from(await this.wb.xlsx.writeBuffer());
  }
}

/** A workbook streamed to `stream` sheet by sheet: finished rows leave memory as they are committed. */
export class StreamBook extends BaseBook {
  readonly streaming = true;
  protected readonly wb: ExcelJS.Workbook;
  private readonly zip: EventEmitter;
  private sheets = 0;
  private zipped = 0;

  constructor(stream: Writable, opts: { sharedStrings: boolean }) {
    super();
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: opts.sharedStrings });
    this.wb.creator = 'ParkBrief';
    this.wb.created = new Date();
    // The writer's zip (archiver) takes one part at a time; a sheet written while it is busy waits
    // in memory. Counting the parts it has finished lets the caller wait for it (settle()).
    this.zip = (this.wb as unknown as { zip: EventEmitter }).zip;
    this.zip.on('entry', () => this.zipped++);
  }

  commitRow(row: Row): void {
    row.commit();
  }

  commitSheet(ws: Worksheet): void {
    ws.commit();
    this.sheets++;
  }

  /**
   * Waits until at most `backlog` finished sheets are still waiting for the zip, so that a workbook
   * of hundreds of sheets holds a few in memory rather than all of them. Rendering is synchronous;
   * without this the zip would only start once every sheet had been written.
   */
  async settle(backlog = 2): Promise<void> {
    while (this.sheets - this.zipped > backlog) {
      // Never wait on the zip for good: were it to stop reporting parts, sheets would only queue.
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), SETTLE_TIMEOUT_MS);
      try {
        await once(this.zip, 'entry', { signal: ac.signal });
      } catch {
        return;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  async finish(meta: WorkbookMeta, sheets: readonly SheetMap[]): Promise<void> {
    this.writeMeta(meta, sheets);
    await (this.wb as unknown as { commit(): Promise<void> }).commit();
  }
}

/**
 * A streamed workbook kept as bytes in memory: for an export handed to the Host whose size grows
 * with the number of parks (a comparison of hundreds), only the compressed output is held.
 */
export class BufferedStreamBook extends StreamBook {
  private readonly chunks: Buffer[];

  constructor(opts: { sharedStrings: boolean }) {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    super(sink, opts);
    this.chunks = chunks;
  }

  async finishBytes(meta: WorkbookMeta, sheets: readonly SheetMap[]): Promise<Buffer> {
    await this.finish(meta, sheets);
    return Buffer.concat(this.chunks);
  }
}
