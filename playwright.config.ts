import { defineConfig } from '@playwright/test';
import { electronBinary } from './scripts/electron-binary.mjs';

// Debian's Chromium: Playwright's own browser download is not reachable from our machines.
const CHROMIUM = process.env.PARKBRIEF_CHROMIUM ?? '/usr/bin/chromium';

const hasElectron = electronBinary() !== null;
if (!hasElectron && !process.env.PARKBRIEF_QUIET) {
  console.log('[playwright] project "electron" skipped: no Electron binary on this machine; the specs run in browser mode (project "web").');
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // Our machines are shared: a first page load or an export can take several seconds when other
  // work runs beside the suite. The waits are for the app to answer at all, not a speed measure
  // (bench/ measures speed).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { locale: 'zh-CN', trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'web',
      use: {
        browserName: 'chromium',
        viewport: { width: 1360, height: 860 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
    // The same specs through the real window (see e2e/fixtures.ts) where an Electron binary exists.
    ...(hasElectron ? [{ name: 'electron', metadata: { electron: true }, use: { launchOptions: { executablePath: CHROMIUM, args: ['--no-sandbox', '--headless'] } } }] : []),
  ],
});
