// One app instance per user profile: the store is one SQLite file, and a second launch (a double
// click on the icon, opening the app from the start menu again) must bring the running window
// forward instead of starting a second process on the same store. Only types come from electron,
// so the wiring is tested under plain Node with fakes.
import type { App, BrowserWindow } from 'electron';

export type InstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;
export type MainWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'once'>;

/**
 * Takes the single-instance lock. Returns false when another instance holds it: this one quits
 * and the caller must not open the store or a window. Returns true for the first instance, which
 * from then on answers every later launch by bringing mainWindow() forward.
 */
export function holdSingleInstance(app: InstanceApp, mainWindow: () => MainWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // A launch while the first instance is still opening its store (a large or migrating one) finds
  // no window yet: the window created next is focused once it shows.
  let pending = false;
  app.on('second-instance', () => {
    const win = mainWindow();
    if (win && !win.isDestroyed()) bringForward(win);
    else pending = true;
  });
  app.on('browser-window-created', (_event, win) => {
    if (!pending) return;
    pending = false;
    win.once('show', () => {
      if (!win.isDestroyed()) win.focus();
    });
  });
  return true;
}

function bringForward(win: MainWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
