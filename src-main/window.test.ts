// window.ts imports electron at run time; the module is replaced here because under plain Node the
// real one tries to download the Electron binary. These tests prove the wiring: which handlers are
// installed and what they decide. Whether Electron honours them needs a real Electron run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeContents, FakeSession, resetStandIn, standIn, type FakeWindow } from '../test/support/electron-stand-in.ts';
import { appLocation, secureWebPreferences } from './security.ts';

vi.mock('electron', async () => (await import('../test/support/electron-stand-in.ts')).electronModule());

const { createMainWindow, denyAllPermissions, hardenWebContents, WINDOW_TITLE } = await import('./window.ts');

const INDEX = 'app://parkbrief/index.html';
const app = appLocation();

function navEvent(url: string, extra: Record<string, unknown> = {}) {
  return { url, ...extra, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

function hardened() {
  const contents = new FakeContents();
  hardenWebContents(contents as never, app);
  return contents;
}

beforeEach(() => resetStandIn());

describe('hardenWebContents', () => {
  it('lets the app navigate within its own index.html', () => {
    const e = navEvent(INDEX + '#/reports');
    hardened().emit('will-navigate', e);
    expect(e.defaultPrevented).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'file:///opt/ParkBrief/out/renderer/index.html',
    'app://parkbrief/assets/other.html',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,x',
  ])(
    'blocks will-navigate to %s',
    (url) => {
      const e = navEvent(url);
      hardened().emit('will-navigate', e);
      expect(e.defaultPrevented).toBe(true);
    },
  );

  it('sends a clicked https link to the system browser, but never http or file', () => {
    const c = hardened();
    c.emit('will-navigate', navEvent('https://www.stats.gov.cn/'));
    c.emit('will-navigate', navEvent('http://www.stats.gov.cn/'));
    c.emit('will-navigate', navEvent('file:///etc/passwd'));
    expect(standIn.openExternal).toEqual(['https://www.stats.gov.cn/']);
  });

  it('blocks redirects and sub-frame navigations away from the app', () => {
    const c = hardened();
    const redirect = navEvent('https://evil.example/');
    const sub = navEvent('https://evil.example/', { isMainFrame: false });
    c.emit('will-redirect', redirect);
    c.emit('will-frame-navigate', sub);
    expect(redirect.defaultPrevented).toBe(true);
    expect(sub.defaultPrevented).toBe(true);
  });

  it('denies every window.open, opening only https externally', () => {
    const c = hardened();
    expect(c.openHandler?.({ url: INDEX })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(standIn.openExternal).toEqual(['https://example.com/']);
  });

  it.each(['background-tab', 'foreground-tab', 'new-window', 'other'])(
    'denies a new window asked for as %s (a middle click is background-tab)',
    (disposition) => {
      const c = hardened();
      expect(c.openHandler?.({ url: INDEX, disposition } as { url: string })).toEqual({ action: 'deny' });
    },
  );

  it('refuses to attach a <webview>', () => {
    const e = navEvent('');
    hardened().emit('will-attach-webview', e, {}, { src: 'https://evil.example/' });
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const s = new FakeSession();
    denyAllPermissions(s as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      s.requestHandler?.({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(s.checkHandler?.({}, 'media', INDEX, {})).toBe(false);
  });
});

describe('createMainWindow', () => {
  it('builds the window with the secure preferences, hidden until ready, and loads the app', () => {
    createMainWindow({ app, preload: '/opt/ParkBrief/out/preload/index.cjs' });
    const win = standIn.windows[0] as FakeWindow;
    expect(win.options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('园区简报 ParkBrief');
    expect(win.options.show).toBe(false);
    // Exactly the audited preferences: nothing added on the way (webSecurity: false, experimentalFeatures, …).
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/opt/ParkBrief/out/preload/index.cjs'));
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/opt/ParkBrief/out/preload/index.cjs',
    });
    expect(win.loaded).toBe(INDEX);
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    expect(win.webContents.openHandler).not.toBeNull();
    expect(win.webContents.session.requestHandler).not.toBeNull();

    const title = navEvent('');
    win.emit('page-title-updated', title);
    expect(title.defaultPrevented).toBe(true);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});
