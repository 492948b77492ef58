// The Electron shell's security decisions as plain functions, so they can be tested under Node
// (no Electron binary on the build machines) and cannot be weakened without a test failing.
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-protocol.ts';

/** Where the app's own page lives: app://parkbrief/index.html (app-protocol.ts), or the electron-vite dev server. */
export type AppLocation = { kind: 'app' } | { kind: 'dev'; origin: string };

/** Everything the renderer process may do, fixed here rather than left to Electron's defaults. */
export function secureWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // The built-in spellchecker downloads dictionaries from Google; the app must work offline.
    spellcheck: false,
    preload,
  } as const;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev-server URL electron-vite passes in ELECTRON_RENDERER_URL. Honoured only in an unpackaged
 * run and only on loopback http, so an environment variable can never point a shipped app at
 * remote content.
 */
export function devRendererUrl(envValue: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !envValue) return undefined;
  const u = parse(envValue);
  if (!u || u.protocol !== 'http:' || !LOOPBACK_HOSTS.has(u.hostname)) return undefined;
  return u.href;
}

/** The built renderer on the app:// scheme, unless devUrl (from devRendererUrl) names the dev server. */
export function appLocation(devUrl?: string): AppLocation {
  if (devUrl) {
    const u = parse(devUrl);
    if (u) return { kind: 'dev', origin: u.origin };
  }
  return { kind: 'app' };
}

/** What to hand to BrowserWindow.loadURL. */
export function appStartUrl(app: AppLocation): string {
  return app.kind === 'dev' ? app.origin + '/' : APP_INDEX_URL;
}

/**
 * True only for the app's own page: app://parkbrief/index.html (any query or #route), or the dev
 * server's origin. Every file:// URL is refused: a local HTML file the user downloaded must never
 * get the preload's API. (Node gives a non-special scheme no origin, so host and path are compared.)
 */
export function isAppUrl(url: string, app: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (app.kind === 'dev') return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === app.origin;
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return false;
  return u.pathname === '/index.html' || u.pathname === '/';
}

export function isAllowedNavigation(url: string, app: AppLocation): boolean {
  return isAppUrl(url, app);
}

/**
 * The IPC sender check. A frame can be null when it navigated away or was destroyed before the
 * message was handled; that is refused like a foreign frame.
 */
export function isTrustedSender(frameUrl: string | null | undefined, app: AppLocation): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, app);
}

/** Links the user clicks open in the system browser, but only https: no file:, smb:, custom schemes. */
export function isExternalLinkAllowed(url: string): boolean {
  return parse(url)?.protocol === 'https:';
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
