// Previews waiting to be applied, in memory: a few at a time, for a limited time, each tied to the
// store and to the change log's latest batch when it was made. Applying after any other write
// (an edit in the grid, an undo, another import) is refused: the preview showed "old → new"
// against figures that may no longer be the stored ones.

import { AppError } from '../../shared/errors.ts';
import { historyLabel } from '../../shared/history-labels.ts';
import type { ImportApplied } from '../../shared/tables.ts';
import type { CoreContext } from '../context.ts';
import { historyState } from '../history/undo.ts';
import type { Db } from '../store/open.ts';
import { writeValuesIn, type BulkValue } from '../values/bulk-write.ts';
import { writeBatch } from '../history/change-log.ts';
import { createPlanned, type Creations } from './create-missing.ts';

export const PENDING_TTL_MS = 30 * 60 * 1000;
/** A province workbook's pending figures take tens of MB; a person compares a couple of files at most. */
export const MAX_PENDING = 3;

interface Pending {
  db: Db;
  fileName: string;
  /** Made first, in the same batch: what the preview listed it would create. */
  creations: Creations;
  values: BulkValue[];
  seq: number;
  unchanged: number;
  expiresAt: number;
}

/** What a preview keeps for applying it, as built (possibly in a worker thread, so plain data). */
export type PendingImport = Omit<Pending, 'db' | 'expiresAt'>;

const pending = new Map<string, Pending>();

export function latestBatch(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM batches').get() as { seq: number }).seq;
}

function sweep(now: number): void {
  for (const [id, p] of pending) if (p.expiresAt <= now || !p.db.open) pending.delete(id);
}

export function savePending(ctx: CoreContext, previewId: string, p: PendingImport, now = Date.now()): void {
  sweep(now);
  // Oldest first out (a Map iterates in insertion order).
  while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
  pending.set(previewId, { ...p, db: ctx.db, expiresAt: now + PENDING_TTL_MS });
}

/** The change log's label of the batch that made a preview stale, for the message. */
function labelAfter(db: Db, seq: number): string {
  const r = db.prepare('SELECT label FROM batches WHERE seq > ? ORDER BY seq DESC LIMIT 1').get(seq) as { label: string } | undefined;
  return r?.label ?? '';
}

/**
 * Writes a preview's figures: one IMMEDIATE transaction (no other writer between the staleness
 * check and the write), one batch in the change log, so one undo takes the whole import back.
 */
export function applyImport(ctx: CoreContext, previewId: string, now = Date.now()): ImportApplied {
  sweep(now);
  const p = pending.get(previewId);
  if (!p || p.db !== ctx.db) throw new AppError('IMPORT_EXPIRED');
  pending.delete(previewId);
  const result = ctx.db
    .transaction(() => {
      const seq = latestBatch(ctx.db);
      if (seq !== p.seq) throw new AppError('IMPORT_STALE', { label: labelAfter(ctx.db, p.seq) });
      return writeBatch(ctx, importLabel(p.fileName), (log) => {
        createPlanned(ctx, log, p.creations);
        return writeValuesIn(ctx, log, p.values);
      });
    })
    .immediate();
  return { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged + p.unchanged, history: historyState(ctx) };
}

export function importLabel(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  return historyLabel('importFile', { name: name.length > 60 ? name.slice(0, 59) + '…' : name });
}

/** For tests: forget every pending preview. */
export function clearPending(): void {
  pending.clear();
}
