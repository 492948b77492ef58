import { AppError, formatMessage, type ErrorDetail } from '../../shared/errors.ts';
import type { CellEdit, EDIT_ACTIONS } from '../../shared/contract.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { EditableField, Indicator, ValueKind } from '../../shared/model.ts';
import { getIndicatorsByIds } from '../catalog/catalog.ts';
import type { CoreContext } from '../context.ts';
import { valueEntityId, writeBatch, type ChangeLog, type UndoState } from '../history/change-log.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { newValueRow, type ValueRow } from '../repos/rows.ts';
import { readFigureFields, type FieldTexts } from './figure-fields.ts';
import { sameFigure } from './same-figure.ts';

export interface EditRequest {
  parkId: string;
  periodId: string;
  kind: ValueKind;
  edits: CellEdit[];
  action?: { kind: (typeof EDIT_ACTIONS)[number]; cells: number } | undefined;
}

interface Pending {
  ind: Indicator;
  before: ValueRow | null;
  after: ValueRow;
  /** The text of each field edited, and the index of its edit (for naming a refused cell). */
  texts: FieldTexts;
  at: Partial<Record<EditableField, number>>;
}

const FIELD_COLUMN = {
  value: 'value',
  unit: 'unit',
  qualifier: 'qualifier',
  growth: 'growth',
  baseline: 'baseline',
  source: 'source',
  status: 'status',
} as const;

/**
 * Applies a set of cell edits (one cell typed, or a block pasted) as one batch: every edit is
 * validated first and if any is refused nothing is written, so a paste is never half-applied and
 * one Ctrl+Z takes the whole block back.
 */
export function editValues(ctx: CoreContext, req: EditRequest, opts: { undoState?: UndoState } = {}): { changed: number } {
  const prepared = prepareValueEdits(ctx, req);
  return writeBatch(ctx, prepared.label, (log) => writePreparedEdits(ctx, log, prepared), opts);
}

/** Edits validated and ready to write: what editValues writes, or a caller's larger batch (an article applied). */
export interface PreparedEdits {
  label: string;
  pending: Pending[];
  at: string;
}

/** Validates a set of cell edits; refuses them all (VALIDATION, every refused cell) or returns them ready to write. */
export function prepareValueEdits(ctx: CoreContext, req: EditRequest): PreparedEdits {
  const { db } = ctx;
  const park = getParkRow(db, req.parkId).pk;
  const period = getPeriodRow(db, req.periodId).pk;
  const indicators = getIndicatorsByIds(db, req.edits.map((e) => e.indicatorId));
  const select = db.prepare('SELECT * FROM indicator_values WHERE park = ? AND period = ? AND kind = ? AND indicator = ?');

  const now = new Date().toISOString();
  const pending = new Map<string, Pending>();
  const errors: ErrorDetail[] = [];

  req.edits.forEach((edit, index) => {
    const ind = indicators.get(edit.indicatorId);
    if (!ind) {
      const params = { indicator: edit.indicatorId };
      errors.push({ index, field: edit.field, code: 'INDICATOR_NOT_FOUND', params, message: formatMessage('INDICATOR_NOT_FOUND', params) });
      return;
    }
    let entry = pending.get(ind.id);
    if (!entry) {
      const before = (select.get(park, period, req.kind, ind.pk) as ValueRow | undefined) ?? null;
      const after: ValueRow = before ? { ...before } : newValueRow({ park, period, kind: req.kind, indicator: ind.pk }, ind.unit, ctx.actor, now);
      entry = { ind, before, after, texts: {}, at: {} };
      pending.set(ind.id, entry);
    }
    entry.texts[edit.field] = edit.text;
    entry.at[edit.field] = index;
  });

  // A figure's cells are read together: the unit and qualifier in a value's text (突破340亿元) are
  // written with it, and must agree with a unit or qualifier cell of the same edit.
  for (const entry of pending.values()) {
    const { columns, refusals } = readFigureFields(entry.ind, entry.texts, entry.after.unit);
    for (const r of refusals) {
      errors.push({ index: entry.at[r.field], indicator: entry.ind.name, field: r.field, code: r.code, params: r.params, message: formatMessage(r.code, r.params) });
    }
    for (const [field, v] of Object.entries(columns) as [EditableField, string | null][]) {
      (entry.after as unknown as Record<string, string | null>)[FIELD_COLUMN[field]] = v;
    }
  }

  // Unit, qualifier or note alone make no figure; saying so beats dropping the edit without a word.
  req.edits.forEach((edit, index) => {
    const entry = pending.get(edit.indicatorId);
    if (!entry || entry.before || entry.after.value !== null || entry.after.growth !== null) return;
    if (edit.field === 'value' || edit.field === 'growth' || edit.text.trim() === '') return;
    const ind = indicators.get(edit.indicatorId)!;
    const params = { indicator: ind.name, field: edit.field };
    errors.push({ index, indicator: ind.name, field: edit.field, code: 'VALUE_FIRST', params, message: formatMessage('VALUE_FIRST', params) });
  });

  if (errors.length) {
    errors.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    throw new AppError('VALIDATION', { count: errors.length, first: `${errors[0]!.indicator ?? ''} ${errors[0]!.message}`.trim() }, errors);
  }

  const oneFigure = new Set(req.edits.map((e) => e.indicatorId)).size === 1;
  const kind = req.action?.kind ?? (oneFigure ? 'edit' : 'paste');
  const label =
    kind === 'edit' && oneFigure
      ? historyLabel('edit', { name: indicators.get(req.edits[0]!.indicatorId)!.name })
      : historyLabel(kind === 'edit' ? 'paste' : kind, { n: req.action?.cells ?? req.edits.length });
  return { label, pending: [...pending.values()], at: now };
}

/** Writes validated edits inside the caller's batch; figures equal to the stored ones are left alone. */
export function writePreparedEdits(ctx: CoreContext, log: ChangeLog, prepared: PreparedEdits): { changed: number } {
  const { db } = ctx;
  const now = prepared.at;
  const insert = db.prepare(INSERT_VALUE);
  const update = db.prepare(
    `UPDATE indicator_values SET value = @value, unit = @unit, qualifier = @qualifier, growth = @growth, baseline = @baseline,
       source = @source, status = @status, updated_by = @updated_by, updated_at = @updated_at
     WHERE park = @park AND period = @period AND kind = @kind AND indicator = @indicator`,
  );
  const remove = db.prepare('DELETE FROM indicator_values WHERE park = @park AND period = @period AND kind = @kind AND indicator = @indicator');
  let changed = 0;
  for (const { before, after } of prepared.pending) {
    // A figure with neither a value nor a growth rate is no figure: clearing both removes it.
    const empty = after.value === null && after.growth === null;
    if (empty) {
      if (!before) continue;
      remove.run(before);
      log.record('value', valueEntityId(before), { ...before }, null);
      changed++;
      continue;
    }
    if (before && sameFigure(before, after)) continue;
    after.updated_at = now;
    after.updated_by = ctx.actor;
    (before ? update : insert).run(after);
    log.record('value', valueEntityId(after), before ? { ...before } : null, { ...after });
    changed++;
  }
  return { changed };
}

export const INSERT_VALUE = `INSERT INTO indicator_values (park, period, kind, indicator, value, unit, qualifier, growth, baseline, source, status, updated_by, updated_at)
  VALUES (@park, @period, @kind, @indicator, @value, @unit, @qualifier, @growth, @baseline, @source, @status, @updated_by, @updated_at)`;

