#!/usr/bin/env node
// The `parkbrief` command. The CLI is TypeScript run by Node's own type stripping (Node ≥ 22.18),
// each source's stripped text kept in a cache so that the command's threads do not load the
// compiler (src-main/core/stripped-source.mjs), and better-sqlite3 13 needs Node 22: an older
// `node` on PATH hands over to the Node 22 the project installs (the `node` devDependency).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src-main', 'cli.ts');
const [major, minor] = process.versions.node.split('.').map(Number);

if (major > 22 || (major === 22 && minor >= 18)) {
  (await import(pathToFileURL(join(root, 'src-main', 'core', 'stripped-source.mjs')).href)).useStrippedSources();
  await import(pathToFileURL(cli).href);
} else {
  const local = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(local)) {
    console.error(`ParkBrief 需要 Node 22.18 或更高版本（当前 ${process.version}）；请在项目目录运行 npm ci。`);
    process.exit(1);
  }
  const { handOver } = await import('./hand-over.mjs');
  // This file again, under that Node: the command then reads the sources through the cache too.
  process.exit(handOver(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)]));
}
