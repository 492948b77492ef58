import { historyLabel } from '../../shared/history-labels.ts';
import type { CellEdit } from '../../shared/contract.ts';
import type { Period, ValueKind } from '../../shared/model.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch } from '../history/change-log.ts';
import { canonicalPeriodKey, ensurePeriod, findPeriodByKey, getPeriod } from '../repos/periods.ts';
import { editValues, type EditRequest } from './edit-values.ts';

export interface PeriodEditRequest {
  parkId: string;
  /** The period by id (the grid has it) or by key as typed (the command line); exactly one. */
  periodId?: string | undefined;
  periodKey?: string | undefined;
  kind: ValueKind;
  edits: CellEdit[];
  /** What the user did, for the undo step's name (edit-values.ts). */
  action?: EditRequest['action'];
}

/**
 * Cell edits in a period named by id or by key. A key the store has no period for creates the
 * period together with the edits, in one transaction: a refused edit leaves no period behind.
 */
export function editInPeriod(ctx: CoreContext, req: PeriodEditRequest): { changed: number; period: Period } {
  const { parkId, kind, edits, action } = req;
  if (req.periodKey === undefined) {
    const { changed } = editValues(ctx, { parkId, periodId: req.periodId!, kind, edits, action });
    return { changed, period: getPeriod(ctx.db, req.periodId!) };
  }
  const key = canonicalPeriodKey(req.periodKey);
  // IMMEDIATE: a transaction that reads first and then writes cannot wait for the lock (SQLite
  // answers SQLITE_BUSY at once when another writer committed meanwhile), so take it up front.
  return ctx.db
    .transaction(() => {
      const period = findPeriodByKey(ctx.db, key) ?? writeBatch(ctx, historyLabel('addPeriod', { name: key }), (log) => ensurePeriod(ctx, log, key));
      return { period, ...editValues(ctx, { parkId, periodId: period.id, kind, edits, action }) };
    })
    .immediate();
}
