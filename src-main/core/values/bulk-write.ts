import { AppError, formatMessage, type ErrorDetail } from '../../shared/errors.ts';
import type { EditableField, Indicator, ValueKind } from '../../shared/model.ts';
import { listIndicators } from '../catalog/catalog.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch } from '../history/change-log.ts';
import { newId } from '../ids.ts';
import type { ValueRow } from '../repos/rows.ts';
import { FieldError, parseField } from './parse-field.ts';

/** One figure to write, its fields as text (as typed or as read from a file). */
export interface BulkValue {
  parkId: string;
  periodId: string;
  indicatorId: string;
  kind: ValueKind;
  value: string;
  unit?: string;
  qualifier?: string;
  growth?: string;
  source?: string;
}

export interface BulkResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

const MAX_DETAILS = 200;
const FIELDS = ['value', 'unit', 'qualifier', 'growth', 'source'] as const satisfies readonly EditableField[];

/**
 * Writes many figures as one batch (one undo step), for imports and data packages. The same field
 * rules as a cell edit apply; every row is validated before anything is written, and one refused
 * row refuses the whole set. Unlike editValues it resolves the catalogue, parks and periods once
 * and never re-reads a row it has just written, which is what makes 250,000 figures take well
 * under a second instead of many.
 */
export function writeValuesBulk(ctx: CoreContext, label: string, values: readonly BulkValue[]): BulkResult {
  const { db } = ctx;
  const indicators = new Map<string, Indicator>(listIndicators(db).map((i) => [i.id, i]));
  const parks = new Set((db.prepare('SELECT id FROM parks').all() as { id: string }[]).map((r) => r.id));
  const periods = new Set((db.prepare('SELECT id FROM periods').all() as { id: string }[]).map((r) => r.id));
  const now = new Date().toISOString();
  const errors: ErrorDetail[] = [];
  const rows: ValueRow[] = new Array(values.length);

  const refuse = (index: number, indicator: string | undefined, field: string, code: ErrorDetail['code'], params: ErrorDetail['params']) => {
    if (errors.length < MAX_DETAILS) errors.push({ index, ...(indicator ? { indicator } : {}), field, code, params, message: formatMessage(code, params) });
    else errors.length++; // count the rest without keeping them
  };

  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const ind = indicators.get(v.indicatorId);
    if (!ind) {
      refuse(i, undefined, 'indicator', 'INDICATOR_NOT_FOUND', { indicator: v.indicatorId });
      continue;
    }
    if (!parks.has(v.parkId)) refuse(i, ind.name, 'park', 'PARK_NOT_FOUND', { park: v.parkId });
    if (!periods.has(v.periodId)) refuse(i, ind.name, 'period', 'PERIOD_NOT_FOUND', { period: v.periodId });
    const row: ValueRow = {
      id: '',
      park_id: v.parkId,
      indicator_id: v.indicatorId,
      period_id: v.periodId,
      kind: v.kind,
      value: null,
      unit: ind.unit,
      qualifier: null,
      growth: null,
      baseline: null,
      source: null,
      status: 'draft',
      updated_by: ctx.actor,
      updated_at: now,
    };
    for (const f of FIELDS) {
      const text = v[f];
      if (text === undefined) continue;
      try {
        (row as unknown as Record<string, string | null>)[f] = parseField(ind, f, text);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        refuse(i, ind.name, f, e.code, e.params);
      }
    }
    rows[i] = row;
  }
  if (errors.length) {
    const first = errors[0]!;
    throw new AppError('VALIDATION', { count: errors.length, first: `${first.indicator ?? ''} ${first.message}`.trim() }, errors.filter(Boolean));
  }

  return writeBatch(ctx, label, (log) => {
    const select = db.prepare('SELECT * FROM indicator_values WHERE park_id = ? AND period_id = ? AND kind = ? AND indicator_id = ?');
    const insert = db.prepare(
      `INSERT INTO indicator_values (id, park_id, indicator_id, period_id, kind, value, unit, qualifier, growth, baseline, source, status, updated_by, updated_at)
       VALUES (@id, @park_id, @indicator_id, @period_id, @kind, @value, @unit, @qualifier, @growth, @baseline, @source, @status, @updated_by, @updated_at)`,
    );
    const update = db.prepare(
      `UPDATE indicator_values SET value = @value, unit = @unit, qualifier = @qualifier, growth = @growth, source = @source,
         updated_by = @updated_by, updated_at = @updated_at WHERE id = @id`,
    );
    const result: BulkResult = { inserted: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const before = select.get(row.park_id, row.period_id, row.kind, row.indicator_id) as ValueRow | undefined;
      if (!before) {
        row.id = newId();
        insert.run(row);
        log.record('value', row.id, null, { ...row });
        result.inserted++;
        continue;
      }
      // Fields the source did not carry keep what the store had (an import never blanks a note).
      const after: ValueRow = { ...before, value: row.value, unit: row.unit, qualifier: row.qualifier, growth: row.growth, source: row.source ?? before.source };
      if (FIELDS.every((f) => after[f] === before[f])) {
        result.unchanged++;
        continue;
      }
      after.updated_by = ctx.actor;
      after.updated_at = now;
      update.run(after);
      log.record('value', after.id, { ...before }, { ...after });
      result.updated++;
    }
    return result;
  });
}
