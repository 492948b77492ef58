// The main process (index.ts) started against the electron stand-in in the three layouts it meets:
// a packaged app laid out as electron-builder lays it out (resources/ beside app.asar, as
// extraResources puts it), the project folder in development, and a packaged app whose resources
// are missing. What Electron itself does with the window is for the `electron` Playwright project.
import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME } from './app-protocol.ts';
import { resetStandIn, standIn } from '../test/support/electron-stand-in.ts';
import { formatMessage } from './shared/errors.ts';

vi.mock('electron', async () => (await import('../test/support/electron-stand-in.ts')).electronModule());

const REPO_RESOURCES = resolve(import.meta.dirname, '../resources');
const ENV_KEYS = ['PARKBRIEF_DB', 'PARKBRIEF_RESOURCES', 'PARKBRIEF_USER_DATA', 'ELECTRON_RENDERER_URL'] as const;
const MARK = '打包布局测试标题';

let dir = '';
let savedEnv: Record<string, string | undefined> = {};

beforeEach(() => {
  resetStandIn();
  vi.resetModules();
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-main-'));
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  process.env.PARKBRIEF_DB = join(dir, 'store.sqlite');
  standIn.appData = join(dir, 'appData');
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  delete (process as { resourcesPath?: string }).resourcesPath;
  rmSync(dir, { recursive: true, force: true });
});

/** An app folder: package.json and the built renderer and preload (stand-ins of a few bytes). */
function layAppFolder(appPath: string): void {
  mkdirSync(join(appPath, 'out', 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(appPath, 'out', 'preload'), { recursive: true });
  writeFileSync(join(appPath, 'package.json'), JSON.stringify({ name: 'parkbrief', version: '0.1.0' }));
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), `<!doctype html><title>${MARK}</title>`);
  writeFileSync(join(appPath, 'out', 'preload', 'index.cjs'), '');
}

/** resources/ copied, with the magazine demo article retitled so the store shows which copy was read. */
function layResources(target: string): void {
  cpSync(REPO_RESOURCES, target, { recursive: true });
  const article = join(target, 'demo', 'documents', 'chuxiong-2022.json');
  const json = JSON.parse(readFileSync(article, 'utf8')) as { body: { title: string } };
  json.body.title = MARK;
  writeFileSync(article, JSON.stringify(json));
}

/**
 * electron-builder's layout on Windows and Linux (<install>/resources/app.asar, extraResources in
 * <install>/resources/resources). app.asar is a folder here: under Node there is no asar reader,
 * and the main process only ever joins paths onto it.
 */
function layPackagedApp(withResources: boolean): { resourcesPath: string; asar: string } {
  const resourcesPath = join(dir, 'ParkBrief', 'resources');
  const asar = join(resourcesPath, 'app.asar');
  layAppFolder(asar);
  if (withResources) layResources(join(resourcesPath, 'resources'));
  return { resourcesPath, asar };
}

/**
 * Runs index.ts to the end of its start-up: a window, or an error box. The window opens while the
 * store is still checked and opened (StoreSession.start): a test of the store waits for it.
 */
async function startMainProcess(): Promise<void> {
  await import('./index.ts');
  await vi.waitFor(() => expect(standIn.windows.length + standIn.errorBoxes.length).toBeGreaterThan(0), { timeout: 10_000 });
}

function storedTitles(): string[] {
  const db = new Database(process.env.PARKBRIEF_DB!, { readonly: true });
  try {
    return (db.prepare('SELECT body FROM documents').all() as { body: string }[]).map((r) => (JSON.parse(r.body) as { title: string }).title);
  } finally {
    db.close();
  }
}

describe('the main process in a packaged app', () => {
  it('finds resources/ beside app.asar, fills the new store from it and serves the renderer from app.asar on app://', async () => {
    const { resourcesPath, asar } = layPackagedApp(true);
    Object.assign(process, { resourcesPath });
    Object.assign(standIn, { isPackaged: true, appPath: asar });

    await startMainProcess();

    expect(standIn.errorBoxes).toEqual([]);
    expect(process.env.PARKBRIEF_RESOURCES).toBe(join(resourcesPath, 'resources'));
    await vi.waitFor(() => expect(storedTitles()).toContain(MARK), { timeout: 10_000 });
    // The scheme is declared before the app is ready, as Electron requires.
    expect(standIn.calls).toContain('registerSchemesAsPrivileged ready=false');
    expect(standIn.privilegedSchemes).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const win = standIn.windows[0]!;
    expect(win.loaded).toBe(APP_INDEX_URL);
    expect(win.options.webPreferences.preload).toBe(join(asar, 'out', 'preload', 'index.cjs'));

    const serve = standIn.protocolHandlers.get(APP_SCHEME)!;
    const page = await serve(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(MARK);
    expect((await serve(new Request('app://parkbrief/..%2F..%2Fresources%2Fdemo%2Fdemo-store.json'))).status).toBe(403);
    expect(standIn.ipcHandlers.has('app:rpc')).toBe(true);
  });

  it('reports missing resources as a broken installation, in Chinese and English, and never creates the store', async () => {
    const { resourcesPath, asar } = layPackagedApp(false);
    Object.assign(process, { resourcesPath });
    Object.assign(standIn, { isPackaged: true, appPath: asar });

    await startMainProcess();

    expect(standIn.windows).toEqual([]);
    expect(standIn.exitCodes).toEqual([1]);
    const [box] = standIn.errorBoxes;
    expect(box!.title).toBe('园区简报缺少程序文件 ParkBrief is incomplete');
    expect(box!.content).toContain('找不到园区简报的程序资源文件');
    expect(box!.content).toContain("ParkBrief's resource files (demo articles and photos) are missing");
    expect(box!.content).toContain(join(resourcesPath, 'resources'));
    expect(box!.content).toContain(join(asar, 'resources'));
    expect(box!.content).not.toContain('数据库');
    expect(existsSync(process.env.PARKBRIEF_DB!)).toBe(false);
  });

  it('falls back to resources/ inside the app folder when none is beside it', async () => {
    const { resourcesPath, asar } = layPackagedApp(false);
    layResources(join(asar, 'resources'));
    Object.assign(process, { resourcesPath });
    Object.assign(standIn, { isPackaged: true, appPath: asar });

    await startMainProcess();

    expect(standIn.errorBoxes).toEqual([]);
    expect(process.env.PARKBRIEF_RESOURCES).toBe(join(asar, 'resources'));
    await vi.waitFor(() => expect(storedTitles()).toContain(MARK), { timeout: 10_000 });
  });
});

describe('the main process in development', () => {
  it('finds resources/ in the project folder it was started in (`electron .`)', async () => {
    const project = join(dir, 'project');
    layAppFolder(project);
    layResources(join(project, 'resources'));
    Object.assign(standIn, { isPackaged: false, appPath: project });

    await startMainProcess();

    expect(standIn.errorBoxes).toEqual([]);
    expect(process.env.PARKBRIEF_RESOURCES).toBe(join(project, 'resources'));
    await vi.waitFor(() => expect(storedTitles()).toContain(MARK), { timeout: 10_000 });
    expect(standIn.windows[0]!.loaded).toBe(APP_INDEX_URL);
  });
});

describe('RESOURCES_MISSING', () => {
  it('is worded in both languages', () => {
    const params = { missing: 'demo/documents/a.json', searched: '/x' };
    expect(formatMessage('RESOURCES_MISSING', params)).toContain('请重新安装园区简报');
    expect(formatMessage('RESOURCES_MISSING', params, 'en')).toContain('please reinstall ParkBrief');
  });
});
