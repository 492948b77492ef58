#!/usr/bin/env node
// `npm start`: build, then the desktop app. Without an Electron binary it fetches one the way the
// electron package intends (scripts/fetch-electron.mjs), within a time limit; only when that fails
// does it start browser mode, saying why. Every failure to start something is printed: this script
// never exits non-zero in silence.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { electronCacheDir, electronMirror, fetchElectron } from './fetch-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);
const DEFAULT_TIMEOUT_S = 300;

function say(zh, en) {
  console.log(`${zh}\n${en}`);
}

function fail(zh, en, code = 1) {
  console.error(`${zh}\n${en}`);
  process.exit(code);
}

function build() {
  // PARKBRIEF_SKIP_BUILD=1 starts what out/ already holds (a second start, or the tests of this script).
  if (process.env.PARKBRIEF_SKIP_BUILD === '1') return;
  // npm sets npm_execpath to its own CLI script. Running that with this Node avoids spawning npm.cmd,
  // which Node refuses without a shell on Windows (EINVAL).
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.error) fail(`无法运行构建（npm run build）：${result.error.message}`, `Cannot run the build (npm run build): ${result.error.message}`);
  if (result.status !== 0) {
    fail(`构建失败（npm run build 退出码 ${result.status ?? result.signal}），见上方输出。`, `The build failed (npm run build exited with ${result.status ?? result.signal}); see above.`, result.status || 1);
  }
}

function timeoutMs() {
  const raw = process.env.PARKBRIEF_ELECTRON_TIMEOUT;
  const seconds = raw === undefined || raw === '' ? DEFAULT_TIMEOUT_S : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    fail(`PARKBRIEF_ELECTRON_TIMEOUT 应为正数（秒），而不是「${raw}」。`, `PARKBRIEF_ELECTRON_TIMEOUT must be a positive number of seconds, not "${raw}".`, 2);
  }
  return seconds * 1000;
}

async function obtainElectron() {
  const found = electronBinary();
  if (found) return { path: found };
  const limit = timeoutMs();
  say(
    `未找到 Electron 可执行文件，正在下载（最长 ${limit / 1000} 秒）：${electronMirror()}\n缓存目录：${electronCacheDir()}`,
    `No Electron binary yet: downloading it (at most ${limit / 1000} s) from ${electronMirror()}; cache: ${electronCacheDir()}`,
  );
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  const result = await fetchElectron({
    timeoutMs: limit,
    onProgress: (bytes, elapsed) => {
      // One rewritten line on a terminal; a line every 10 s in a log.
      const line = `  已下载 downloaded ${(bytes / 1e6).toFixed(1)} MB · ${Math.round(elapsed / 1000)} s`;
      if (tty) process.stdout.write(`\r${line}`);
      else if (elapsed - lastLine >= 10_000) {
        lastLine = elapsed;
        console.log(line);
      }
    },
  });
  if (tty) process.stdout.write('\n');
  if (!result.ok) return { reason: result.reason };
  const path = electronBinary();
  if (!path) {
    return { reason: { zh: '下载程序报告成功，但 node_modules/electron/dist 中没有可执行文件', en: 'the installer reported success, yet node_modules/electron/dist holds no executable' } };
  }
  return { path };
}

function run(command, args, what) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('error', (e) => fail(`无法启动${what.zh}：${e.message}`, `Cannot start ${what.en}: ${e.message}`));
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true;
      child.kill(sig);
    });
  }
  child.on('exit', (code, signal) => {
    // Ended because the user stopped this script (Ctrl+C): nothing to report.
    if (signal && !stopping) fail(`${what.zh}被信号 ${signal} 结束。`, `${what.en} was ended by ${signal}.`);
    process.exit(code ?? 0);
  });
}

build();
const electron = await obtainElectron();
if (electron.path) {
  // The app folder, not out/main/index.js: Electron then reads package.json (name, version for 关于).
  run(electron.path, [root, ...passThrough], { zh: '桌面程序（Electron）', en: 'the desktop app (Electron)' });
} else {
  say(
    `无法获得 Electron：${electron.reason.zh}。改为以浏览器模式启动，请在浏览器中打开下面的网址。\n` +
      `可稍后手动下载：npx install-electron（可用 ELECTRON_MIRROR 指定镜像），详见 README。`,
    `No Electron: ${electron.reason.en}. Starting browser mode instead: open the URL below in a browser.\n` +
      'Fetch it by hand later with `npx install-electron` (ELECTRON_MIRROR selects a mirror); see the README.',
  );
  run(process.execPath, [join(root, 'src-main/cli.ts'), 'serve', ...passThrough], { zh: '浏览器模式', en: 'browser mode' });
}
