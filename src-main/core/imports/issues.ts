// Errors and warnings of an import: a code and params (worded in either language by errors.ts) and
// the place in the user's file, so every message says where to look: 工作表「填报」第12行 D列.

import { formatMessage, type ErrorCode, type ErrorParams, type Locale } from '../../shared/errors.ts';
import type { CellPlace, ImportIssue } from '../../shared/tables.ts';
import { columnNumber } from './xlsx-read.ts';

/** How many of each are kept for the preview; the counts stay exact. */
export const MAX_LISTED_ISSUES = 200;

export function placeText(place: CellPlace | null, locale: Locale = 'zh-CN'): string {
  if (!place) return '';
  if (locale === 'en') {
    return [`sheet "${place.sheet}"`, place.row === undefined ? '' : `row ${place.row}`, place.column ? `column ${place.column}` : ''].filter(Boolean).join(', ');
  }
  return `工作表「${place.sheet}」${place.row === undefined ? '' : `第${place.row}行`}${place.column ? ` ${place.column}列` : ''}`;
}

/** The issue in a language: its place, then the reason. */
export function issueText(issue: Pick<ImportIssue, 'code' | 'params' | 'place'>, locale: Locale = 'zh-CN'): string {
  const reason = formatMessage(issue.code as ErrorCode, issue.params, locale);
  const where = placeText(issue.place, locale);
  return where ? `${where}${locale === 'en' ? ': ' : '：'}${reason}` : reason;
}

export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  errorCount = 0;
  warningCount = 0;

  error(code: ErrorCode, params: ErrorParams, place: CellPlace | null): void {
    this.errorCount++;
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push(make(code, params, place));
  }

  warn(code: ErrorCode, params: ErrorParams, place: CellPlace | null): void {
    this.warningCount++;
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push(make(code, params, place));
  }

  /** In reading order — sheet by sheet as first met, then row and column — whichever pass found them. */
  sort(): void {
    const sheets = new Map<string, number>();
    for (const i of [...this.errors, ...this.warnings]) if (i.place && !sheets.has(i.place.sheet)) sheets.set(i.place.sheet, sheets.size);
    const key = (i: ImportIssue): [number, number, number] => {
      const p = i.place;
      if (!p) return [-1, 0, 0];
      return [sheets.get(p.sheet)!, p.row ?? 0, p.column ? columnNumber(p.column) : 0];
    };
    const cmp = (a: ImportIssue, b: ImportIssue) => {
      const x = key(a);
      const y = key(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    };
    this.errors.sort(cmp);
    this.warnings.sort(cmp);
  }
}

function make(code: ErrorCode, params: ErrorParams, place: CellPlace | null): ImportIssue {
  return { code, params, place, message: issueText({ code, params, place }) };
}

/** A problem that stops reading the file at all (not a workbook, no header …): nothing is written. */
export class FatalImport extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly place: CellPlace | null;
  constructor(code: ErrorCode, params: ErrorParams = {}, place: CellPlace | null = null) {
    super(code);
    this.code = code;
    this.params = params;
    this.place = place;
  }
}
