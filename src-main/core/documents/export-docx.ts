import type { ResolvedDocument, Template } from '../../shared/document.ts';
import { AppError, formatDetail, type ErrorDetail, type ErrorParams } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import type { OutgoingFile } from '../host.ts';
import type { Progress } from '../progress.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { renderDocx } from '../reports/docx/index.ts';
import { readSettings } from '../settings/settings.ts';
import { resolveSaved } from './issue.ts';
import { getPhotoBytes } from './photos.ts';
import { DocumentFigures } from './resolve.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TEMPLATE_NAMES: Record<Template, string> = { magazine: '园区风采', bulletin: '工作简报' };

export interface ExportRequest {
  /** One document, or several in order (a yearbook: one feature per park). */
  documents: { parkId: string; periodId: string }[];
  template: Template;
  /** Write unresolved placeholders as visible markers instead of refusing. */
  allowMarkers: boolean;
  /** Print each figure's source note: footnotes in the magazine, a list after the body in the bulletin. */
  sources?: boolean;
  /** A bulletin whose documents are the articles of one issue, under the first one's masthead. */
  oneIssue?: boolean;
}

/**
 * Saved documents → one .docx. Every figure is written from the store at this moment; a
 * placeholder that cannot be filled stops the export (all of them listed) unless the user chose
 * to export with markers.
 */
export async function exportDocx(ctx: CoreContext, req: ExportRequest, progress?: Progress): Promise<OutgoingFile> {
  const { db } = ctx;
  const settings = readSettings(db);
  const reader = new DocumentFigures(db);
  const total = req.documents.length;
  const resolved: ResolvedDocument[] = req.documents.map((d, i) => {
    progress?.('reading', i, total);
    return resolveSaved(db, d, settings, reader);
  });
  if (!req.allowMarkers) refuseUnresolved(resolved);
  progress?.('building', 0);
  const bytes = await renderDocx(resolved, { template: req.template, fonts: settings.fonts, photo: (sha) => getPhotoBytes(db, sha), sources: req.sources === true, oneIssue: req.oneIssue === true });
  return { fileName: exportFileName(ctx, req), mime: DOCX_MIME, bytes, documents: req.documents.length };
}

export function refuseUnresolved(docs: ResolvedDocument[]): void {
  const details: ErrorDetail[] = [];
  for (const d of docs) {
    for (const p of d.problems) {
      const params: ErrorParams = { ...p.params, problem: p.code, source: p.source, field: p.place.field };
      if (p.place.section !== undefined) params.section = p.place.section;
      if (p.place.paragraph !== undefined) params.paragraph = p.place.paragraph;
      if (docs.length > 1) params.park = d.parkName; // a yearbook names the park of each problem
      details.push({ code: 'PLACEHOLDER_PROBLEM', field: p.place.field, params, message: formatDetail({ code: 'PLACEHOLDER_PROBLEM', params }) });
    }
  }
  if (details.length) throw new AppError('DOCUMENT_UNRESOLVED', { count: details.length, first: details[0]!.message }, details);
}

/** "楚雄高新区-2022-园区风采.docx"; a yearbook is named for its period. */
function exportFileName(ctx: CoreContext, req: ExportRequest): string {
  const first = req.documents[0]!;
  const period = getPeriodRow(ctx.db, first.periodId).key;
  // One issue is named for the park whose masthead it carries.
  const who = req.documents.length === 1 || req.oneIssue ? getParkRow(ctx.db, first.parkId).name : `年鉴${req.documents.length}园区`;
  return `${who}-${period}-${TEMPLATE_NAMES[req.template]}.docx`.replace(/[\\/:*?"<>|]/g, '_');
}
