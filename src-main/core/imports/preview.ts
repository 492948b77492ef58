// What applying a file would do, figure by figure: new, changed (old → new), unchanged, and every
// cell that cannot be taken with its place and reason. Nothing is written here; the figures to
// write are kept (pending.ts) for imports.apply.
//
// What a cell means:
// - An empty value (or growth, unit, note) cell means "not given": an import never clears a
//   stored figure, and a blank row leaves the stored one as it is.
// - A field the file has no column for keeps what the store has.
// - The qualifier belongs to the number written beside it: where the file has a qualifier column
//   and the row gives a value or growth, that cell decides (blank = no qualifier) — except that a
//   blank beside a growth alone leaves a stored number its qualifier.
// - A number equal to the stored one (80 and 80.0, or the stored one as a number cell holds it at
//   15 significant digits) keeps the stored text: the figure is unchanged.
// - Parks and periods are never created by an import: an unknown one is an error, so that applying
//   stays one undo step.

import { randomBytes } from 'node:crypto';
import type { CheckWarning } from '../../shared/checks.ts';
import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import type { ValueKind } from '../../shared/model.ts';
import type { CellPlace, ImportPreview, PreviewFigure, PreviewItem } from '../../shared/tables.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { checkFigures, type PendingFigure } from '../checks/run-checks.ts';
import { convertExact } from '../tables/shown.ts';
import { FigureReader, type FigureMap } from '../figures/read-figures.ts';
import type { CoreContext } from '../context.ts';
import { unitDef } from '../../shared/figure/units.ts';
import type { BulkValue } from '../values/bulk-write.ts';
import { FieldError, parseField, pointsNotRate } from '../values/parse-field.ts';
import { FIGURE_CONTENT, figureStatus, type FigureField as StoredField } from '../values/same-figure.ts';
import { cellString, normalizeUnit, readFigure, readGrowth, sameHeld } from './cell-text.ts';
import { FatalImport, IssueList, MAX_LISTED_ISSUES } from './issues.ts';
import { Lookup, type StoredPark, type StoredPeriod } from './lookup.ts';
import { createsOf, noCreations, plannedPark, plannedPeriod, type Creations } from './create-missing.ts';
import type { PlainTarget } from './read-plain.ts';
import { AppError } from '../../shared/errors.ts';
import type { Progress } from '../progress.ts';
import { latestBatch, savePending, type PendingImport } from './pending.ts';
import { readImportFile } from './read-file.ts';
import type { FigureField, SourceFigure, SourceRead } from './source.ts';
import { columnLetters } from './xlsx-read.ts';

/** Items listed in a preview (new and changed first); the counts are exact. */
export const MAX_PREVIEW_ITEMS = 500;

export interface PreviewInput {
  fileName: string;
  bytes: Uint8Array;
  parkId?: string | undefined;
  periodId?: string | undefined;
  /** The target by name and key instead of id (the CLI); with createMissing a missing one is planned. */
  parkName?: string | undefined;
  periodKey?: string | undefined;
  kind?: ValueKind | undefined;
  /** A plain table may create the indicators and the period it lacks … */
  createMissing?: boolean | undefined;
  /** … and the park, asked for on its own. */
  createPark?: boolean | undefined;
}

/** The fields an import can set: what is compared to decide new, changed or unchanged. */
interface ImportedFigure extends PreviewFigure {
  source: string | null;
  /** The "before" of a before/after pair (改革前): a column of a plain table. */
  baseline: string | null;
}

interface Group {
  park: StoredPark;
  period: StoredPeriod;
  kind: ValueKind;
  stored: FigureMap;
  pending: Map<string, PendingFigure>;
  /** Indicator pk → the first row that gave it, to name both rows of a duplicate. */
  seen: Map<number, SourceFigure>;
}

export function previewImport(ctx: CoreContext, input: PreviewInput): ImportPreview {
  const { preview, pending } = buildPreview(ctx, input);
  if (pending) savePending(ctx, preview.previewId, pending);
  return preview;
}

