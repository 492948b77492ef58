// A bulletin issue of several articles: other parks' documents of the same period follow this one
// under its masthead, 编者按 and end block. The export binds them (documents.export `articles`) and
// the preview lays them (documents.resolveArticles); both take the same checks and the same reading.
import type { Db } from '../store/open.ts';
import type { ResolvedDocument } from '../../shared/document.ts';
import { AppError } from '../../shared/errors.ts';
import type { Settings } from '../../shared/settings.ts';
import { getPark } from '../repos/parks.ts';
import { requireDocument } from './documents.ts';
import { DocumentFigures, resolveDocument } from './resolve.ts';

export interface IssueRequest {
  parkId: string;
  periodId: string;
  template: string;
  /** The further articles' parks, in the order they print. */
  articles?: readonly string[];
}

/**
 * An issue's further articles: a bulletin option, each park once, this document's park not again.
 * Every way an export starts takes this check (core/jobs/finish.ts checkBeforeStart), and the
 * preview with it, so a refusal names the park whichever front asked.
 */
export function checkIssueArticles(db: Db, input: IssueRequest): void {
  const articles = input.articles ?? [];
  if (!articles.length) return;
  if (input.template !== 'bulletin') throw new AppError('INVALID_INPUT', { detail: '多篇合为一期只用于工作简报', detailEn: 'articles of one issue are a bulletin option' });
  if (articles.includes(input.parkId)) throw new AppError('ISSUE_ARTICLE_OWN', { park: getPark(db, input.parkId).name });
  const twice = articles.find((id, i) => articles.indexOf(id) !== i);
  if (twice !== undefined) throw new AppError('ISSUE_ARTICLE_TWICE', { park: getPark(db, twice).name });
}

/** The issue's documents in print order: this one, then each article's park of the same period. */
export function issueDocuments(input: IssueRequest): { parkId: string; periodId: string }[] {
  return [{ parkId: input.parkId, periodId: input.periodId }, ...(input.articles ?? []).map((parkId) => ({ parkId, periodId: input.periodId }))];
}

/** A saved document resolved from the store as it stands; refused with DOCUMENT_NOT_FOUND (the park named) when the park has none for the period. */
export function resolveSaved(db: Db, ref: { parkId: string; periodId: string }, settings: Settings, reader: DocumentFigures = new DocumentFigures(db)): ResolvedDocument {
  return resolveDocument(db, { ...ref, body: requireDocument(db, ref.parkId, ref.periodId).body }, settings, reader);
}

/** The further articles of an issue, checked as the export checks them and resolved as it resolves them. */
export function resolveArticles(db: Db, input: IssueRequest, settings: Settings): ResolvedDocument[] {
  checkIssueArticles(db, input);
  const reader = new DocumentFigures(db);
  return issueDocuments(input)
    .slice(1)
    .map((ref) => resolveSaved(db, ref, settings, reader));
}
