// The one IPC channel. ipcMain is passed in (only its type is imported) so the sender check can be
// tested under plain Node, where the electron module cannot load.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { CoreContext } from '../core/context.ts';
import { dispatch } from '../core/rpc/dispatch.ts';
import { toErrorBody } from '../core/rpc/error-body.ts';
import type { Envelope } from '../shared/contract.ts';
import { formatMessage } from '../shared/errors.ts';
import { isTrustedSender, type AppLocation } from '../security.ts';

export const RPC_CHANNEL = 'app:rpc';

/** dispatch() on one store, or dispatchSession() on the app's store session (recovery, restore). */
type Dispatch<C> = (ctx: C, method: string, input: unknown) => Promise<Envelope<unknown>>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export function rpcHandler<C = CoreContext>(getCtx: () => C, app: AppLocation, run: Dispatch<C> = dispatch as unknown as Dispatch<C>) {
  return async (event: SenderEvent, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const frame = event.senderFrame;
    // Only the top frame of our own page: an iframe, even a same-origin one, has no business here.
    if (!frame || frame.parent !== null || !isTrustedSender(frame.url, app)) {
      return forbidden(frame?.url);
    }
    let ctx: C;
    try {
      ctx = getCtx();
    } catch (e) {
      // The store is already closed while the app quits: still answer with an envelope.
      return { ok: false, error: toErrorBody(e) };
    }
    // Anything but a string becomes '' (unknown method): String() on a crafted object can throw.
    return run(ctx, typeof method === 'string' ? method : '', input);
  };
}

export function registerRpc<C = CoreContext>(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  getCtx: () => C,
  app: AppLocation,
  run: Dispatch<C> = dispatch as unknown as Dispatch<C>,
): () => void {
  ipcMain.handle(RPC_CHANNEL, rpcHandler(getCtx, app, run));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

function forbidden(url: string | undefined): Envelope<never> {
  // Name the scheme only: the full URL of a foreign page is not ours to echo back or log.
  const detail = `IPC from an untrusted frame (${url ? url.split(':')[0] : 'none'})`;
  const params = { detail };
  return { ok: false, error: { code: 'FORBIDDEN', message: formatMessage('FORBIDDEN', params), params } };
}
