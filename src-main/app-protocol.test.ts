// The app:// handler against a real folder: a renderer folder with a secret file beside it, the way
// out/renderer sits beside out/main (and app.asar beside the user's files).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appProtocolHandler, rendererFile } from './app-protocol.ts';
import { PAGE_CSP } from './shared/csp.ts';

const root = mkdtempSync(join(tmpdir(), 'parkbrief-app-protocol-'));
const renderer = join(root, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>园区简报</title>');
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(renderer, 'assets', '图表.css'), 'body{}');
writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handle = appProtocolHandler(renderer);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// serves the renderer folder', () => {
  it('serves index.html, at its name and at the root, with the CSP and nosniff headers', async () => {
    for (const url of [APP_INDEX_URL, 'app://parkbrief/', `${APP_INDEX_URL}?lang=en#/grid`]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('园区简报');
    }
  });

  it('serves the bundle with JavaScript and CSS types (module scripts need the right type)', async () => {
    const js = await get('app://parkbrief/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('app://parkbrief/assets/%E5%9B%BE%E8%A1%A8.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('answers 404 for a file the renderer does not have', async () => {
    expect((await get('app://parkbrief/assets/missing.js')).status).toBe(404);
  });
});

describe('app:// refuses everything outside the renderer folder', () => {
  it.each([
    ['an encoded slash climbing out', 'app://parkbrief/..%2Fsecret.txt'],
    ['encoded slashes and dots', 'app://parkbrief/%2e%2e%2fsecret.txt'],
    ['an encoded backslash', 'app://parkbrief/..%5Csecret.txt'],
    ['an encoded backslash inside a folder', 'app://parkbrief/assets/..%5C..%5Csecret.txt'],
    ['a NUL byte', 'app://parkbrief/index.html%00.js'],
    ['a drive letter', 'app://parkbrief/C:%5Csecret.txt'],
    ['an empty segment (a second slash)', 'app://parkbrief//etc/passwd'],
    ['malformed percent-encoding', 'app://parkbrief/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://parkbrief:8080/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s with 403', async (_what, url) => {
    const res = await get(url);
    expect(res.status, url).toBe(403);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('refuses a URL with credentials (Chromium cannot even build such a request)', () => {
    expect(rendererFile('app://me:pw@parkbrief/index.html', renderer)).toBeNull();
    expect(rendererFile('not a url', renderer)).toBeNull();
  });

  it('keeps literal and encoded dot segments inside: the URL parser folds them before the folder is reached', async () => {
    // new URL() resolves /../ and /%2e%2e/ against the root, so these name files in the renderer
    // folder (and do not exist there) rather than the secret beside it.
    for (const url of ['app://parkbrief/../secret.txt', 'app://parkbrief/%2e%2e/secret.txt', 'app://parkbrief/assets/../../secret.txt']) {
      expect(rendererFile(url, renderer), url).toBe(join(renderer, 'secret.txt'));
      expect((await get(url)).status, url).toBe(404);
    }
  });
});
