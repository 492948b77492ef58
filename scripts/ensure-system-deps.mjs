#!/usr/bin/env node
// The tests need two things npm cannot bring: a Chromium for Playwright (its own browser download is
// not reachable from our machines) and CJK fonts so screenshots show Chinese. On Debian as root they
// are installed here; anywhere else the message names what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.PARKBRIEF_CHROMIUM ?? '/usr/bin/chromium';
const PACKAGES = { chromium: 'chromium', fonts: 'fonts-noto-cjk' };

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

const missing = [];
if (!existsSync(chromium)) missing.push(PACKAGES.chromium);
if (!hasCjkFont()) missing.push(PACKAGES.fonts);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`[setup] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...missing])) process.exit(0);
  console.error(`[setup] apt-get could not install: ${missing.join(' ')}`);
  process.exit(1);
}
console.error(
  [
    '[setup] The end-to-end tests need these system packages, which this script cannot install here',
    `        (${!hasApt ? 'no apt-get on this machine' : 'not running as root'}):`,
    ...missing.map((p) => `          - ${p === PACKAGES.chromium ? `Chromium at ${chromium} (Debian: chromium; or set PARKBRIEF_CHROMIUM to a Chromium/Chrome binary)` : 'CJK fonts (Debian: fonts-noto-cjk)'}`),
    `        On Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}`,
  ].join('\n'),
);
process.exit(1);
