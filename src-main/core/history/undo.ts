import type { HistoryState } from '../../shared/model.ts';
import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { applySnapshot, BULK_VALUES, decodeColumnar, readSnapshot, valueEntityId, writeBatch, type Entity, type Snapshot } from './change-log.ts';

interface BatchRow {
  seq: number;
  label: string;
}
interface ChangeRow {
  entity: Entity | typeof BULK_VALUES;
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

function replay(ctx: CoreContext, direction: 'undo' | 'redo'): HistoryState {
  const { db } = ctx;
  const target = db.prepare(direction === 'undo' ? LAST_DONE : NEXT_UNDONE).get() as BatchRow | undefined;
  if (!target) throw new AppError(direction === 'undo' ? 'NOTHING_TO_UNDO' : 'NOTHING_TO_REDO');
  const prefix = direction === 'undo' ? '撤销' : '重做';
  writeBatch(
    ctx,
    `${prefix}：${target.label}`,
    (log) => {
      const rows = db
        .prepare(`SELECT entity, entity_id, before, after FROM changes WHERE batch_seq = ? ORDER BY seq ${direction === 'undo' ? 'DESC' : 'ASC'}`)
        .all(target.seq) as ChangeRow[];
      for (const c of rows) {
        const want = (direction === 'undo' ? c.before : c.after) as string | null;
        if (c.entity === BULK_VALUES) {
          // Each side holds the other's keys where it has null (an insert's "before" is null).
          const wants = decodeColumnar(want!);
          const others = decodeColumnar((direction === 'undo' ? c.after : c.before)!);
          const order = wants.map((_, i) => i);
          if (direction === 'undo') order.reverse();
          const nows: (Snapshot | null)[] = [];
          for (const i of order) {
            const id = valueEntityId((wants[i] ?? others[i]) as Parameters<typeof valueEntityId>[0]);
            nows.push(readSnapshot(db, 'value', id));
            applySnapshot(db, 'value', id, wants[i] ?? null);
          }
          log.recordValues(nows, order.map((i) => wants[i] ?? null));
          continue;
        }
        const snap = want === null ? null : (JSON.parse(want) as Snapshot);
        const now = readSnapshot(db, c.entity, c.entity_id);
        applySnapshot(db, c.entity, c.entity_id, snap);
        log.record(c.entity, c.entity_id, now, snap);
      }
      db.prepare('UPDATE batches SET undo_state = ? WHERE seq = ?').run(direction === 'undo' ? 'undone' : 'done', target.seq);
    },
    // The replay itself is logged for the audit trail and merges, but is not on the undo stack.
    { undoState: 'none' },
  );
  return historyState(ctx);
}

export const undo = (ctx: CoreContext) => replay(ctx, 'undo');
export const redo = (ctx: CoreContext) => replay(ctx, 'redo');
