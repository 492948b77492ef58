// The Electron shell: lifecycle, single-instance lock, the store, one IPC channel, one window.
// Everything else is the Node core, reached only through dispatch().
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CoreContext } from './core/context.ts';
import { openCore } from './core/store/core.ts';
import { electronHost } from './host/electron-host.ts';
import { registerRpc } from './ipc/register.ts';
import { aboutDetail, menuTemplate } from './menu.ts';
import { resolveStorePath, storeOpenErrorMessage } from './paths-electron.ts';
import { appLocation, devRendererUrl } from './security.ts';
import { createMainWindow, WINDOW_TITLE } from './window.ts';

// userData is pinned to <appData>/ParkBrief whatever the packager calls the executable, so the
// app and the CLI (core/paths.ts, computed without Electron) always find the same store.
// PARKBRIEF_USER_DATA lets end-to-end tests give each Electron instance its own profile and lock.
app.setName('ParkBrief');
// A packaged app keeps resources/ (demo articles, photos) beside the asar, where the core's
// resourcesDir() cannot find it from its own location.
if (app.isPackaged) process.env.PARKBRIEF_RESOURCES ??= join(process.resourcesPath, 'resources');
app.setPath('userData', process.env.PARKBRIEF_USER_DATA?.trim() || join(app.getPath('appData'), 'ParkBrief'));

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const location = appLocation(
  pathToFileURL(resolve(here, '../renderer/index.html')).href,
  devRendererUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged),
);
const preload = resolve(here, '../preload/index.cjs');

let core: CoreContext | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (second-instance below) instead of opening the store twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    // Closing folds the WAL back into the store file, so the user's one file is complete on disk.
    core?.db.close();
    core = null;
  });
  app.whenReady().then(start).catch(fail);
}

function start(): void {
  const storePath = resolveStorePath(process.env.PARKBRIEF_DB, app.getPath('userData'));
  try {
    core = {
      ...openCore(storePath, { origin: 'app', demoIfNew: true }),
      host: electronHost({ dialog, shell, window: () => mainWindow, documentsDir: () => app.getPath('documents') }),
    };
  } catch (e) {
    // Never replace or "repair" the file: a store from a newer version or a damaged one is the
    // user's data. Say why and leave it untouched.
    dialog.showErrorBox('园区简报无法打开数据库', storeOpenErrorMessage(e, storePath));
    app.exit(1);
    return;
  }
  registerRpc(ipcMain, currentCore, location);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isPackaged: app.isPackaged, platform: process.platform, onAbout: () => showAbout(storePath) }),
    ),
  );
  openWindow();
}

function currentCore(): CoreContext {
  if (!core) throw new Error('the store is closed');
  return core;
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
