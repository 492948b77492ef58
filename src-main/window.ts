import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { appStartUrl, isAllowedNavigation, isExternalLinkAllowed, secureWebPreferences, type AppLocation } from './security.ts';

export const WINDOW_TITLE = '园区简报 ParkBrief';

export interface MainWindowOptions {
  app: AppLocation;
  /** Absolute path of out/preload/index.cjs. */
  preload: string;
}

export function createMainWindow({ app, preload }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so the user never sees an empty white frame while React mounts.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload),
  });
  hardenWebContents(win.webContents, app);
  denyAllPermissions(win.webContents.session);

  win.once('ready-to-show', () => win.show());
  // A page that fails to load never becomes ready-to-show; show it anyway rather than a ghost process.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  // The title is the product's, not whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault());

  win.loadURL(appStartUrl(app)).catch((e: unknown) => {
    console.error('[parkbrief] could not load the renderer:', e);
  });
  return win;
}

/**
 * The page may only ever be our own index.html: every way to leave it (link, redirect, window.open,
 * <webview>) is refused. https links the user clicks go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, app: AppLocation): void {
  const guard = (event: { url: string; preventDefault: () => void }) => {
    if (isAllowedNavigation(event.url, app)) return;
    event.preventDefault();
    openExternally(event.url);
  };
  contents.on('will-navigate', guard);
  // Sub-frames only: the main frame is will-navigate's, which also sends https links outside.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAllowedNavigation(event.url, app)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, app)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Camera, microphone, geolocation, notifications, …: a statistics desk app needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function openExternally(url: string): void {
  if (!isExternalLinkAllowed(url)) return;
  shell.openExternal(url).catch((e: unknown) => console.error('[parkbrief] could not open link:', e));
}
