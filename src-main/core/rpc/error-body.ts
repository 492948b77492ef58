import type { ErrorBody } from '../../shared/contract.ts';
import { AppError, formatMessage } from '../../shared/errors.ts';
import { isStoreBusy, storeBusyError } from '../store/busy.ts';

/**
 * Any error as the envelope's error body: an AppError keeps its code, params and per-field
 * details; anything else is INTERNAL. Its own module, not dispatch's: the CLI and the session
 * word errors too, and must not load every handler to do so.
 */
export function toErrorBody(e: unknown): ErrorBody {
  if (e instanceof AppError) {
    const body: ErrorBody = { code: e.code, message: e.message, params: e.params };
    if (e.details) body.details = e.details;
    return body;
  }
  // Callers that know the store name it first (storeBusyError); this is the last resort.
  if (isStoreBusy(e)) return toErrorBody(storeBusyError(e, '?'));
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: formatMessage('INTERNAL', { detail }), params: { detail } };
}
