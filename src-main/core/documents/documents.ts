import { documentBodySchema, type BriefDocument, type DocumentBody } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { newId } from '../ids.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import type { Db } from '../store/open.ts';
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

export function findDocument(db: Db, parkId: string, periodId: string): BriefDocument | null {
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  const r = db.prepare('SELECT * FROM documents WHERE park = ? AND period = ?').get(park.pk, period.pk) as DocumentRow | undefined;
  return r ? toDocument(r, parkId, periodId) : null;
}

export function requireDocument(db: Db, parkId: string, periodId: string): BriefDocument {
  const d = findDocument(db, parkId, periodId);
  if (d) return d;
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  throw new AppError('DOCUMENT_NOT_FOUND', { park: park.name, period: period.key });
}

/** Writes a park-period's document inside the caller's batch (created on first save). */
export function putDocument(ctx: CoreContext, log: ChangeLog, parkId: string, periodId: string, body: DocumentBody): BriefDocument {
  const { db } = ctx;
  for (const p of body.photos) getPhotoInfo(db, p.photo); // a reference to a photo the store lacks is refused
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  const before = db.prepare('SELECT * FROM documents WHERE park = ? AND period = ?').get(park.pk, period.pk) as DocumentRow | undefined;
  const at = new Date().toISOString();
  const json = JSON.stringify(body);
  let after: DocumentRow;
  if (before) {
    after = { ...before, body: json, updated_at: at, updated_by: ctx.actor };
    db.prepare('UPDATE documents SET body = @body, updated_at = @updated_at, updated_by = @updated_by WHERE pk = @pk').run(after);
  } else {
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

/**
 * Saves the editor's body. Autosave writes many times a minute, so a save is logged (who, when,
 * before/after, for merges) but kept off the undo stack: Ctrl+Z in the grid must not take back prose.
 */
export function saveDocument(ctx: CoreContext, parkId: string, periodId: string, body: DocumentBody): BriefDocument {
  return writeBatch(ctx, '编辑文稿', (log) => putDocument(ctx, log, parkId, periodId, body), { undoState: 'none' });
}
