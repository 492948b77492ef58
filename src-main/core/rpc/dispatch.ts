import { contract, isMethod, isSessionMethod, type Envelope, type Method, type Output, type StoreMethod } from '../../shared/contract.ts';
import { formatMessage } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { storeBusyError } from '../store/busy.ts';
import { toErrorBody } from './error-body.ts';
import { handlerFor } from './handlers/index.ts';

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
    const handler = await handlerFor(method);
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
