import { afterAll, describe, expect, it, vi } from 'vitest';
import { openCore } from '../core/session/open-core.ts';
import { appLocation } from '../security.ts';
import { registerRpc, rpcHandler, RPC_CHANNEL } from './register.ts';

const INDEX = 'app://parkbrief/index.html';
const app = appLocation();
const core = openCore(':memory:', { origin: 'app', demoIfNew: false });
afterAll(() => core.db.close());

type Frame = { url: string; parent: unknown };
const top = (url: string): { senderFrame: Frame } => ({ senderFrame: { url, parent: null } });
// The handler only reads url and parent; the cast stands in for Electron's WebFrameMain.
const asEvent = (e: unknown) => e as Parameters<ReturnType<typeof rpcHandler>>[0];

describe('app:rpc handler', () => {
  it('dispatches a call from the app’s own top frame into the core', async () => {
    const handle = rpcHandler(() => core, app);
    const env = await handle(asEvent(top(INDEX + '#/parks')), 'app.info', {});
    expect(env.ok).toBe(true);
  });

  it('passes the method and input through unchanged', async () => {
    const run = vi.fn(async () => ({ ok: true as const, value: 42 }));
    const handle = rpcHandler(() => core, app, run);
    await handle(asEvent(top(INDEX)), 'parks.list', { a: 1 });
    expect(run).toHaveBeenCalledWith(core, 'parks.list', { a: 1 });
  });

  it.each([
    ['a foreign https page', top('https://evil.example/')],
    ['a local HTML file elsewhere', top('file:///home/user/Downloads/index.html')],
    ['the built index.html opened as a file', top('file:///opt/ParkBrief/out/renderer/index.html')],
    ['a data: URL', top('data:text/html,hi')],
    ['a destroyed frame', { senderFrame: null }],
    ['an iframe inside the app page', { senderFrame: { url: INDEX, parent: { url: INDEX } } }],
  ])('refuses %s with FORBIDDEN and never reaches dispatch', async (_what, event) => {
    const run = vi.fn();
    const handle = rpcHandler(() => core, app, run);
    const env = await handle(asEvent(event), 'parks.list', {});
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('FORBIDDEN');
      expect(env.error.message).toMatch(/^拒绝访问/);
      expect(env.error.message).not.toContain('evil.example');
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('judges the frame that sent the message, not the window holding it', async () => {
    const run = vi.fn();
    // An iframe or a navigated frame in our own window: the window's URL is the app's, the sender's is not.
    const event = { sender: { getURL: () => INDEX }, senderFrame: { url: 'https://evil.example/', parent: null } };
    const env = await rpcHandler(() => core, app, run)(asEvent(event), 'parks.list', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('in a development run, refuses the built app:// page (only the dev server is the app)', async () => {
    const run = vi.fn();
    const dev = appLocation('http://localhost:5173/');
    const env = await rpcHandler(() => core, dev, run)(asEvent(top(INDEX)), 'parks.list', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers a non-string method with an envelope, not a throw', async () => {
    const env = await rpcHandler(() => core, app)(asEvent(top(INDEX)), { toString: 1 }, {});
    expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('registerRpc', () => {
  it('registers exactly one channel, app:rpc, and can remove it', () => {
    const handle = vi.fn();
    const removeHandler = vi.fn();
    const unregister = registerRpc({ handle, removeHandler } as never, () => core, app);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]?.[0]).toBe(RPC_CHANNEL);
    expect(RPC_CHANNEL).toBe('app:rpc');
    unregister();
    expect(removeHandler).toHaveBeenCalledWith('app:rpc');
  });
});
