import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDemoDocument } from './core/documents/demo-documents.ts';
import { writeBatch } from './core/history/change-log.ts';
import { defaultStorePath, userDataDir } from './core/paths.ts';
import { resourcesDir } from './core/resources.ts';
import { openCore } from './core/session/open-core.ts';
import { AppError } from './shared/errors.ts';
import { locateResources, REQUIRED_RESOURCES, resolveStorePath, resourceCandidates, startupError, storeOpenErrorMessage } from './paths-electron.ts';

/** What the error box says, before SQLite's or the system's own words on a line of their own. */
const UNREADABLE = '无法打开数据库「/d/p.sqlite」。请确认文件存在、本程序有权读取它，且它是园区简报的数据库；如文件已损坏，请从备份恢复';

describe('resolveStorePath', () => {
  const userData = join('/home', 'u', '.config', 'ParkBrief');
  it('defaults to parkbrief.sqlite in userData', () => {
    expect(resolveStorePath(undefined, userData)).toBe(join(userData, 'parkbrief.sqlite'));
    expect(resolveStorePath('  ', userData)).toBe(join(userData, 'parkbrief.sqlite'));
  });
  it('names the same file the CLI uses when given the same userData folder', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const env = { HOME: '/home/u', APPDATA: 'C:\\Users\\u\\AppData\\Roaming' };
      expect(resolveStorePath(undefined, userDataDir(env, platform))).toBe(defaultStorePath(env, platform));
    }
  });
  it('lets PARKBRIEF_DB win, resolving a relative path against the working folder', () => {
    expect(resolveStorePath('/data/office.sqlite', userData)).toBe('/data/office.sqlite');
    expect(resolveStorePath('office.sqlite', userData, '/work')).toBe(resolve('/work', 'office.sqlite'));
  });
});

describe('storeOpenErrorMessage', () => {
  it('shows an AppError’s own Chinese sentence (e.g. a store from a newer version)', () => {
    const e = new AppError('STORE_TOO_NEW', { path: '/d/p.sqlite', found: 9, supported: 1 });
    expect(storeOpenErrorMessage(e, '/d/p.sqlite')).toBe(e.message);
    expect(e.message).toContain('请升级 ParkBrief');
  });
  it('wraps anything else as STORE_UNREADABLE naming the file', () => {
    expect(storeOpenErrorMessage(new Error('EACCES'), '/d/p.sqlite')).toBe(`${UNREADABLE}\n技术信息：EACCES`);
  });
});

describe('locateResources', () => {
  const files = (dir: string) => new Set(REQUIRED_RESOURCES.map((f) => join(dir, f)));
  const layout = { isPackaged: true, resourcesPath: join('/opt', 'ParkBrief', 'resources'), appPath: join('/opt', 'ParkBrief', 'resources', 'app.asar'), env: {} };

  it('prefers resources/ beside app.asar, then the app folder', () => {
    const beside = join(layout.resourcesPath, 'resources');
    const inside = join(layout.appPath, 'resources');
    expect(locateResources(layout, (p) => files(beside).has(p) || files(inside).has(p))).toBe(beside);
    expect(locateResources(layout, (p) => files(inside).has(p))).toBe(inside);
  });

  it('does not look beside app.asar in development', () => {
    expect(resourceCandidates({ ...layout, isPackaged: false, appPath: '/opt/parkbrief-dev' })).toEqual([join('/opt/parkbrief-dev', 'resources')]);
  });

  it('takes a folder only when every required file is there', () => {
    const beside = join(layout.resourcesPath, 'resources');
    const partial = new Set([join(beside, REQUIRED_RESOURCES[0]!)]);
    expect(() => locateResources(layout, (p) => partial.has(p))).toThrow(expect.objectContaining({ code: 'RESOURCES_MISSING' }));
  });

  it('looks only where PARKBRIEF_RESOURCES points when it is set', () => {
    const env = { PARKBRIEF_RESOURCES: '/elsewhere/resources' };
    expect(resourceCandidates({ ...layout, env })).toEqual([resolve('/elsewhere/resources')]);
    let error: unknown;
    try {
      locateResources({ ...layout, env }, () => false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).params).toMatchObject({ searched: resolve('/elsewhere/resources') });
  });
});

describe('resources in browser mode (`parkbrief serve` from the source tree)', () => {
  it('are the project’s resources/ folder, found from the core’s own location', () => {
    const dir = resourcesDir({});
    expect(dir).toBe(fileURLToPath(new URL('../resources', import.meta.url)));
    for (const f of REQUIRED_RESOURCES) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('a missing demo article is RESOURCES_MISSING, not a store error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'parkbrief-no-resources-'));
    const saved = process.env.PARKBRIEF_RESOURCES;
    process.env.PARKBRIEF_RESOURCES = empty;
    const core = openCore(':memory:', { origin: 'app', demoIfNew: false });
    try {
      expect(() => writeBatch(core, 'demo', (log) => readDemoDocument(core, log, 'demo-magazine'))).toThrow(expect.objectContaining({ code: 'RESOURCES_MISSING' }));
    } finally {
      core.db.close();
      if (saved === undefined) delete process.env.PARKBRIEF_RESOURCES;
      else process.env.PARKBRIEF_RESOURCES = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('startupError', () => {
  it('titles a missing resource as a broken installation and a store failure as a store failure', () => {
    const missing = new AppError('RESOURCES_MISSING', { missing: 'demo/documents/a.json', searched: '/opt' });
    expect(startupError(missing, '/d/p.sqlite').title).toMatch(/^园区简报缺少程序文件/);
    expect(startupError(new Error('EACCES'), '/d/p.sqlite')).toEqual({
      title: '园区简报无法打开数据库 ParkBrief cannot open its store',
      content: `${UNREADABLE}\n技术信息：EACCES`,
    });
  });
});