/**
 * The preview and the figures applying it would write, kept by the caller: a worker thread builds
 * it on its own connection and hands both to the main thread, which keeps them (core/jobs/).
 */
export function buildPreview(ctx: CoreContext, input: PreviewInput, progress?: Progress): { preview: ImportPreview; pending: PendingImport | null } {
  const lookup = new Lookup(ctx.db);
  const issues = new IssueList();
  // Resolved before the file is read: a wrong park or period is the caller's mistake, not the file's.
  const creations = noCreations();
  const target = resolveTarget(lookup, input, creations);
  const storeId = (ctx.db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() as { value: string } | undefined)?.value ?? '';
  const seq = latestBatch(ctx.db);
  let read: SourceRead;
  progress?.('reading', 0);
  try {
    read = readImportFile({ fileName: input.fileName, bytes: input.bytes, target, storeId }, lookup, issues);
  } catch (e) {
    if (!(e instanceof FatalImport)) throw e;
    issues.error(e.code, e.params, e.place);
    read = { format: /\.(csv|txt|tsv)$/i.test(input.fileName) ? 'csv' : 'plain', figures: [] };
  }
  const result = evaluate(ctx, read.figures, issues, progress);
  // Planned rows are created only for a plain table, which is what they were planned for.
  if (read.format !== 'plain' && read.format !== 'csv') creations.indicators.clear();
  if (issues.errorCount === 0 && result.counts.new + result.counts.changed + result.counts.unchanged === 0) issues.error('IMPORT_NOTHING', {}, null);
  issues.sort();
  const counts = {
    new: result.counts.new,
    changed: result.counts.changed,
    unchanged: result.counts.unchanged,
    warnings: issues.warningCount + result.checks.length,
    errors: issues.errorCount,
    checks: result.checks.length,
  };
  const canApply = issues.errorCount === 0 && result.values.length > 0;
  const previewId = randomBytes(18).toString('base64url');
  const pending = canApply ? { fileName: input.fileName, values: result.values, seq, unchanged: counts.unchanged, creations } : null;
  const preview: ImportPreview = {
    previewId: canApply ? previewId : '',
    fileName: input.fileName,
    format: read.format,
    counts,
    items: result.items,
    itemsTruncated: result.items.length < counts.new + counts.changed + counts.unchanged,
    errors: issues.errors,
    warnings: issues.warnings,
    checks: result.checks.slice(0, MAX_LISTED_ISSUES),
    canApply,
    creates: createsOf(creations),
  };
  return { preview, pending };
}

/**
 * Where a plain table's figures go: the park and period by id (the app) or by name and key (the
 * CLI). With createMissing a period the store lacks is planned, and with createPark a park.
 */
function resolveTarget(lookup: Lookup, input: PreviewInput, creations: Creations): PlainTarget | null {
  const kind = input.kind ?? 'actual';
  const wantsPark = input.parkId !== undefined || input.parkName !== undefined;
  const wantsPeriod = input.periodId !== undefined || input.periodKey !== undefined;
  if (!wantsPark || !wantsPeriod) return null;
  let park: StoredPark;
  if (input.parkId !== undefined) park = lookup.parkById(input.parkId);
  else {
    const found = lookup.park(undefined, input.parkName);
    if (found) park = found.park;
    else if (input.createPark) park = creations.park = plannedPark(input.parkName!);
    else throw new AppError('PARK_NOT_FOUND', { park: input.parkName! });
  }
  let period: StoredPeriod;
  if (input.periodId !== undefined) period = lookup.periodById(input.periodId);
  else {
    const found = lookup.period(undefined, input.periodKey);
    if (found) period = found.period;
    else if (input.createMissing) period = creations.period = plannedPeriod(input.periodKey!);
    else throw new AppError('PERIOD_NOT_FOUND', { period: input.periodKey! });
  }
  return { park, period, kind, creations: input.createMissing ? creations : undefined };
}

interface Evaluation {
  counts: { new: number; changed: number; unchanged: number };
  items: PreviewItem[];
  values: BulkValue[];
  checks: CheckWarning[];
}

