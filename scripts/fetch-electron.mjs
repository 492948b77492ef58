// Fetching the Electron binary the way the `electron` package intends: its own install script
// (`npx install-electron`, node_modules/electron/install.js), which downloads through
// @electron/get into the shared cache, checks the checksum and unpacks into node_modules/electron/dist.
// What this adds is what `npm start` needs and install.js lacks: a time limit (install.js waits
// forever on a network that swallows packets), a progress line from the first second (its own bar
// waits 30 s), and a reason a person can act on when it fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where @electron/get keeps downloaded zips (env-paths('electron').cache), or electron_config_cache. */
export function electronCacheDir(env = process.env, platform = process.platform) {
  if (env.electron_config_cache) return env.electron_config_cache;
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'electron');
}

/** The download URL's base, as @electron/get reads it (ELECTRON_MIRROR, or GitHub releases). */
export function electronMirror(env = process.env) {
  return env.npm_config_electron_mirror || env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/download/';
}

/**
 * Why the download failed, from install.js's stderr (it prints the error's stack). Node's fetch
 * reports every connection failure as "fetch failed", so "offline" covers DNS, refused and
 * unreachable alike.
 * @returns {{ kind: 'offline' | 'refused' | 'checksum' | 'failed'; zh: string; en: string }}
 */
export function downloadFailure(stderr) {
  const http = /Response code (\d{3})/.exec(stderr);
  if (http) {
    return { kind: 'refused', zh: `下载被服务器拒绝（HTTP ${http[1]}）`, en: `the server refused the download (HTTP ${http[1]})` };
  }
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/.test(stderr)) {
    return { kind: 'offline', zh: '无法连接下载服务器（本机离线，或网络不允许访问）', en: 'cannot reach the download server (offline, or the network blocks it)' };
  }
  if (/checksum|sha256/i.test(stderr)) {
    return { kind: 'checksum', zh: '下载的文件未通过校验', en: 'the downloaded file failed its checksum' };
  }
  const last = stderr.trim().split('\n').find((l) => l.trim() !== '') ?? '';
  return { kind: 'failed', zh: `下载失败：${last}`, en: `the download failed: ${last}` };
}

/**
 * Runs install.js with a time limit. Resolves { ok: true } once the binary is unpacked, else
 * { ok: false, reason } — never rejects: a failed download only means browser mode.
 * @param {{ timeoutMs: number; stallMs?: number; env?: NodeJS.ProcessEnv; onProgress?: (bytes: number, elapsedMs: number) => void; installer?: string[] }} opts
 *   installer: the command to run instead of install.js (tests stand one in)
 */
export function fetchElectron({ timeoutMs, stallMs = Math.min(timeoutMs, 30_000), env = process.env, onProgress, installer }) {
  const installScript = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  // A private temp folder: @electron/get downloads into os.tmpdir(), so its size is the progress.
  const temp = mkdtempSync(join(tmpdir(), 'parkbrief-electron-'));
  const [cmd, ...args] = installer ?? [process.execPath, installScript];
  const child = spawn(cmd, args, {
    env: { ...env, TMPDIR: temp, TMP: temp, TEMP: temp, ELECTRON_GET_NO_PROGRESS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  const started = Date.now();
  let bytes = 0;
  let lastGrowth = started;
  let timedOut = null;
  const timer = setInterval(() => {
    const now = Date.now();
    const size = folderSize(temp);
    if (size > bytes) {
      bytes = size;
      lastGrowth = now;
    }
    onProgress?.(bytes, now - started);
    if (now - started > timeoutMs) timedOut = { zh: `下载超时（${Math.round(timeoutMs / 1000)} 秒内未完成）`, en: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` };
    else if (now - lastGrowth > stallMs) timedOut = { zh: `下载停滞（${Math.round(stallMs / 1000)} 秒没有收到数据）`, en: `no data for ${Math.round(stallMs / 1000)} s` };
    if (timedOut) child.kill();
  }, 250);

  return new Promise((resolve) => {
    const finish = (result) => {
      clearInterval(timer);
      rmSync(temp, { recursive: true, force: true });
      resolve(result);
    };
    child.on('error', (e) => finish({ ok: false, reason: { kind: 'failed', zh: `无法运行下载程序：${e.message}`, en: `cannot run the installer: ${e.message}` } }));
    child.on('exit', (code) => {
      if (timedOut) finish({ ok: false, reason: { kind: 'timeout', ...timedOut } });
      else if (code === 0) finish({ ok: true });
      else finish({ ok: false, reason: downloadFailure(stderr) });
    });
  });
}

function folderSize(dir) {
  let total = 0;
  try {
    for (const name of readdirSync(dir, { recursive: true })) {
      try {
        const s = statSync(join(dir, String(name)));
        if (s.isFile()) total += s.size;
      } catch {
        // A file @electron/get renamed or removed between the listing and the stat.
      }
    }
  } catch {
    return 0;
  }
  return total;
}
