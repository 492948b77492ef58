// A stand-in for the electron module, for the shell's tests under plain Node (the real module
// downloads the Electron binary when loaded). It records what the code under test asks of
// Electron; it decides nothing. Use it as
//   vi.mock('electron', async () => (await import('…/test/support/electron-stand-in.ts')).electronModule());
// and inspect or configure `standIn` (reset it with resetStandIn() between tests).
import { EventEmitter } from 'node:events';

export class FakeSession {
  requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(h: FakeSession['requestHandler']) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['checkHandler']) {
    this.checkHandler = h;
  }
}

export class FakeContents extends EventEmitter {
  session = new FakeSession();
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: FakeContents['openHandler']) {
    this.openHandler = h;
  }
}

export class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  options: { title: string; show: boolean; webPreferences: Record<string, unknown> };
  loaded: string | undefined;
  shown = false;
  constructor(options: FakeWindow['options']) {
    super();
    this.options = options;
    standIn.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isDestroyed() {
    return false;
  }
  isVisible() {
    return this.shown;
  }
  static getAllWindows() {
    return standIn.windows;
  }
}

type Handler = (request: Request) => Promise<Response>;

export interface StandIn {
  windows: FakeWindow[];
  /** What app.isPackaged, app.getAppPath() and process.resourcesPath say. */
  isPackaged: boolean;
  appPath: string;
  appData: string;
  paths: Record<string, string>;
  errorBoxes: { title: string; content: string }[];
  exitCodes: number[];
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, Handler>;
  /** Each call that must come before app 'ready', in order, with whether the app was ready. */
  calls: string[];
  ready: boolean;
  ipcHandlers: Map<string, unknown>;
  openExternal: string[];
}

// On globalThis: a test that re-imports the code under test (vi.resetModules) also re-evaluates
// this module inside the electron mock, and both copies must record into the same place.
const holder = globalThis as { parkbriefElectronStandIn?: StandIn };
export const standIn: StandIn = (holder.parkbriefElectronStandIn ??= emptyStandIn());

function emptyStandIn(): StandIn {
  return {
    windows: [],
    isPackaged: false,
    appPath: '',
    appData: '',
    paths: {},
    errorBoxes: [],
    exitCodes: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    calls: [],
    ready: false,
    ipcHandlers: new Map(),
    openExternal: [],
  };
}

export function resetStandIn(): void {
  Object.assign(standIn, emptyStandIn());
}

/** The electron module's exports, as far as the shell uses them. */
export function electronModule() {
  const appEvents = new EventEmitter();
  const app = Object.assign(appEvents, {
    get isPackaged() {
      return standIn.isPackaged;
    },
    setName: (name: string) => void standIn.calls.push(`setName ${name}`),
    getName: () => 'ParkBrief',
    getVersion: () => '0.0.0-stand-in',
    getAppPath: () => standIn.appPath,
    getPath: (name: string) => standIn.paths[name] ?? (name === 'appData' ? standIn.appData : `${standIn.appData}/${name}`),
    setPath: (name: string, value: string) => void (standIn.paths[name] = value),
    requestSingleInstanceLock: () => true,
    quit: () => void standIn.calls.push('quit'),
    exit: (code = 0) => void standIn.exitCodes.push(code),
    whenReady: () => {
      standIn.ready = true;
      return Promise.resolve();
    },
  });
  return {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title: string, content: string) => void standIn.errorBoxes.push({ title, content }),
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, h: unknown) => void standIn.ipcHandlers.set(channel, h),
      removeHandler: (channel: string) => void standIn.ipcHandlers.delete(channel),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    shell: {
      openExternal: async (url: string) => void standIn.openExternal.push(url),
      openPath: async () => '',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        standIn.calls.push(`registerSchemesAsPrivileged ready=${standIn.ready}`);
        standIn.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: Handler) => void standIn.protocolHandlers.set(scheme, handler),
    },
  };
}
