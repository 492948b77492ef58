// What the readers (ParkBrief workbooks, plain tables) hand to the preview: one figure per row and
// target, pointing at the row's cells rather than copying them — a province workbook has 250,000.

import type { StoredIndicator } from '../catalog/catalog.ts';
import type { ValueKind } from '../../shared/model.ts';
import type { ImportPreview } from '../../shared/tables.ts';
import type { IssueList } from './issues.ts';
import type { StoredPark, StoredPeriod } from './lookup.ts';
import { columnLetters, type Cell, type CellRange, type SheetCells } from './xlsx-read.ts';

export const FIGURE_FIELDS = ['value', 'unit', 'qualifier', 'growth', 'source', 'baseline'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Which column holds each field; a field without a column is one the file does not carry. */
export type FieldColumns = Partial<Record<FigureField, number>> & {
  /**
   * The numbers are shown in a display unit (the 计量单位 column of a table or comparison export, or
   * the catalogue's unit when there is none), converted from the stored unit: a number that equals
   * the stored figure after conversion is that figure, unchanged, in its own unit.
   */
  displayUnit?: boolean;
};

export interface SourceFigure {
  sheet: string;
  row: number;
  park: StoredPark;
  period: StoredPeriod;
  kind: ValueKind;
  indicator: StoredIndicator;
  columns: FieldColumns;
  /** The row's cells by 1-based column number (shared by the row's figures). */
  cells: readonly (Cell | undefined)[];
}

export interface SourceRead {
  format: ImportPreview['format'];
  figures: SourceFigure[];
}

/** A cell someone wrote something in (a blank string or a styled empty cell is nothing). */
export function filled(cell: Cell | undefined): boolean {
  return cell !== undefined && !(cell.t === 's' && cell.v.trim() === '');
}

/**
 * Merged cells over the columns an import reads, rows `from`…`to`. A merge down one text column
 * (计量单位 or 备注 merged over rows that share it, as Chinese tables often are) means its top cell
 * for every row it covers. A merge that touches a number column, or spans columns, leaves which
 * cell holds which figure a guess: an error naming the range.
 */
export function resolveMerges(sheet: SheetCells, from: number, to: number, numberCols: ReadonlySet<number>, textCols: ReadonlySet<number>, issues: IssueList): void {
  const within = (cols: ReadonlySet<number>, m: CellRange) => {
    for (const c of cols) if (c >= m.left && c <= m.right) return true;
    return false;
  };
  const refuse = (m: CellRange) => {
    const range = `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`;
    issues.error('IMPORT_MERGED', { range }, { sheet: sheet.name, row: m.top, column: columnLetters(m.left) });
  };
  const down: CellRange[] = [];
  for (const m of sheet.merges) {
    if (m.bottom < from || m.top > to) continue;
    const numbers = within(numberCols, m);
    if (!numbers && !within(textCols, m)) continue;
    if (numbers || m.left !== m.right) refuse(m);
    else down.push(m);
  }
  // Column by column, top down: merges that overlap (no spreadsheet writes them) are refused, so
  // that filling in costs at most one pass over each text column's rows, whatever the file says.
  down.sort((a, b) => a.left - b.left || a.top - b.top);
  let col = 0;
  let reached = 0;
  for (const m of down) {
    if (m.left !== col) [col, reached] = [m.left, 0];
    if (m.top <= reached) {
      refuse(m);
      continue;
    }
    reached = m.bottom;
    const top = sheet.rows.get(m.top)?.[m.left];
    if (!top) continue;
    // A row the sheet does not have holds no figure to carry the text to.
    for (let r = m.top + 1; r <= Math.min(m.bottom, to); r++) {
      const row = sheet.rows.get(r);
      if (row) row[m.left] = top;
    }
  }
}
