import { contract, isMethod, isSessionMethod, type Envelope, type ErrorBody, type Method, type Output, type StoreMethod } from '../../shared/contract.ts';
import { AppError, formatMessage } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { isStoreBusy, storeBusyError } from '../store/busy.ts';
import { handlers } from './handlers/index.ts';
import type { Handler } from './handlers/types.ts';

/**
 * The single entry for every transport: look the method up, validate the input against the
 * contract, run the handler, and answer with an envelope. Nothing a caller sends can make it throw.
 */
export async function dispatch(ctx: CoreContext, method: string, input: unknown): Promise<Envelope<unknown>> {
  // Store-level methods need the session (core/session/dispatch-session.ts); on a bare store they are unknown.
  if (typeof method !== 'string' || !isMethod(method) || isSessionMethod(method)) {
    // String() of a crafted object ({ toString: 1 }) throws; only a string is echoed back.
    return fail('UNKNOWN_METHOD', { method: typeof method === 'string' ? method.slice(0, 100) : `(${typeof method})` });
  }
  const parsed = parseInput(method, input);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[method] as Handler<StoreMethod>;
    const value = await handler(parsed.value as never, ctx);
    return { ok: true, value: value as Output<StoreMethod> };
  } catch (e) {
    return { ok: false, error: toErrorBody(storeBusyError(e, ctx.storePath)) };
  }
}

/** Checks input against the method's schema; a refusal names the first offending field. */
export function parseInput(method: Method, input: unknown): Envelope<unknown> {
  const parsed = contract[method].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? issue.path.join('.') + ': ' : '';
  return fail('INVALID_INPUT', { detail: (where + (issue?.message ?? 'invalid')).slice(0, 300) });
}

function fail(code: 'UNKNOWN_METHOD' | 'INVALID_INPUT', params: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message: formatMessage(code, params), params } };
}

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
