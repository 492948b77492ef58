// The Electron shell's security decisions as plain functions, so they can be tested under Node
// (no Electron binary on the build machines) and cannot be weakened without a test failing.

/** Where the app's own page lives: the built index.html, or the electron-vite dev server. */
export type AppLocation = { kind: 'file'; indexUrl: string } | { kind: 'dev'; origin: string };

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

/** indexFileUrl is the file:// URL of out/renderer/index.html (pathToFileURL(...).href). */
export function appLocation(indexFileUrl: string, devUrl?: string): AppLocation {
  if (devUrl) {
    const u = parse(devUrl);
    if (u) return { kind: 'dev', origin: u.origin };
  }
  return { kind: 'file', indexUrl: indexFileUrl };
}

/** What to hand to BrowserWindow.loadURL / loadFile. */
export function appStartUrl(app: AppLocation): string {
  return app.kind === 'dev' ? app.origin + '/' : app.indexUrl;
}

/**
 * True only for the app's own page: the exact index.html file (any query or #route), or the dev
 * server's origin. file:// elsewhere is refused because a local HTML file the user downloaded must
 * never get the preload's API.
 */
export function isAppUrl(url: string, app: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (app.kind === 'dev') return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === app.origin;
  const own = parse(app.indexUrl);
  if (!own || u.protocol !== 'file:' || u.host !== own.host) return false;
  return samePath(u.pathname, own.pathname);
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

function samePath(a: string, b: string): boolean {
  const da = safeDecode(a);
  const db = safeDecode(b);
  if (da === undefined || db === undefined) return false;
  // Windows paths (/C:/…) are case-insensitive; Chromium and pathToFileURL may disagree on case.
  if (/^\/[A-Za-z]:\//.test(db)) return da.toLowerCase() === db.toLowerCase();
  return da === db;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
