#!/usr/bin/env node
// The tests need what npm cannot bring: a Chromium for Playwright (its own browser download is not
// reachable from our machines), CJK fonts so screenshots show Chinese, and LibreOffice, poppler and
// pandoc to open the Word and Excel exports as a user's office suite would. On Debian as root they
// are installed here; anywhere else the message names what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const chromium = process.env.PARKBRIEF_CHROMIUM ?? '/usr/bin/chromium';
// Debian splits LibreOffice by application; elsewhere one soffice brings them all.
const LO_PROGRAM = '/usr/lib/libreoffice/program';

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** A face fontconfig knows by this family name (the test renders' aliases, test/support/fonts/fonts.conf, point at them). */
function hasFamily(family) {
  try {
    return execFileSync('fc-list', [`:family=${family}`, 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

function hasOffice(debianLibrary) {
  return onPath('soffice') && (!existsSync(LO_PROGRAM) || existsSync(join(LO_PROGRAM, debianLibrary)));
}

/** Debian package → whether it is here, and what to tell someone who has no apt-get. */
const NEEDS = [
  {
    pkg: 'chromium',
    present: () => existsSync(chromium),
    hint: `Chromium at ${chromium} (Debian: chromium; or set PARKBRIEF_CHROMIUM to a Chromium/Chrome binary)`,
  },
  { pkg: 'fonts-noto-cjk', present: () => hasCjkFont() && hasFamily('Noto Sans CJK SC'), hint: 'CJK serif and sans fonts (Debian: fonts-noto-cjk)' },
  // The page images show 楷体 headings and captions in a kai face, and digits in Times New Roman's metrics.
  { pkg: 'fonts-arphic-ukai', present: () => hasFamily('AR PL UKai CN'), hint: 'a Chinese kai face (Debian: fonts-arphic-ukai)' },
  { pkg: 'fonts-liberation2', present: () => hasFamily('Liberation Serif'), hint: 'Liberation Serif, metric-compatible with Times New Roman (Debian: fonts-liberation2)' },
  // A workbook's columns are measured in its default font, Calibri (Cambria the theme's headings): with
  // their metric twins the renders shrink a sheet to the page as Excel does, so printed pages end where
  // the export's row breaks say.
  { pkg: 'fonts-crosextra-carlito', present: () => hasFamily('Carlito'), hint: 'Carlito, metric-compatible with Calibri (Debian: fonts-crosextra-carlito)' },
  { pkg: 'fonts-crosextra-caladea', present: () => hasFamily('Caladea'), hint: 'Caladea, metric-compatible with Cambria (Debian: fonts-crosextra-caladea)' },
  { pkg: 'libreoffice-writer-nogui', present: () => hasOffice('libswlo.so'), hint: 'LibreOffice Writer, soffice on PATH (Debian: libreoffice-writer-nogui)' },
  { pkg: 'libreoffice-calc-nogui', present: () => hasOffice('libsclo.so'), hint: 'LibreOffice Calc, soffice on PATH (Debian: libreoffice-calc-nogui)' },
  { pkg: 'poppler-utils', present: () => onPath('pdftoppm') && onPath('pdfinfo'), hint: 'poppler: pdftoppm, pdfinfo, pdftotext (Debian: poppler-utils)' },
  { pkg: 'pandoc', present: () => onPath('pandoc'), hint: 'pandoc (Debian: pandoc)' },
];

const missing = NEEDS.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);
const names = missing.map((n) => n.pkg);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`[setup] installing Debian packages: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...names])) process.exit(0);
  console.error(`[setup] apt-get could not install: ${names.join(' ')}`);
  process.exit(1);
}
console.error(
  [
    '[setup] The tests need these system packages, which this script cannot install here',
    `        (${!hasApt ? 'no apt-get on this machine' : 'not running as root'}):`,
    ...missing.map((n) => `          - ${n.hint}`),
    `        On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
  ].join('\n'),
);
process.exit(1);
