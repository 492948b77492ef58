// The renderer's one way to the core: call(method, input). Under Electron the preload exposes
// window.parkbrief.invoke (one IPC channel); in browser mode the same envelope comes from
// POST /rpc/:method on the loopback host, authorised by the per-launch token.
import type { Envelope, ErrorBody, Input, Method, Output } from '../../../src-main/shared/contract.ts';

export interface PreloadApi {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    parkbrief?: PreloadApi;
  }
}

export class RpcError extends Error {
  readonly body: ErrorBody;
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.body = body;
  }
}

const TOKEN_KEY = 'parkbrief.token';

/** Browser mode: the URL printed by `parkbrief serve` carries ?token=…; keep it for reloads, hide it from the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

async function httpInvoke(method: string, input: unknown): Promise<Envelope<unknown>> {
  token ??= browserToken();
  let res: Response;
  const body = JSON.stringify(input ?? {});
  const send = (keepalive: boolean) =>
    fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parkbrief-token': token! },
      body,
      keepalive,
    });
  try {
    // keepalive lets a save sent as the tab closes outlive the page. Browsers refuse it (TypeError)
    // once the keepalive requests in flight pass 64 KB; then the request goes as an ordinary one.
    const small = new TextEncoder().encode(body).length < 60_000;
    res = small ? await send(true).catch((e: unknown) => (e instanceof TypeError ? send(false) : Promise.reject(e))) : await send(false);
  } catch (e) {
    return { ok: false, error: { code: 'OFFLINE', message: `无法连接 ParkBrief 服务：${(e as Error).message}` } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
  }
}

export function transport(): 'electron' | 'http' {
  return window.parkbrief ? 'electron' : 'http';
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const env = window.parkbrief ? await window.parkbrief.invoke(method, input) : await httpInvoke(method, input);
  if (!env.ok) throw new RpcError(env.error);
  return env.value as Output<M>;
}
