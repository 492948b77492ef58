// Where a pasted block goes, decided before anything is written. Kept pure (no React, no calls) so
// each rule is tested on its own.
//
// - A first row of headings (本期 | 增速, 指标名称 | 2022年 | 同比增长) places each column by its
//   heading, with the words the import of a plain table knows (shared/headings.ts); a column of
//   indicator names then says which row each line is for.
// - Without headings, the columns go onto the editable columns from the cursor rightwards, and the
//   lines onto the rows from the cursor down; a first column of indicator names places the lines
//   by name instead.
// - Where that is not clearly what the user meant — a heading we do not know, a column of growth
//   rates headed for 本期, a first line that looks like headings — the plan is "ambiguous": the grid
//   shows where each column would go and writes nothing until the user confirms or corrects it.

import { headerRole, type Role } from '../../../../src-main/shared/headings.ts';
import { parseFigure } from '../../../../src-main/shared/figure/parse.ts';
import type { EditableField } from '../../../../src-main/shared/model.ts';

/** What a column of the block holds, judged from its non-empty cells. */
export type CellKind = 'empty' | 'figure' | 'percent' | 'growth' | 'qualifier' | 'unit' | 'status' | 'text';

export interface PasteColumn {
  /** Index in the block's lines. */
  index: number;
  heading: string | null;
  /** The first non-empty cell below the headings, for the preview. */
  sample: string;
  kind: CellKind;
  /** The field this column is written to; null: not pasted. */
  target: EditableField | null;
}

export type Ambiguity =
  | { code: 'unknownHeading'; column: number; heading: string }
  | { code: 'kindMismatch'; column: number; kind: CellKind; target: EditableField }
  | { code: 'headingLike' };

export interface PastePlan {
  /** The block's first line is headings, not figures. */
  headerRow: boolean;
  /** Column naming each line's indicator; null: lines go onto rows from the cursor. */
  keyColumn: number | null;
  columns: PasteColumn[];
  ambiguous: Ambiguity[];
  /** Columns recognised and deliberately left out (上年同期 is another period's figure). */
  skipped: { column: number; heading: string }[];
}

export interface PasteContext {
  /** Field of each grid column, null for read-only ones; `startCol` is the cursor's column. */
  fields: readonly (EditableField | null)[];
  startCol: number;
  /** Units and qualifiers the store knows, to tell a column of them from text. */
  isUnit(text: string): boolean;
  isQualifier(text: string): boolean;
  /** Which of these texts name an indicator (by name, code or alias). */
  namesIndicator(texts: readonly string[]): readonly boolean[];
  /** The rows the block lands on when placed by position are all rates (a column of 12.3% is then their value). */
  ratesFromCursor: boolean;
}

const ROLE_FIELD: Partial<Record<Role, EditableField>> = {
  value: 'value',
  growth: 'growth',
  unit: 'unit',
  qualifier: 'qualifier',
  source: 'source',
  baseline: 'baseline',
  status: 'status',
};

const STATUS_WORDS = new Set(['草稿', '已核实', '核实', 'draft', 'verified']);

/** What one cell holds. */
export function cellKind(text: string, isUnit: (t: string) => boolean, isQualifier: (t: string) => boolean): CellKind {
  const t = text.trim();
  if (t === '') return 'empty';
  if (STATUS_WORDS.has(t.toLowerCase())) return 'status';
  if (isQualifier(t)) return 'qualifier';
  if (isUnit(t)) return 'unit';
  const read = parseFigure(t);
  if (read === null) return 'empty';
  if (!read.ok) return 'text';
  if (read.figure.growth !== undefined) return 'growth';
  if (read.figure.unit === '%') return 'percent';
  return 'figure';
}

const NUMERIC: ReadonlySet<CellKind> = new Set(['figure', 'percent', 'growth']);

/**
 * A column's kind: the one all its cells share; else, when at least half of them are numbers of
 * some kind, those (a mistyped cell among figures is refused by the core and listed, it does not
 * make the column's destination doubtful); else text.
 */
function columnKind(kinds: CellKind[]): CellKind {
  const present = kinds.filter((k) => k !== 'empty');
  if (!present.length) return 'empty';
  if (present.every((k) => k === present[0])) return present[0]!;
  const numeric = present.filter((k) => NUMERIC.has(k));
  if (numeric.length * 2 < present.length) return 'text';
  if (numeric.includes('growth')) return 'growth';
  return numeric.every((k) => k === 'percent') ? 'percent' : 'figure';
}

