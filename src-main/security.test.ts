import { describe, expect, it } from 'vitest';
import {
  appLocation,
  appStartUrl,
  devRendererUrl,
  isAllowedNavigation,
  isExternalLinkAllowed,
  isTrustedSender,
  secureWebPreferences,
} from './security.ts';

const INDEX = 'app://parkbrief/index.html';
const BUILT_FILE = 'file:///opt/ParkBrief/resources/app.asar/out/renderer/index.html';
const fileApp = appLocation();
const devApp = appLocation('http://localhost:5173/');

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/x/out/preload/index.cjs');
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });
  it('passes the preload path through and sets nothing else', () => {
    expect(prefs.preload).toBe('/x/out/preload/index.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('app location', () => {
  it('starts from the built index.html, or from the dev server when given', () => {
    expect(appStartUrl(fileApp)).toBe(INDEX);
    expect(appStartUrl(devApp)).toBe('http://localhost:5173/');
  });
  it('ignores ELECTRON_RENDERER_URL in a packaged app and for anything but loopback http', () => {
    expect(devRendererUrl('http://localhost:5173', true)).toBeUndefined();
    expect(devRendererUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devRendererUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devRendererUrl('https://evil.example/', false)).toBeUndefined();
    expect(devRendererUrl('http://192.168.1.5:5173/', false)).toBeUndefined();
    expect(devRendererUrl('http://localhost.evil.example:5173/', false)).toBeUndefined();
    expect(devRendererUrl('not a url', false)).toBeUndefined();
    expect(devRendererUrl(undefined, false)).toBeUndefined();
  });
});

describe.each([
  ['isAllowedNavigation', isAllowedNavigation],
  ['isTrustedSender', isTrustedSender],
] as const)('%s', (_name, allowed) => {
  it('accepts the app’s own index.html on app://, with a query or a #route', () => {
    expect(allowed(INDEX, fileApp)).toBe(true);
    expect(allowed('app://parkbrief/', fileApp)).toBe(true);
    expect(allowed(INDEX + '#/parks', fileApp)).toBe(true);
    expect(allowed(INDEX + '?lang=en', fileApp)).toBe(true);
  });
  it('refuses a foreign https page', () => {
    expect(allowed('https://evil.example/', fileApp)).toBe(false);
    expect(allowed('https://evil.example/', devApp)).toBe(false);
  });
  it('refuses every file:// URL, the built index.html included: the page lives on app:// only', () => {
    expect(allowed(BUILT_FILE, fileApp)).toBe(false);
    expect(allowed('file:///home/user/Downloads/index.html', fileApp)).toBe(false);
    expect(allowed(BUILT_FILE, devApp)).toBe(false);
  });
  it('refuses other pages, hosts, ports and credentials on app://', () => {
    for (const url of [
      'app://parkbrief/other.html',
      'app://parkbrief/assets/index.js',
      'app://parkbrief/index.html/../../etc/passwd',
      'app://parkbrief/%2e%2e/%2e%2e/etc/passwd',
      'app://parkbrief/..%2Findex.html',
      'app://evil/index.html',
      'app://parkbrief.evil.example/index.html',
      'app://parkbrief:8080/index.html',
      'app://user:pw@parkbrief/index.html',
      'apps://parkbrief/index.html',
    ]) {
      expect(allowed(url, fileApp), url).toBe(false);
    }
    expect(allowed(INDEX, devApp)).toBe(false);
  });
  it('refuses javascript:, data:, blob:, about: and garbage', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:file:///0000-1111',
      'blob:app://parkbrief/0000-1111',
      'about:blank',
      'chrome://settings',
      '',
      'index.html',
    ]) {
      expect(allowed(url, fileApp), url).toBe(false);
      expect(allowed(url, devApp), url).toBe(false);
    }
  });
  it('in dev, accepts only the dev server’s exact origin', () => {
    expect(allowed('http://localhost:5173/', devApp)).toBe(true);
    expect(allowed('http://localhost:5173/#/parks', devApp)).toBe(true);
    expect(allowed('http://localhost:5174/', devApp)).toBe(false);
    expect(allowed('http://127.0.0.1:5173/', devApp)).toBe(false);
    expect(allowed('http://localhost:5173.evil.example/', devApp)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(null, fileApp)).toBe(false);
    expect(isTrustedSender(undefined, fileApp)).toBe(false);
  });
  it('does not depend on where the app is installed (C:\\Program Files, a Chinese user folder)', () => {
    expect(isTrustedSender('file:///C:/Program%20Files/ParkBrief/resources/app.asar/out/renderer/index.html', fileApp)).toBe(false);
    expect(isTrustedSender('file:///home/张三/ParkBrief/out/renderer/index.html', fileApp)).toBe(false);
    expect(isTrustedSender(INDEX + '#/tables', fileApp)).toBe(true);
  });
});

describe('isExternalLinkAllowed', () => {
  it('opens only https links in the system browser', () => {
    expect(isExternalLinkAllowed('https://www.stats.gov.cn/')).toBe(true);
    expect(isExternalLinkAllowed('http://www.stats.gov.cn/')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('smb://host/share')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('ms-msdt:/id')).toBe(false);
  });
});