/**
 * One pass over the figures. Written for 250,000 of them (the province workbook): no closure or
 * place object per figure unless it is listed or refused, and unit/qualifier rules run once per
 * distinct text rather than once per cell.
 */
function evaluate(ctx: CoreContext, figures: readonly SourceFigure[], issues: IssueList, progress?: Progress): Evaluation {
  const planned = new Set(figures.filter((f) => f.indicator.pk < 0).map((f) => f.indicator.id));
  const groups = new Map<string, Group>();
  const listed: Record<PreviewItem['status'], PreviewItem[]> = { changed: [], new: [], unchanged: [] };
  const counts = { new: 0, changed: 0, unchanged: 0 };
  const values: BulkValue[] = [];
  const reader = new FigureReader(ctx.db);
  const rules = new FieldRules(issues);
  let group: Group | undefined;

  let done = 0;
  for (const fig of figures) {
    // Every 1,024 figures: often enough for a progress bar, rare enough to cost nothing.
    if ((done++ & 1023) === 0) progress?.('checking', done - 1, figures.length);
    const { cells, columns: cols, indicator: ind } = fig;
    rules.bad = false;
    const written = cols.value === undefined ? undefined : cells[cols.value];
    const v = cols.value === undefined ? null : readFigure(written, written?.t === 's' ? unitGiven(fig) : ind.unit);
    const g = cols.growth === undefined ? null : readGrowth(cells[cols.growth]);
    if (v && !v.ok) rules.fail(fig, 'value', v.code, v.params);
    if (g && !g.ok) rules.fail(fig, 'growth', g.code, g.params);

    // Consecutive figures mostly share their group (a sheet's rows): compared by identity first.
    if (!group || group.park !== fig.park || group.period !== fig.period || group.kind !== fig.kind) {
      const gk = `${fig.park.pk}:${fig.period.pk}:${fig.kind}`;
      group = groups.get(gk);
      if (!group) {
        const stored = reader.read(fig.park.pk, fig.period.pk, fig.kind);
        group = { park: fig.park, period: fig.period, kind: fig.kind, stored, pending: new Map(), seen: new Map() };
        groups.set(gk, group);
      }
    }
    const before = group.stored.get(ind.pk) ?? null;

    if (v === null && g === null) {
      if (before && before.value !== null && cols.value !== undefined) {
        issues.warn('IMPORT_EMPTY_KEPT', { indicator: ind.name, value: before.value + before.unit }, placeOf(fig, 'value'));
      }
      continue;
    }
    const first = group.seen.get(ind.pk);
    if (first) {
      issues.error('IMPORT_DUPLICATE_ROW', { indicator: ind.name, otherSheet: first.sheet, otherRow: first.row }, placeOf(fig, 'indicator'));
      continue;
    }
    group.seen.set(ind.pk, fig);

    let unit = cols.unit === undefined ? (cols.displayUnit ? ind.unit : null) : rules.text(fig, 'unit');
    let qualifier = cols.qualifier === undefined ? null : rules.text(fig, 'qualifier');
    const source = cols.source === undefined ? null : rules.text(fig, 'source');
    const baseline = cols.baseline === undefined ? null : rules.text(fig, 'baseline');
    if (unit !== null) unit = normalizeUnit(unit);
    if (v?.ok && v.value.unit) {
      // A table shows a figure it cannot convert as copy writes it (9194.35万美元): its own unit wins.
      if (unit !== null && unit !== v.value.unit && !cols.displayUnit) rules.fail(fig, 'unit', 'IMPORT_CONFLICT', { field: 'unit', inText: v.value.unit, inColumn: unit });
      unit = v.value.unit;
    }
    // The qualifier of 突破2000亿元, or of a growth written 增长10%左右: one per figure.
    const valueQualifier = v?.ok ? v.value.qualifier : undefined;
    const growthQualifier = g?.ok ? g.qualifier : undefined;
    if (valueQualifier && growthQualifier && valueQualifier !== growthQualifier) {
      const text = cellString(cells[cols.growth!]);
      rules.fail(fig, 'growth', 'FIGURE_QUALIFIER_TWICE', { field: 'growth', text: text?.ok ? text.value : '', qualifier: growthQualifier, other: valueQualifier });
    }
    const textQualifier = valueQualifier ?? growthQualifier;
    if (textQualifier) {
      if (qualifier !== null && qualifier !== textQualifier) {
        rules.fail(fig, 'qualifier', 'IMPORT_CONFLICT', { field: 'qualifier', inText: textQualifier, inColumn: qualifier });
      }
      qualifier = textQualifier;
    }
    if (g?.ok && g.points && ind.kind !== 'percent') {
      const text = cellString(cells[cols.growth!]);
      const e = pointsNotRate(ind, text?.ok ? text.value : g.value);
      rules.fail(fig, 'growth', e.code, e.params);
    }
    const newValue = v?.ok ? rules.parse(fig, 'value', v.value.number) : null;
    const newGrowth = g?.ok ? rules.parse(fig, 'growth', g.value) : null;
    const newUnit = unit === null ? null : rules.parseCached(fig, 'unit', unit);
    const newQualifier = qualifier === null ? null : rules.parseCached(fig, 'qualifier', qualifier);
    const newSource = source === null ? null : rules.parse(fig, 'source', source);
    const newBaseline = baseline === null ? null : rules.parse(fig, 'baseline', baseline);
    if (rules.bad) continue;

    // A blank qualifier cell beside a growth alone says nothing about the stored figure's number.
    const qualifierGiven = (cols.qualifier !== undefined && (v !== null || newQualifier !== null || !before?.value)) || !!textQualifier;
    const valueCell = cols.value !== undefined && cells[cols.value]?.t === 'n';
    const shownAsStored = cols.displayUnit && before && newValue !== null && newUnit !== null && sameAmount(newValue, newUnit, before.value, before.unit, valueCell);
    const after: ImportedFigure = {
      value: newValue === null || shownAsStored ? (before?.value ?? null) : before && sameHeld(newValue, before.value, valueCell) ? before.value : newValue,
      unit: shownAsStored ? before!.unit : (newUnit ?? before?.unit ?? ind.unit),
      qualifier: qualifierGiven ? newQualifier : (before?.qualifier ?? null),
      growth: newGrowth === null ? (before?.growth ?? null) : before && sameHeld(newGrowth, before.growth, cols.growth !== undefined && cells[cols.growth]?.t === 'n') ? before.growth : newGrowth,
      source: newSource ?? before?.source ?? null,
      baseline: newBaseline ?? before?.baseline ?? null,
    };
    const status: PreviewItem['status'] = figureStatus(before, after, PREVIEWED);
    counts[status]++;
    if (listed[status].length < MAX_PREVIEW_ITEMS) listed[status].push(item(fig, ind, status, before, after));
    if (status === 'unchanged') continue;
    group.pending.set(ind.id, after);
    const bulk: BulkValue = {
      parkId: fig.park.id,
      periodId: fig.period.id,
      indicatorId: ind.id,
      kind: fig.kind,
      value: after.value ?? '',
      unit: after.unit,
      qualifier: after.qualifier ?? '',
      growth: after.growth ?? '',
    };
    if (after.source !== null) bulk.source = after.source;
    if (after.baseline !== null) bulk.baseline = after.baseline;
    values.push(bulk);
  }

  const checks: CheckWarning[] = [];
  for (const g of groups.values()) {
    // A park or period still to be made has no stored figures to check against; new indicators are in no rule yet.
    if (g.park.pk < 0 || g.period.pk < 0) continue;
    const pending = new Map([...g.pending].filter(([id]) => !planned.has(id)));
    if (pending.size) checks.push(...checkFigures(ctx.db, { parkId: g.park.id, periodId: g.period.id, kind: g.kind }, pending));
  }
  const items = [...listed.changed, ...listed.new, ...listed.unchanged].slice(0, MAX_PREVIEW_ITEMS);
  return { counts, items, values, checks };
}

