// The Electron shell: lifecycle, single-instance lock, the store, one IPC channel, one window.
// Everything else is the Node core, reached only through dispatch().
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol.ts';
import { dispatchSession } from './core/session/dispatch-session.ts';
import { StoreSession } from './core/session/store-session.ts';
import { runExportsInChildProcesses } from './core/jobs/place.ts';
import { electronHost } from './host/electron-host.ts';
import { utilityJobChild } from './host/utility-job-child.ts';
import { registerRpc } from './ipc/register.ts';
import { aboutDetail, menuTemplate } from './menu.ts';
import { appFiles, locateResources, resolveStorePath, startupError } from './paths-electron.ts';
import { appLocation, devRendererUrl } from './security.ts';
import { holdSingleInstance } from './single-instance.ts';
import { createMainWindow, WINDOW_TITLE } from './window.ts';

// userData is pinned to <appData>/ParkBrief whatever the packager calls the executable, so the
// app and the CLI (core/paths.ts, computed without Electron) always find the same store.
// PARKBRIEF_USER_DATA lets end-to-end tests give each Electron instance its own profile and lock.
app.setName('ParkBrief');
app.setPath('userData', process.env.PARKBRIEF_USER_DATA?.trim() || join(app.getPath('appData'), 'ParkBrief'));
// The renderer's own scheme must be declared before the app is ready (app-protocol.ts says why).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// The app folder: the project folder in development (`electron .`), app.asar when packaged.
const { rendererDir, preload } = appFiles(app.getAppPath());
const location = appLocation(devRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged));

let session: StoreSession | null = null;
let mainWindow: BrowserWindow | null = null;

// A second launch hands over to the first (which comes forward) instead of opening the store twice.
if (holdSingleInstance(app, () => mainWindow)) {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (session && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    // Closing folds the WAL back into the store file, so the user's one file is complete on disk.
    session?.close();
    session = null;
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  // Exports run in a process of their own at low priority (core/jobs/place.ts); in the app that is a utilityProcess.
  runExportsInChildProcesses(utilityJobChild((path, args, options) => utilityProcess.fork(path, args, options)));
  const storePath = resolveStorePath(process.env.PARKBRIEF_DB, app.getPath('userData'));
  try {
    // Found before the store is opened: a new store is filled from the demo articles, and a
    // missing file must be reported as a broken installation, not as a database error.
    process.env.PARKBRIEF_RESOURCES = locateResources({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      env: process.env,
    });
    // A damaged, foreign or too-new store does not stop here: the session stays in recovery and the
    // window shows the recovery screen (restore a backup, salvage, start fresh). The file is never
    // replaced or "repaired" behind the user's back.
    // The window opens while the store is checked and backed up in a worker, and shows that
    // progress; a big store no longer keeps the user waiting without a window.
    session = StoreSession.start(storePath, {
      origin: 'app',
      demoIfNew: true,
      host: electronHost({ dialog, shell, window: () => mainWindow, documentsDir: () => app.getPath('documents') }),
    });
  } catch (e) {
    startupFailed(e, storePath);
    return;
  }
  session.opened.catch((e: unknown) => startupFailed(e, storePath));
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
  registerRpc(ipcMain, currentSession, location, dispatchSession);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isPackaged: app.isPackaged, platform: process.platform, onAbout: () => showAbout(storePath) }),
    ),
  );
  openWindow();
}

function startupFailed(e: unknown, storePath: string): void {
  const { title, content } = startupError(e, storePath);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

function currentSession(): StoreSession {
  if (!session) throw new Error('the store is closed');
  return session;
}

function openWindow(): void {
  mainWindow = createMainWindow({ app: location, preload });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function showAbout(storePath: string): void {
  const options = {
    type: 'info' as const,
    title: '关于',
    message: WINDOW_TITLE,
    detail: aboutDetail(app.getVersion(), storePath),
    buttons: ['确定'],
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

function fail(e: unknown): void {
  dialog.showErrorBox('园区简报无法启动', e instanceof Error ? e.message : String(e));
  app.exit(1);
}
