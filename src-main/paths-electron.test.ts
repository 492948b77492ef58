import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStorePath, userDataDir } from './core/paths.ts';
import { AppError } from './shared/errors.ts';
import { resolveStorePath, storeOpenErrorMessage } from './paths-electron.ts';

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
    expect(storeOpenErrorMessage(new Error('EACCES'), '/d/p.sqlite')).toBe('无法打开数据库「/d/p.sqlite」：EACCES');
  });
});
