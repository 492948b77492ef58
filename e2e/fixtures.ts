import { test as base, expect, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServe } from './server-process.ts';

export interface AppFixture {
  /** Where the app's first screen is: the browser-mode URL, or the Electron window's own URL. */
  url: string;
  dbPath: string;
}

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Each test gets its own store with the demo parks, so tests never see each other's edits and can
 * run in parallel. Project "web": a `parkbrief serve` child process and Debian's Chromium. Project
 * "electron" (only where an Electron binary exists): the real window through _electron.launch, with
 * the store chosen by PARKBRIEF_DB; `page` is then that window.
 */
export const test = base.extend<{ app: AppFixture; electronWindow: { page: Page; dbPath: string } | null }>({
  electronWindow: async ({}, use, testInfo) => {
    if (!testInfo.project.metadata?.electron) return use(null);
    const dir = mkdtempSync(join(tmpdir(), 'parkbrief-e2e-electron-'));
    // Its own profile too: parallel windows would otherwise share one single-instance lock.
    const dbPath = join(dir, 'store.sqlite');
    // The app folder, as `npm start` launches it: Electron then reads package.json, so app.getVersion()
    // (关于) is ParkBrief's and app.getAppPath() is the folder that holds out/.
    const electronApp = await _electron.launch({ args: [ROOT], env: { ...process.env, PARKBRIEF_DB: dbPath, PARKBRIEF_USER_DATA: dir } });
    try {
      await use({ page: await electronApp.firstWindow(), dbPath });
    } finally {
      await electronApp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  page: async ({ page, electronWindow }, use) => {
    await use(electronWindow?.page ?? page);
  },
  app: async ({ electronWindow }, use) => {
    if (electronWindow) {
      await use({ url: electronWindow.page.url(), dbPath: electronWindow.dbPath });
      return;
    }
    const server = await startServe();
    try {
      await use({ url: server.url, dbPath: server.dbPath });
    } finally {
      await server.stop();
    }
  },
});

export { expect };