/** The unit a row's figure is given in, for what a bare 亿 in its text means: its unit cell's, else the indicator's. */
function unitGiven(fig: SourceFigure): string {
  const cell = fig.columns.unit === undefined ? null : cellString(fig.cells[fig.columns.unit]);
  const unit = cell?.ok ? normalizeUnit(cell.value) : null;
  return unit !== null && unitDef(unit) ? unit : fig.indicator.unit;
}

function placeOf(fig: SourceFigure, field: FigureField | 'indicator'): CellPlace {
  const col = field === 'indicator' ? undefined : fig.columns[field];
  return { sheet: fig.sheet, row: fig.row, ...(col === undefined ? {} : { column: columnLetters(col) }), field };
}

/** The grid's field rules (parse-field.ts) over one figure's cells, recording each refusal with its place. */
class FieldRules {
  bad = false;
  private readonly issues: IssueList;
  /** Per indicator (unit rules depend on it), per field and text. */
  private readonly cache = new Map<StoredIndicator, Map<string, string | null | FieldError>>();

  constructor(issues: IssueList) {
    this.issues = issues;
  }

  fail(fig: SourceFigure, field: FigureField, code: ErrorCode, params: ErrorParams): void {
    this.issues.error(code, { indicator: fig.indicator.name, ...params }, placeOf(fig, field));
    this.bad = true;
  }

