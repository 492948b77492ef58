import type { HistoryState } from '../../shared/model.ts';
import { AppError } from '../../shared/errors.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { CoreContext } from '../context.ts';
import type { Db } from '../store/open.ts';
import {
  applySnapshot,
  BULK_VALUES,
  decodeColumnar,
  ENTITY_TABLES,
  KEPT_ON_REPLAY,
  readSnapshot,
  valueEntityId,
  writeBatch,
  type ChangeLog,
  type Entity,
  type Snapshot,
} from './change-log.ts';
import { explainFailure, guardChange, ReplayRefusal, unreadable, type Direction } from './replay-guard.ts';

interface BatchRow {
  seq: number;
  label: string;
}
interface ChangeRow {
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

// The stack lives in the store, so undo survives a restart and covers edits from every transport.
const LAST_DONE = "SELECT seq, label FROM batches WHERE undo_state = 'done' ORDER BY seq DESC LIMIT 1";
const NEXT_UNDONE = "SELECT seq, label FROM batches WHERE undo_state = 'undone' ORDER BY seq ASC LIMIT 1";

export function historyState(ctx: CoreContext): HistoryState {
  const u = ctx.db.prepare(LAST_DONE).get() as BatchRow | undefined;
  const r = ctx.db.prepare(NEXT_UNDONE).get() as BatchRow | undefined;
  return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
}

/**
 * A step the store no longer allows (replay-guard.ts: a period that now has a document, a figure a
 * refused step changed since, a park name taken again) is refused as a whole, with the reason, and
 * nothing of it is written. It must not stay where it is, or every later Ctrl+Z would hit it again
 * and the user would be stuck for good, so the same transaction takes it off the stack:
 *
 * - An undo that is refused keeps the step applied and marks it 'none', as for every write that is
 *   not on the stack (a document save): its effects stay, it is no longer offered. We do not ask the
 *   user to delete the document first: a period or park that someone has written for is worth more
 *   than taking back its creation. The next Ctrl+Z goes on with the step before it, which is sound
 *   because earlier steps were not built on the refused one; where they touch the same rows, the
 *   "changed since" guard refuses them too rather than overwrite what the refused step left.
 * - A redo that is refused marks it and every step after it 'dropped', as a new edit does: those
 *   steps were made on top of the refused one, and redoing them without it is not what the user did
 *   (and their local keys may by now mean other rows).
 *
 * The refusal is an AppError (UNDO_* / REDO_* in errors.ts), raised after the commit so the marking
 * stays; history.state then offers the next step.
 */
function replay(ctx: CoreContext, direction: Direction): HistoryState {
  const { db } = ctx;
  const refusal = db
    .transaction((): AppError | null => {
      // Chosen inside the write transaction: another process (the CLI) may have moved the stack.
      const target = db.prepare(direction === 'undo' ? LAST_DONE : NEXT_UNDONE).get() as BatchRow | undefined;
      if (!target) throw new AppError(direction === 'undo' ? 'NOTHING_TO_UNDO' : 'NOTHING_TO_REDO');
      try {
        // Nested, so a savepoint: a refusal rolls back the half-applied step and its log rows only.
        writeBatch(
          ctx,
          historyLabel(direction, { label: target.label }),
          (log) => {
            applyBatch(db, log, direction, target.seq);
            db.prepare('UPDATE batches SET undo_state = ? WHERE seq = ?').run(direction === 'undo' ? 'undone' : 'done', target.seq);
          },
          // The replay itself is logged for the audit trail and merges, but is not on the undo stack.
          { undoState: 'none' },
        );
        return null;
      } catch (e) {
        if (!(e instanceof ReplayRefusal)) throw e;
        if (direction === 'undo') db.prepare("UPDATE batches SET undo_state = 'none' WHERE seq = ?").run(target.seq);
        else db.prepare("UPDATE batches SET undo_state = 'dropped' WHERE undo_state = 'undone'").run();
        return new AppError(e.code, { label: target.label, ...e.params }, undefined, { cause: e });
      }
    })
    .immediate();
  if (refusal) throw refusal;
  return historyState(ctx);
}

function applyBatch(db: Db, log: ChangeLog, direction: Direction, batchSeq: number): void {
  const rows = db
    .prepare(`SELECT entity, entity_id, before, after FROM changes WHERE batch_seq = ? ORDER BY seq ${direction === 'undo' ? 'DESC' : 'ASC'}`)
    .all(batchSeq) as ChangeRow[];
  for (const c of rows) {
    if (KEPT_ON_REPLAY.has(c.entity)) continue;
    const [wantText, otherText] = direction === 'undo' ? [c.before, c.after] : [c.after, c.before];
    if (c.entity === BULK_VALUES) {
      let wants: (Snapshot | null)[];
      let others: (Snapshot | null)[];
      try {
        wants = decodeColumnar(wantText!);
        others = decodeColumnar(otherText!);
      } catch (e) {
        throw unreadable(direction, 'value', `${c.entity_id} ×`, e);
      }
      // Each side holds the other's keys where it has null (an insert's "before" is null).
      const order = wants.map((_, i) => i);
      if (direction === 'undo') order.reverse();
      const nows: (Snapshot | null)[] = [];
      for (const i of order) {
        const id = valueEntityId((wants[i] ?? others[i]) as Parameters<typeof valueEntityId>[0]);
        nows.push(applyOne(db, direction, 'value', id, others[i] ?? null, wants[i] ?? null));
      }
      log.recordValues(nows, order.map((i) => wants[i] ?? null));
      continue;
    }
    if (!Object.hasOwn(ENTITY_TABLES, c.entity)) throw unreadable(direction, c.entity, c.entity_id, new Error(`unknown entity "${c.entity}"`));
    const entity = c.entity as Entity;
    let want: Snapshot | null;
    let expected: Snapshot | null;
    try {
      want = wantText === null ? null : (JSON.parse(wantText) as Snapshot);
      expected = otherText === null ? null : (JSON.parse(otherText) as Snapshot);
    } catch (e) {
      throw unreadable(direction, entity, c.entity_id, e);
    }
    const now = applyOne(db, direction, entity, c.entity_id, expected, want);
    log.record(entity, c.entity_id, now, want);
  }
}

/** Puts one row to `want` if it is still as the step left it (`expected`); returns what it was. */
function applyOne(db: Db, direction: Direction, entity: Entity, id: string, expected: Snapshot | null, want: Snapshot | null): Snapshot | null {
  const now = readSnapshot(db, entity, id);
  guardChange(db, direction, entity, now, expected, want);
  try {
    applySnapshot(db, entity, id, want);
  } catch (e) {
    throw explainFailure(db, direction, entity, now, want, e);
  }
  return now;
}

export const undo = (ctx: CoreContext) => replay(ctx, 'undo');
export const redo = (ctx: CoreContext) => replay(ctx, 'redo');
