// Proves `npm run audit:electron` can fail: the real electronegativity runs on small apps written
// into a temp folder, once hardened and explained (passes), then with each way to break it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { judge, type Explanation, type Finding } from './electronegativity.ts';

const RUNNER = fileURLToPath(new URL('./electronegativity.ts', import.meta.url));

const HARDENED_WINDOW = `import { BrowserWindow } from 'electron';

export function open(): BrowserWindow {
  const win = new BrowserWindow({
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  return win;
}
`;

const APP = {
  'package.json': JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.4.1' } }),
  'src-main/window.ts': HARDENED_WINDOW,
  // Tests are not shipped, so they are not scanned, whatever they contain.
  'src-main/window.test.ts': `new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n`,
  'src-renderer/index.html': `<!doctype html>
<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'" /></head><body></body></html>
`,
};

const because = 'because this fixture stands for the app, whose reasons are in the real file';
const EXPLAINED: Explanation[] = [
  { check: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json', snippet: '"electron"', reason: because },
  { check: 'AUXCLICK_JS_CHECK', file: 'src-main/window.ts', snippet: 'new BrowserWindow({', reason: because },
  { check: 'CSP_GLOBAL_CHECK', file: 'src-renderer/index.html', snippet: "script-src 'self'", reason: because },
];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Loaded into the runner's process: reports any attempt to reach the network. The tool itself
// fetches translations and Electron's release list; CI can reach only the npm registry.
const NETWORK_SPY = `for (const [m, k] of [[require('node:net'), 'connect'], [require('node:net'), 'createConnection'],
  [require('node:tls'), 'connect'], [require('node:dns'), 'lookup'], [require('node:dns').promises, 'lookup']]) {
  const original = m[k];
  m[k] = function (...args) { process.stderr.write('NETWORK USED: ' + k + '\\n'); return original.apply(this, args); };
}
`;

function networkSpy(dir: string): string {
  const file = join(dir, 'network-spy.cjs');
  writeFileSync(file, NETWORK_SPY);
  return file;
}

function audit(files: Record<string, string>, explained: unknown = { findings: EXPLAINED }) {
  const root = mkdtempSync(join(tmpdir(), 'parkbrief-eneg-fixture-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  writeFileSync(join(root, 'explained.json'), JSON.stringify(explained));
  const r = spawnSync(process.execPath, ['--require', networkSpy(root), RUNNER, '--root', root, '--explained', join(root, 'explained.json')], {
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('audit:electron runner', { timeout: 120_000 }, () => {
  it('passes a hardened app whose every finding is explained', () => {
    const r = audit(APP);
    expect(r.out).toContain('3 findings, 3 explained, 0 unexplained, 0 stale');
    expect(r.status).toBe(0);
  });

  it('runs offline: no connection, not even a DNS lookup', () => {
    const r = audit(APP);
    expect(r.status).toBe(0);
    expect(r.out).not.toContain('NETWORK USED');
    // The spy does see a lookup (of this machine's own name, so nothing leaves it).
    const dir = mkdtempSync(join(tmpdir(), 'parkbrief-eneg-spy-'));
    dirs.push(dir);
    const probe = spawnSync(process.execPath, ['--require', networkSpy(dir), '-e', "require('node:dns').lookup('localhost', () => {})"], {
      encoding: 'utf8',
    });
    expect(probe.stderr).toContain('NETWORK USED: lookup');
  });

  it('fails on nodeIntegration: true, naming the check and file:line', () => {
    const insecure = HARDENED_WINDOW.replace(
      '{ contextIsolation: true, sandbox: true, nodeIntegration: false }',
      '{ contextIsolation: false, nodeIntegration: true }',
    );
    const r = audit({ ...APP, 'src-main/window.ts': insecure });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^src-main\/window\.ts:5:\d+ {2}NODE_INTEGRATION_JS_CHECK/m);
    expect(r.out).toMatch(/^src-main\/window\.ts:5:\d+ {2}CONTEXT_ISOLATION_JS_CHECK/m);
    expect(r.out).toMatch(/^src-main\/window\.ts:4:\d+ {2}SANDBOX_JS_CHECK/m);
    expect(r.out).toContain('3 explained, 3 unexplained');
  });

  it('fails when a whole-app guard is missing (no navigation limit, no permission handler)', () => {
    const bare = HARDENED_WINDOW.split('\n')
      .filter((l) => !l.includes('win.webContents'))
      .join('\n');
    const r = audit({ ...APP, 'src-main/window.ts': bare });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^\(whole app\) {2}LIMIT_NAVIGATION_GLOBAL_CHECK/m);
    expect(r.out).toMatch(/^\(whole app\) {2}PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/m);
  });

  it('fails on a stale explanation that matches no finding', () => {
    const stale = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/window.ts', snippet: 'shell.openExternal(url)', reason: because };
    const r = audit(APP, { findings: [...EXPLAINED, stale] });
    expect(r.status).toBe(1);
    expect(r.out).toContain('stale explanation: OPEN_EXTERNAL_JS_CHECK in src-main/window.ts');
  });

  it('fails on an explanation without a real reason, and on one whose snippet is not on the flagged line', () => {
    const [version, auxclick, csp] = EXPLAINED as [Explanation, Explanation, Explanation];
    const r = audit(APP, { findings: [{ ...version, reason: 'ok' }, { ...auxclick, snippet: 'new BrowserView(' }, csp] });
    expect(r.status).toBe(1);
    expect(r.out).toContain('"reason" must say why');
    expect(r.out).toMatch(/^src-main\/window\.ts:4:\d+ {2}AUXCLICK_JS_CHECK/m);
  });

  it('refuses inline eng-disable comments, which would hide a finding from the explanation file', () => {
    const hidden = HARDENED_WINDOW.replace(
      '  const win = new BrowserWindow({',
      '  // eng-disable AUXCLICK_JS_CHECK\n  const win = new BrowserWindow({',
    );
    const r = audit({ ...APP, 'src-main/window.ts': hidden });
    expect(r.status).toBe(1);
    expect(r.out).toContain('src-main/window.ts:4: inline "eng-disable" is not allowed');
  });

  it('fails when a source file cannot be parsed (nobody would have checked it)', () => {
    const r = audit({ ...APP, 'src-main/broken.ts': 'export const = ;\n' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('src-main/broken.ts: could not be parsed');
  });
});

describe('judge', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src-main/window.ts',
    line: 74,
    column: 2,
    sample: 'shell.openExternal(url).catch(() => undefined);',
    severity: 'MEDIUM',
    confidence: 'TENTATIVE',
    description: 'Review the use of openExternal',
    ...over,
  });
  const x: Explanation = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src-main/window.ts', snippet: 'shell.openExternal(url)', reason: because };

  it('matches check, file and snippet, wherever the line moved', () => {
    expect(judge([finding({ line: 90 })], [x])).toEqual({ unexplained: [], stale: [], explained: 1 });
  });

  it('does not let an explanation for one file or check cover another', () => {
    for (const f of [finding({ file: 'src-main/other.ts' }), finding({ check: 'DANGEROUS_FUNCTIONS_JS_CHECK' }), finding({ sample: 'shell.openExternal(link)' })]) {
      const v = judge([f], [x]);
      expect(v.unexplained).toEqual([f]);
      expect(v.stale).toEqual([x]);
    }
  });
});
