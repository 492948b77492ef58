// `npm start` as a person runs it, minus the build (PARKBRIEF_SKIP_BUILD): the real script in a
// child process, with Electron's download pointed at this machine so that no test waits on the
// internet. Each case gives the script an empty dist folder (ELECTRON_OVERRIDE_DIST_PATH) and an
// empty download cache, so a real Electron on a release machine does not change what is tested.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const START = join(ROOT, 'scripts/start.mjs');

let dir = '';
const children: ChildProcess[] = [];
const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  // The whole process group: a start.mjs killed outright would leave its browser-mode child behind.
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    if (process.platform === 'win32') c.kill('SIGKILL');
    else process.kill(-c.pid!, 'SIGKILL');
  }
  // close() waits for open connections: end the ones a silent server kept first.
  for (const k of sockets.splice(0)) k.destroy();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-start-'));
  return dir;
}

/** A port on 127.0.0.1 that nothing listens on: bound, noted and closed again. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A server that accepts connections and never answers: a network that swallows the request. */
async function silentServer(): Promise<number> {
  const s = createServer((socket) => void sockets.push(socket));
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as { port: number }).port;
}

function start(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, [START, ...args], {
    cwd: ROOT,
    env: { ...process.env, PARKBRIEF_SKIP_BUILD: '1', PARKBRIEF_DB: join(dir, 'store.sqlite'), PARKBRIEF_USER_DATA: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that cleaning up takes its children too.
    detached: process.platform !== 'win32',
  });
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<string>((resolveWait, reject) => {
      const t0 = Date.now();
      const tick = setInterval(() => {
        if (pattern.test(out)) {
          clearInterval(tick);
          resolveWait(out);
        } else if (child.exitCode !== null || Date.now() - t0 > ms) {
          clearInterval(tick);
          reject(new Error(`no ${pattern} within ${ms} ms (exit ${child.exitCode}):\n${out}`));
        }
      }, 50);
    });
  return { child, exited, waitFor, output: () => out };
}

function noElectron(d: string): Record<string, string> {
  return { ELECTRON_OVERRIDE_DIST_PATH: join(d, 'no-electron'), electron_config_cache: join(d, 'cache') };
}

const BROWSER_MODE = /ParkBrief 浏览器模式：http:\/\/127\.0\.0\.1:\d+\/\?token=/;

describe('npm start without an Electron binary', () => {
  it('tries the download, and when the server cannot be reached starts browser mode saying so', async () => {
    const d = tempDir();
    const port = await closedPort();
    const t0 = Date.now();
    const run = start({ ...noElectron(d), ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, ['--port', '0']);
    const out = await run.waitFor(BROWSER_MODE, 15_000);
    expect(out).toContain(`正在下载（最长 300 秒）：http://127.0.0.1:${port}/`);
    expect(out).toContain(`缓存目录：${join(d, 'cache')}`);
    expect(out).toContain('无法获得 Electron：无法连接下载服务器（本机离线，或网络不允许访问）');
    expect(out).toContain('No Electron: cannot reach the download server');
    expect(out).toContain('npx install-electron');
    // A refused connection is known at once: no waiting for the time limit.
    expect(Date.now() - t0).toBeLessThan(15_000);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('gives up at the time limit when the server never answers, then starts browser mode', async () => {
    const d = tempDir();
    const port = await silentServer();
    const t0 = Date.now();
    const run = start({ ...noElectron(d), ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, PARKBRIEF_ELECTRON_TIMEOUT: '2' }, ['--port', '0']);
    const out = await run.waitFor(BROWSER_MODE, 15_000);
    const elapsed = Date.now() - t0;
    expect(out).toContain('正在下载（最长 2 秒）');
    expect(out).toMatch(/下载(?:超时（2 秒内未完成）|停滞（2 秒没有收到数据）)/);
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(12_000);
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it('says the download was refused when the server answers with an HTTP error', async () => {
    const d = tempDir();
    const { createServer: createHttp } = await import('node:http');
    const http = createHttp((_req, res) => res.writeHead(403).end('forbidden'));
    servers.push(http as unknown as Server);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const port = (http.address() as { port: number }).port;
    const run = start({ ...noElectron(d), ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, ['--port', '0']);
    const out = await run.waitFor(BROWSER_MODE, 15_000);
    expect(out).toContain('无法获得 Electron：下载被服务器拒绝（HTTP 403）');
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it('refuses a time limit that is not a number of seconds, and says so', async () => {
    const d = tempDir();
    const run = start({ ...noElectron(d), PARKBRIEF_ELECTRON_TIMEOUT: 'soon' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('PARKBRIEF_ELECTRON_TIMEOUT 应为正数（秒），而不是「soon」');
  });
});

describe.skipIf(process.platform === 'win32')('npm start with an Electron binary', () => {
  it('launches it with the app folder and the extra arguments, and passes its exit code through', async () => {
    const d = tempDir();
    const dist = join(d, 'dist');
    mkdirSync(dist);
    // A stand-in Electron: records its arguments and exits with a code of its own.
    const exe = join(dist, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    mkdirSync(resolve(exe, '..'), { recursive: true });
    writeFileSync(exe, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(d, 'args.txt')}"\nexit 7\n`);
    chmodSync(exe, 0o755);
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--lang', 'en']);
    expect(await run.exited).toBe(7);
    expect(readFileSync(join(d, 'args.txt'), 'utf8').trim().split('\n')).toEqual([ROOT, '--lang', 'en']);
    expect(run.output()).not.toContain('正在下载');
  });

  it('prints why, rather than exiting in silence, when the binary cannot be started', async () => {
    const d = tempDir();
    const dist = join(d, 'dist');
    mkdirSync(dist);
    const exe = join(dist, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    mkdirSync(resolve(exe, '..'), { recursive: true });
    writeFileSync(exe, 'not a program');
    chmodSync(exe, 0o644);
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/无法启动桌面程序（Electron）：.*EACCES/);
    expect(run.output()).toContain('Cannot start the desktop app (Electron)');
  });
});
