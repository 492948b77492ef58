import { isSessionMethod, type Envelope, type Input, type Output, type SessionMethod } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { dispatch, parseInput } from '../rpc/dispatch.ts';
import { toErrorBody } from '../rpc/error-body.ts';
import type { StoreSession } from './store-session.ts';

type SessionHandlers = { [M in SessionMethod]: (input: Input<M>, session: StoreSession) => Output<M> | Promise<Output<M>> };

const sessionHandlers: SessionHandlers = {
  'store.status': (_input, s) => s.status(),
  'backups.list': (_input, s) => s.backups(),
  'backups.create': (_input, s) => s.backupNow(),
  'backups.cancel': (_input, s) => ({ cancelled: s.cancelTask() }),
  'backups.restore': (input, s) => s.restore(input.name),
  'recovery.salvage': (_input, s) => s.salvage(),
  'recovery.startFresh': (_input, s) => s.startFresh(),
};

/**
 * What the transports call: store-level methods go to the session, every other method to
 * dispatch() on the open store — or, while the store is in recovery, to an error that says so.
 */
export async function dispatchSession(session: StoreSession, method: string, input: unknown): Promise<Envelope<unknown>> {
  if (typeof method === 'string' && isSessionMethod(method)) {
    const parsed = parseInput(method, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = sessionHandlers[method] as (i: unknown, s: StoreSession) => unknown;
      return { ok: true, value: await handler(parsed.value, session) };
    } catch (e) {
      return { ok: false, error: toErrorBody(e) };
    }
  }
  await session.settled();
  const ctx = session.current();
  if (!ctx) return { ok: false, error: toErrorBody(new AppError('STORE_NOT_OPEN', { path: session.storePath })) };
  return dispatch(ctx, method, input);
}
