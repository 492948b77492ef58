import { documentBodySchema, type BriefDocument, type DocumentBody } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { newId } from '../ids.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import type { Db } from '../store/open.ts';
import { cached } from '../store/statements.ts';
import { getPhotoInfo } from './photos.ts';

export type DocumentRow = {
  pk: number;
  id: string;
  park: number;
  period: number;
  body: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
};

function toDocument(r: DocumentRow, parkId: string, periodId: string): BriefDocument {
  // The body was validated when written; parsing again guards against a store edited by hand.
  return { id: r.id, parkId, periodId, body: documentBodySchema.parse(JSON.parse(r.body)), updatedAt: r.updated_at, updatedBy: r.updated_by };
}

function documentRow(db: Db, park: number, period: number): DocumentRow | undefined {
  return cached(db, 'SELECT * FROM documents WHERE park = ? AND period = ?').get(park, period) as DocumentRow | undefined;
}

/** An edit of an existing row: new body, who and when. */
function updateDocumentRow(db: Db, row: DocumentRow, json: string, actor: string): DocumentRow {
  const after = { ...row, body: json, updated_at: new Date().toISOString(), updated_by: actor };
  db.prepare('UPDATE documents SET body = @body, updated_at = @updated_at, updated_by = @updated_by WHERE pk = @pk').run(after);
  return after;
}

/** Every park's document of a period, by park name: its title without reading the bodies whole. */
export function documentsOfPeriod(db: Db, periodId: string): { parkId: string; parkName: string; title: string }[] {
  return db
    .prepare(
      `SELECT p.id AS parkId, p.name AS parkName, coalesce(json_extract(d.body, '$.title'), '') AS title
         FROM documents d JOIN parks p ON p.pk = d.park
        WHERE d.period = ? ORDER BY p.name COLLATE NOCASE`,
    )
    .all(getPeriodRow(db, periodId).pk) as { parkId: string; parkName: string; title: string }[];
}

export function findDocument(db: Db, parkId: string, periodId: string): BriefDocument | null {
  const r = documentRow(db, getParkRow(db, parkId).pk, getPeriodRow(db, periodId).pk);
  return r ? toDocument(r, parkId, periodId) : null;
}

export function requireDocument(db: Db, parkId: string, periodId: string): BriefDocument {
  const d = findDocument(db, parkId, periodId);
  if (d) return d;
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  throw new AppError('DOCUMENT_NOT_FOUND', { park: park.name, period: period.key });
}

/**
 * Writes a park-period's document inside the caller's batch (created on first save). `createOnly`
 * refuses when the period already has one — checked here, inside the write transaction, so that a
 * blank start or a copy can never replace a document another window or the CLI has just saved.
 */
export function putDocument(
  ctx: CoreContext,
  log: ChangeLog,
  parkId: string,
  periodId: string,
  body: DocumentBody,
  opts: { createOnly?: boolean } = {},
): BriefDocument {
  const { db } = ctx;
  assertPhotos(db, body);
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  const before = documentRow(db, park.pk, period.pk);
  if (before && opts.createOnly) throw new AppError('DOCUMENT_EXISTS', { park: park.name, period: period.key });
  const json = JSON.stringify(body);
  let after: DocumentRow;
  if (before) {
    after = updateDocumentRow(db, before, json, ctx.actor);
  } else {
    const at = new Date().toISOString();
    const row = { id: newId(), park: park.pk, period: period.pk, body: json, created_at: at, updated_at: at, updated_by: ctx.actor };
    const pk = Number(
      db
        .prepare(
          'INSERT INTO documents (id, park, period, body, created_at, updated_at, updated_by) VALUES (@id, @park, @period, @body, @created_at, @updated_at, @updated_by)',
        )
        .run(row).lastInsertRowid,
    );
    after = { pk, ...row };
  }
  log.record('document', after.id, before ?? null, after);
  return toDocument(after, parkId, periodId);
}

/** A body naming a photo the store lacks is refused: it would export with a hole. */
function assertPhotos(db: Db, body: DocumentBody): void {
  for (const p of body.photos) getPhotoInfo(db, p.photo);
}

const SAVE_LABEL = '编辑文稿';
/** Autosaves by one writer closer together than this are one edit in the log. */
const FOLD_MS = 5 * 60_000;

/**
 * Saves the editor's body. A save is logged (who, when, before/after, for merges) but kept off the
 * undo stack: Ctrl+Z in the grid must not take back prose. Autosave writes every few seconds while
 * someone types, and each log row holds the whole body twice; so an unchanged body writes nothing,
 * and a save that follows the same writer's last save of the same document within five minutes
 * folds into that log row (its "before" stays, its "after" moves on) instead of adding one.
 */
export interface SaveOptions {
  createOnly?: boolean;
  /**
   * The updatedAt of the stored document the body was edited from (null: none was stored). Given,
   * a save over a document saved since — by another window, the CLI — is refused (DOCUMENT_STALE)
   * instead of the last save silently winning. Checked inside the write transaction.
   */
  base?: string | null;
  /** Save over the newer one anyway: never folded, so the other version stays in the log as its own step. */
  keepOther?: boolean;
}

export function saveDocument(ctx: CoreContext, parkId: string, periodId: string, body: DocumentBody, opts: SaveOptions = {}): BriefDocument {
  const { db } = ctx;
  return db
    .transaction(() => {
      const park = getParkRow(db, parkId);
      const period = getPeriodRow(db, periodId);
      const current = documentRow(db, park.pk, period.pk);
      // Stored bodies are written as JSON.stringify of a validated body, so the text compares as is.
      const json = JSON.stringify(body);
      if (current && !opts.createOnly && current.body === json) return toDocument(current, parkId, periodId);
      if (opts.base !== undefined && !opts.keepOther && (current?.updated_at ?? null) !== opts.base) {
        throw new AppError('DOCUMENT_STALE', { park: park.name, period: period.key, by: current?.updated_by ?? '', at: current?.updated_at ?? '' });
      }
      const fold = current && !opts.createOnly && !opts.keepOther ? foldableSave(ctx, current.id) : null;
      if (!fold) return writeBatch(ctx, SAVE_LABEL, (log) => putDocument(ctx, log, parkId, periodId, body, opts), { undoState: 'none' });
      assertPhotos(db, body);
      const after = updateDocumentRow(db, current!, json, ctx.actor);
      db.prepare('UPDATE changes SET after = ? WHERE seq = ?').run(JSON.stringify(after), fold.change);
      db.prepare('UPDATE batches SET at = ? WHERE seq = ?').run(after.updated_at, fold.batch);
      return toDocument(after, parkId, periodId);
    })
    .immediate();
}

/** The log row of this writer's latest save of the document, when it is the store's latest batch and recent. */
function foldableSave(ctx: CoreContext, documentId: string): { batch: number; change: number } | null {
  const last = ctx.db.prepare('SELECT seq, at, origin, actor, label FROM batches ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; at: string; origin: string; actor: string; label: string }
    | undefined;
  if (!last || last.label !== SAVE_LABEL || last.origin !== ctx.origin || last.actor !== ctx.actor) return null;
  if (Date.now() - Date.parse(last.at) > FOLD_MS) return null;
  const changes = ctx.db.prepare('SELECT seq, entity, entity_id FROM changes WHERE batch_seq = ?').all(last.seq) as { seq: number; entity: string; entity_id: string }[];
  if (changes.length !== 1 || changes[0]!.entity !== 'document' || changes[0]!.entity_id !== documentId) return null;
  return { batch: last.seq, change: changes[0]!.seq };
}
