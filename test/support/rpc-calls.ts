// Test support: calls through the one dispatch (the contract every front uses), for tests that
// drive the core as the UI would. `call` wants an answer; `refused` wants a refusal.
import type { CoreContext } from '../../src-main/core/context.ts';
import { dispatch } from '../../src-main/core/rpc/dispatch.ts';
import type { ErrorBody } from '../../src-main/shared/contract.ts';

export async function callOk<T = unknown>(ctx: CoreContext, method: string, input: unknown = {}): Promise<T> {
  const r = await dispatch(ctx, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** A refusal is a worded answer; an INTERNAL one is a bug the test must not take for a refusal. */
export async function callRefused(ctx: CoreContext, method: string, input: unknown = {}): Promise<ErrorBody> {
  const r = await dispatch(ctx, method, input);
  if (r.ok) throw new Error(`${method} was applied; expected a refusal`);
  if (r.error.code === 'INTERNAL') throw new Error(`${method}: INTERNAL ${r.error.message}`);
  return r.error;
}

/** Both, bound to a store whose context may be reopened between calls. */
export function rpcCalls(ctx: () => CoreContext) {
  return {
    call: <T = unknown>(method: string, input: unknown = {}) => callOk<T>(ctx(), method, input),
    refused: (method: string, input: unknown = {}) => callRefused(ctx(), method, input),
  };
}
