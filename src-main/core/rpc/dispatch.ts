import { contract, isMethod, type Envelope, type ErrorBody, type Method, type Output } from '../../shared/contract.ts';
import { AppError, formatMessage } from '../../shared/errors.ts';
import type { CoreContext } from '../context.ts';
import { handlers } from './handlers/index.ts';
import type { Handler } from './handlers/types.ts';

/**
 * The single entry for every transport: look the method up, validate the input against the
 * contract, run the handler, and answer with an envelope. Nothing a caller sends can make it throw.
 */
export async function dispatch(ctx: CoreContext, method: string, input: unknown): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !isMethod(method)) {
    // String() of a crafted object ({ toString: 1 }) throws; only a string is echoed back.
    return fail('UNKNOWN_METHOD', { method: typeof method === 'string' ? method.slice(0, 100) : `(${typeof method})` });
  }
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') + ': ' : '';
    return fail('INVALID_INPUT', { detail: (where + (issue?.message ?? 'invalid')).slice(0, 300) });
  }
  try {
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(parsed.data as never, ctx);
    return { ok: true, value: value as Output<Method> };
  } catch (e) {
    return { ok: false, error: toErrorBody(e) };
  }
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
  const sqliteCode = (e as { code?: unknown })?.code;
  if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') {
    const params = { detail: String(sqliteCode) };
    return { code: 'STORE_BUSY', message: formatMessage('STORE_BUSY', params), params };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: formatMessage('INTERNAL', { detail }), params: { detail } };
}
