// The preload runs only inside Electron; here electron is replaced to check what it hands the page.
import { describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async () => ({ ok: true, value: 1 })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => m.exposed.set(key, api) },
  ipcRenderer: { invoke: m.invoke, on: vi.fn(), send: vi.fn() },
}));

await import('./index.ts');

describe('preload', () => {
  it('exposes exactly one object, window.parkbrief, with exactly one function, invoke', () => {
    expect([...m.exposed.keys()]).toEqual(['parkbrief']);
    const api = m.exposed.get('parkbrief') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('never hands ipcRenderer (or any of its methods) to the page', () => {
    const api = m.exposed.get('parkbrief') as Record<string, unknown>;
    for (const v of Object.values(api)) expect(v).not.toBe(m.invoke);
  });

  it('forwards invoke(method, input) on the app:rpc channel only', async () => {
    const api = m.exposed.get('parkbrief') as { invoke: (method: string, input: unknown) => Promise<unknown> };
    await expect(api.invoke('parks.list', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(m.invoke).toHaveBeenCalledWith('app:rpc', 'parks.list', {});
  });
});
