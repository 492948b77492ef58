// RpcError bodies carry a code and params; the renderer words them in the user's language rather
// than showing the core's Chinese message.
import { MESSAGES, formatMessage, technicalLine, type ErrorCode, type ErrorParams, type Locale } from '../../../src-main/shared/errors.ts';
import { parsePeriodKey, periodLabel } from '../../../src-main/shared/period-key.ts';
import { RpcError } from '../bridge/index.ts';
import type { ErrorBody } from '../../../src-main/shared/contract.ts';

export function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}

/** Document messages carry the period as a key (2017, 2018M1-4); the reader sees its label. */
const PERIOD_AS_LABEL = new Set(['DOCUMENT_NOT_FOUND', 'DOCUMENT_NO_PREVIOUS', 'DOCUMENT_EXISTS', 'DOCUMENT_STALE']);

function localParams(code: string, params: ErrorParams, locale: Locale): ErrorParams {
  const parts = PERIOD_AS_LABEL.has(code) && typeof params.period === 'string' ? parsePeriodKey(params.period) : null;
  return parts ? { ...params, period: periodLabel(parts, locale) } : params;
}

export function messageFor(code: string, params: ErrorParams | undefined, fallback: string, locale: Locale): string {
  return isKnownCode(code) ? formatMessage(code, localParams(code, params ?? {}, locale), locale) : fallback;
}

export type ErrorDetailBody = NonNullable<ErrorBody['details']>[number];

export function detailMessage(d: ErrorDetailBody, locale: Locale): string {
  return messageFor(d.code, d.params, d.message, locale);
}

export function isOffline(e: unknown): boolean {
  return e instanceof RpcError && e.body.code === 'OFFLINE';
}

/**
 * The text of a banner or a dialog's error; offline is worded by the caller (it needs an i18n key,
 * not a core code). A technical detail (SQLite's or the system's words) follows on a line of its own
 * (the places that show it keep line breaks: white-space: pre-line).
 */
export function errorText(e: unknown, locale: Locale): string {
  if (e instanceof RpcError) {
    const text = messageFor(e.body.code, e.body.params, e.body.message, locale);
    const technical = technicalLine(e.body.code, e.body.params, locale);
    return technical ? `${text}\n${technical}` : text;
  }
  return e instanceof Error ? e.message : String(e);
}
