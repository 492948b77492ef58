// The yearbook (export --all-parks): every park's document of one period bound into one .docx with
// a cover and contents. A park without a document, or — unless the user chose to export with
// markers — one whose placeholders cannot all be filled, is left out and listed with the reason,
// rather than holding back the other parks' features.
import type { Progress } from '../progress.ts';
import { parsePeriodKey, periodLabel } from '../../shared/period-key.ts';
import type { ResolvedDocument, Template } from '../../shared/document.ts';
import { AppError, formatMessage, formatProblem } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import type { OutgoingFile } from '../host.ts';
import { listParks } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { renderYearbook } from '../reports/docx/index.ts';
import { readSettings } from '../settings/settings.ts';
import { findDocument } from './documents.ts';
import { DOCX_MIME, refuseUnresolved, TEMPLATE_NAMES } from './export-docx.ts';
import { getPhotoBytes } from './photos.ts';
import { DocumentFigures, resolveDocument } from './resolve.ts';

export interface YearbookRequest {
  periodId: string;
  template: Template;
  allowMarkers: boolean;
}

export interface LeftOut {
  park: string;
  reason: string;
}

export async function exportYearbook(ctx: CoreContext, req: YearbookRequest, progress?: Progress): Promise<OutgoingFile & { leftOut: LeftOut[] }> {
  const { db } = ctx;
  const period = getPeriodRow(db, req.periodId);
  const label = periodLabel(parsePeriodKey(period.key)!);
  const settings = readSettings(db);
  const reader = new DocumentFigures(db);
  // Each bound feature is kept as its JSON, in UTF-8 outside the JavaScript heap, until the book
  // prints it: V8 lets the heap grow to a multiple of what stays live on it, and 400 parks' features
  // were 7.5 MB of the 44 MB live halfway through the book (as objects, several times that).
  const bound: Buffer[] = [];
  const unresolved: ResolvedDocument[] = [];
  const leftOut: LeftOut[] = [];
  // From the park repository, not the Excel export's list: that module loads exceljs (1.4 s on a busy machine).
  const parks = listParks(db);
  for (const [i, park] of parks.entries()) {
    progress?.('reading', i, parks.length);
    const doc = findDocument(db, park.id, req.periodId);
    if (!doc) {
      leftOut.push({ park: park.name, reason: formatMessage('YEARBOOK_NO_DOCUMENT', { period: label }) });
      continue;
    }
    const resolved = resolveDocument(db, { parkId: park.id, periodId: req.periodId, body: doc.body }, settings, reader);
    if (resolved.problems.length && !req.allowMarkers) {
      unresolved.push(resolved);
      leftOut.push({ park: park.name, reason: formatMessage('YEARBOOK_UNRESOLVED', { count: resolved.problems.length, first: formatProblem(resolved.problems[0]!) }) });
      continue;
    }
    bound.push(Buffer.from(JSON.stringify(resolved)));
  }
  if (!bound.length) {
    if (unresolved.length) refuseUnresolved(unresolved);
    throw new AppError('DOCUMENT_NOT_FOUND', { park: '所有园区', period: period.key });
  }
  progress?.('building', 0, bound.length);
  const bytes = await renderYearbook(
    { length: bound.length, at: (i) => JSON.parse(bound[i]!.toString()) as ResolvedDocument },
    {
      template: req.template,
      fonts: settings.fonts,
      photo: (sha) => getPhotoBytes(db, sha),
      front: { title: `${label}园区年鉴`, subtitle: `${TEMPLATE_NAMES[req.template]} · 收录${bound.length}个园区`, leftOut },
      progress: (done, total) => progress?.('building', done, total),
    },
  );
  const fileName = `年鉴${bound.length}园区-${period.key}-${TEMPLATE_NAMES[req.template]}.docx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, mime: DOCX_MIME, bytes, documents: bound.length, leftOut };
}
