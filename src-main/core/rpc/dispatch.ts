import { z } from 'zod';
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

const ZH_ISSUES = z.locales.zhCN().localeError;
const EN_ISSUES = z.locales.en().localeError;
/** Type names zod's Chinese wording leaves in English ("期望 number"). */
const ZH_TYPES: Record<string, string> = { number: '数字', string: '字符串', boolean: '布尔值', object: '对象', array: '数组', bigint: '整数', date: '日期', undefined: '空值', null: '空值', int: '整数' };

/**
 * Checks input against the method's schema; a refusal names the first offending field, worded in
 * both languages (zod's own locales), so the Chinese message holds no English sentence.
 */
export function parseInput(method: Method, input: unknown): Envelope<unknown> {
  const schema = contract[method].input;
  const parsed = schema.safeParse(input ?? {}, { error: ZH_ISSUES });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const issueEn = schema.safeParse(input ?? {}, { error: EN_ISSUES }).error?.issues[0];
  const where = issue && issue.path.length ? issue.path.join('.') + ': ' : '';
  const zh = (issue?.message ?? '无效').replace(/\b(number|string|boolean|object|array|bigint|date|undefined|null|int)\b/g, (w) => ZH_TYPES[w] ?? w);
  return fail('INVALID_INPUT', { detail: (where + zh).slice(0, 300), detailEn: (where + (issueEn?.message ?? 'invalid')).slice(0, 300) });
}

function fail(code: 'UNKNOWN_METHOD' | 'INVALID_INPUT', params: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message: formatMessage(code, params), params } };
}