/** Whether a column of `kind` can be what `target` holds; a column of notes fits anywhere text does. */
export function fits(kind: CellKind, target: EditableField, rates: boolean): boolean {
  if (kind === 'empty') return true;
  switch (target) {
    case 'value':
      return kind === 'figure' || (kind === 'percent' && rates);
    case 'baseline':
      return kind === 'figure';
    case 'growth':
      return kind === 'growth' || kind === 'percent' || kind === 'figure';
    case 'qualifier':
      return kind === 'qualifier';
    case 'unit':
      return kind === 'unit';
    case 'status':
      return kind === 'status';
    case 'source':
      return true;
  }
}

export function planPaste(block: readonly (readonly string[])[], ctx: PasteContext): PastePlan {
  const width = Math.max(0, ...block.map((l) => l.length));
  const headings = block[0] ?? [];
  const roles = headings.map((h) => headerRole(h));
  // Headings: a first line of words only, at least one of which we know, above at least one line.
  const headerRow = block.length > 1 && roles.some((r) => r !== null) && headings.every((h) => cellKind(h, ctx.isUnit, ctx.isQualifier) !== 'figure');
  const body = headerRow ? block.slice(1) : block;
  const kindsOf = (c: number) => body.map((l) => cellKind(l[c] ?? '', ctx.isUnit, ctx.isQualifier));
  const sampleOf = (c: number) => body.map((l) => (l[c] ?? '').trim()).find((t) => t !== '') ?? '';

  const ambiguous: Ambiguity[] = [];
  const skipped: PastePlan['skipped'] = [];
  const columns: PasteColumn[] = [];
  let keyColumn: number | null = null;

  if (headerRow) {
    for (let c = 0; c < width; c++) {
      const heading = (headings[c] ?? '').trim();
      const role = roles[c] ?? null;
      if ((role === 'name' || role === 'code') && keyColumn === null) {
        keyColumn = c;
        continue;
      }
      const kind = columnKind(kindsOf(c));
      const target = role ? (ROLE_FIELD[role] ?? null) : null;
      if (role === 'previous' || role === 'name' || role === 'code') skipped.push({ column: c, heading });
      else if (!role && (heading !== '' || kind !== 'empty')) ambiguous.push({ code: 'unknownHeading', column: c, heading });
      columns.push({ index: c, heading, sample: sampleOf(c), kind, target });
    }
  } else {
    // A first column of indicator names: the lines are placed by name.
    const first = body.map((l) => (l[0] ?? '').trim());
    const named = first.filter((t) => t !== '');
    if (width > 1 && named.length && ctx.namesIndicator(named).every(Boolean)) keyColumn = 0;
    const editable: number[] = [];
    const from = keyColumn === null ? ctx.startCol : 0;
    for (let c = from; c < ctx.fields.length; c++) if (ctx.fields[c] !== null) editable.push(c);
    // Placed by name, the figures start at 本期 whatever cell the cursor is on.
    const valueAt = editable.findIndex((c) => ctx.fields[c] === 'value');
    const lanes = keyColumn === null ? editable : editable.slice(Math.max(0, valueAt));
    let lane = 0;
    for (let c = 0; c < width; c++) {
      if (c === keyColumn) continue;
      const col = lanes[lane++];
      columns.push({ index: c, heading: null, sample: sampleOf(c), kind: columnKind(kindsOf(c)), target: col === undefined ? null : ctx.fields[col]! });
    }
    const firstKinds = block[0]?.map((t) => cellKind(t, ctx.isUnit, ctx.isQualifier)) ?? [];
    const below = block.slice(1).flat().map((t) => cellKind(t, ctx.isUnit, ctx.isQualifier));
    if (block.length > 1 && firstKinds.some((k) => k === 'text') && firstKinds.every((k) => k === 'text' || k === 'empty') && below.some((k) => k === 'figure' || k === 'percent' || k === 'growth')) {
      ambiguous.push({ code: 'headingLike' });
    }
  }
  for (const col of columns) {
    if (col.target && !fits(col.kind, col.target, ctx.ratesFromCursor)) ambiguous.push({ code: 'kindMismatch', column: col.index, kind: col.kind, target: col.target });
  }
  return { headerRow, keyColumn, columns, ambiguous, skipped };
}

export interface PlannedCell {
  /** The line of the block (0 = its first line, headings included). */
  line: number;
  field: EditableField;
  text: string;
}

/** The block's cells by line and target field: what is written once the plan stands. */
export function plannedCells(block: readonly (readonly string[])[], plan: Pick<PastePlan, 'headerRow' | 'columns'>): PlannedCell[] {
  const out: PlannedCell[] = [];
  const first = plan.headerRow ? 1 : 0;
  for (let line = first; line < block.length; line++) {
    for (const col of plan.columns) {
      if (!col.target) continue;
      const text = block[line]![col.index];
      if (text === undefined) continue;
      out.push({ line, field: col.target, text });
    }
  }
  return out;
}
