import type { BriefDocument } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { writeBatch, type ChangeLog } from '../history/change-log.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { readDemoDocument, type DemoDocumentName } from './demo-documents.ts';
import { findDocument, putDocument } from './documents.ts';

/**
 * Starts a park-period's document from the park's latest earlier document — of the same kind of
 * period where there is one, so a year's summary follows last year's; its placeholders name the
 * document's own period, so the copy fills with this period's figures — or from a demo
 * article. Refused when the period already has a document: starting over must not lose prose.
 */
export function copyDocument(ctx: CoreContext, parkId: string, periodId: string, from: 'previous' | DemoDocumentName): BriefDocument {
  const { db } = ctx;
  const park = getParkRow(db, parkId);
  const period = getPeriodRow(db, periodId);
  // Checked here for a clear message before any work, and again by putDocument inside the write.
  if (findDocument(db, parkId, periodId)) throw new AppError('DOCUMENT_EXISTS', { park: park.name, period: period.key });
  return writeBatch(ctx, '新建文稿', (log) => putDocument(ctx, log, parkId, periodId, withoutEditorNote(startingBody(ctx, log, park, period, from)), { createOnly: true }), { undoState: 'none' });
}

/** Last issue's 编者按 introduced last issue's articles: a new issue starts without one. */
function withoutEditorNote<B extends { bulletin: { editorNote?: string } }>(body: B): B {
  const { editorNote: _dropped, ...bulletin } = body.bulletin;
  return { ...body, bulletin };
}

function startingBody(
  ctx: CoreContext,
  log: ChangeLog,
  park: { pk: number; name: string },
  period: { key: string; year: number; end_month: number; kind: string },
  from: 'previous' | DemoDocumentName,
) {
  const { db } = ctx;
  if (from === 'previous') {
    const prev = db
      .prepare(
        `SELECT d.body FROM documents d JOIN periods p ON p.pk = d.period
          WHERE d.park = @park AND (p.year < @year OR (p.year = @year AND p.end_month < @end))
          ORDER BY p.kind = @kind DESC, p.year DESC, p.end_month DESC, p.start_month ASC LIMIT 1`,
      )
      .get({ park: park.pk, year: period.year, end: period.end_month, kind: period.kind }) as { body: string } | undefined;
    if (!prev) throw new AppError('DOCUMENT_NO_PREVIOUS', { park: park.name, period: period.key });
    return JSON.parse(prev.body);
  }
  // Inside the batch: the demo's photos are added in the same transaction as the document.
  return readDemoDocument(ctx, log, from).body;
}
