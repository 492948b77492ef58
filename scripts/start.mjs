#!/usr/bin/env node
// `npm start`: the desktop app where an Electron binary exists; otherwise browser mode, said plainly.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npmCmd, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
const passThrough = process.argv.slice(2);
let child;
if (electron) {
  child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
} else {
  console.log(
    '未找到 Electron 可执行文件（本机无法下载），改为以浏览器模式启动；请在浏览器中打开下面的网址。\n' +
      'No Electron binary on this machine (it cannot be downloaded here): starting browser mode instead; open the URL below.',
  );
  child = spawn(process.execPath, [join(root, 'src-main/cli.ts'), 'serve', ...passThrough], { cwd: root, stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