  text(fig: SourceFigure, field: 'unit' | 'qualifier' | 'source' | 'baseline'): string | null {
    const r = cellString(fig.cells[fig.columns[field]!]);
    if (r && !r.ok) {
      this.fail(fig, field, r.code, r.params);
      return null;
    }
    return r ? r.value : null;
  }

  parse(fig: SourceFigure, field: FigureField, raw: string): string | null {
    try {
      return parseField(fig.indicator, field, raw);
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      this.fail(fig, field, e.code, e.params);
      return null;
    }
  }

  /** Unit and qualifier: few distinct texts, so each (indicator unit, text) is judged once. */
  parseCached(fig: SourceFigure, field: 'unit' | 'qualifier', raw: string): string | null {
    let perIndicator = this.cache.get(fig.indicator);
    if (!perIndicator) this.cache.set(fig.indicator, (perIndicator = new Map()));
    const key = field === 'unit' ? raw : `\u0000${raw}`;
    let r = perIndicator.get(key);
    if (r === undefined) {
      try {
        r = parseField(fig.indicator, field, raw);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        r = e;
      }
      perIndicator.set(key, r);
    }
    if (r instanceof FieldError) {
      this.fail(fig, field, r.code, r.params);
      return null;
    }
    return r;
  }
}

/**
 * A number shown in `unit` that is the stored figure converted (exact for 万元 → 亿元; a spreadsheet
 * number keeps 15 significant digits, so the comparison allows for that and nothing more).
 */
function sameAmount(value: string, unit: string, stored: string | null, storedUnit: string, fromNumberCell: boolean): boolean {
  if (stored === null) return false;
  if (unit === storedUnit) return sameHeld(value, stored, fromNumberCell);
  const converted = convertExact(stored, storedUnit, unit);
  if (converted === null) return false;
  const a = Number(value);
  const b = Number(converted);
  return a === b || Math.abs(a - b) <= Math.abs(b) * 1e-14;
}

/** An import writes the figure and its note; the 状态 it leaves as it was. */
const PREVIEWED: readonly StoredField[] = [...FIGURE_CONTENT, 'source'];

function item(fig: SourceFigure, ind: StoredIndicator, status: PreviewItem['status'], before: ImportedFigure | null, after: ImportedFigure): PreviewItem {
  const shape = (f: ImportedFigure): PreviewFigure => ({ value: f.value, unit: f.unit, qualifier: f.qualifier, growth: f.growth });
  return {
    status,
    park: fig.park.name,
    periodKey: fig.period.key,
    kind: fig.kind,
    indicatorId: ind.id,
    indicator: ind.name,
    code: ind.code,
    before: before ? shape(before) : null,
    after: shape(after),
    place: placeOf(fig, 'value'),
  };
}
