// What can be known about the installers without an Electron binary: the config is valid for
// electron-builder (its own schema, its own loader), each platform's package holds exactly the
// files it should (computed by electron-builder's matchers from the config and the installed
// node_modules), the fuses hook flips the right fuses in the right file, and the icons are drawn.
// The binaries and the installers themselves are built and tried on a release machine only
// (docs/PACKAGING.md).
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron-builder.config.mjs';
import { ICNS_SIZES, ICO_SIZES, makeIcons, PNG_SIZES } from '../make-icons.mjs';
import { afterPack, FUSES } from './after-pack.mjs';
import { CONFIG_FILE, packageContents, PROJECT_DIR, type Contents } from './package-contents.mjs';

const require = createRequire(import.meta.url);

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, --inspect on, integrity
// and asar-only off, V8 snapshot off, file:// privileges on, wasm trap handlers on.
const ELECTRON_DEFAULT = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((b) => (b ? FuseState.ENABLE : FuseState.DISABLE));

/** A file shaped like an Electron binary where @electron/fuses looks: the sentinel, version 1, the wire. */
function standInBinary(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT.length, ...ELECTRON_DEFAULT]), Buffer.alloc(4096, 0x90)]));
}


describe('electron-builder.config.mjs against electron-builder’s schema', () => {
  // electron-builder's loader and validator (app-builder-lib), on the file as `npm run dist` reads it.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<Record<string, unknown>>;
    validateConfiguration: (config: unknown, debugLogger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const validate = async (c: unknown) => validateConfiguration(c, new DebugLogger(false));

  it('is valid', async () => {
    const loaded = await getConfig(PROJECT_DIR, CONFIG_FILE, null);
    expect(loaded.appId).toBe('cn.parkbrief.desktop');
    await expect(validate(loaded)).resolves.toBeUndefined();
  });

  it('would be refused with a misspelt or misplaced option (the check can fail)', async () => {
    const loaded = await getConfig(PROJECT_DIR, CONFIG_FILE, null);
    await expect(validate({ ...loaded, nsis: { ...(loaded.nsis as object), perMachin: false } })).rejects.toThrow(/configuration\.nsis/);
    await expect(validate({ ...loaded, title: '园区简报' })).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the product, the installers and what the issue asks of them', () => {
    expect(config.productName).toBe('园区简报');
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, language: '2052', installerLanguages: ['zh_CN', 'en_US'] });
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.deb?.depends).toContain('libc6 (>= 2.34)');
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*'] }]);
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.mjs');
    expect(existsSync(join(PROJECT_DIR, config.afterPack as string))).toBe(true);
  });
});

describe('the files each package would hold (electron-builder’s matchers, the real node_modules)', () => {
  const TARGETS = [
    ['linux', 'x64'],
    ['win32', 'x64'],
    ['darwin', 'arm64'],
  ] as const;
  const lists = new Map<string, Contents>();

  beforeAll(async () => {
    // The app archive holds the build: make it when this run has none yet (`npm test` builds first).
    if (!existsSync(join(PROJECT_DIR, 'out', 'main', 'index.js'))) {
      const npmCli = process.env.npm_execpath;
      const r = npmCli
        ? spawnSync(process.execPath, [npmCli, 'run', '--silent', 'build'], { cwd: PROJECT_DIR, stdio: 'inherit' })
        : spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_DIR, stdio: 'inherit', shell: process.platform === 'win32' });
      if (r.status !== 0) throw new Error('npm run build failed');
    }
    for (const [platform, arch] of TARGETS) lists.set(`${platform}-${arch}`, await packageContents(platform, arch));
    const mb = (entries: { size: number }[]) => (entries.reduce((a, e) => a + e.size, 0) / 1e6).toFixed(1);
    for (const [name, c] of lists) {
      console.log(`[package] ${name}: app.asar ${c.asar.length} files ${mb(c.asar)} MB · unpacked ${c.unpacked.length} files ${mb(c.unpacked)} MB · resources ${c.resources.length} files ${mb(c.resources)} MB`);
    }
  }, 180_000);

  describe.each(TARGETS)('%s-%s', (platform, arch) => {
    const contents = () => lists.get(`${platform}-${arch}`)!;
    const all = () => [...contents().asar, ...contents().unpacked].map((e) => e.path);

    it('holds the built app and its package.json in app.asar', () => {
      const asar = contents().asar.map((e) => e.path);
      for (const f of ['package.json', 'out/main/index.js', 'out/main/jobs-worker.js', 'out/main/jobs-child.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(asar).toContain(f);
      for (const dep of ['better-sqlite3', 'docx', 'exceljs', 'zod']) {
        expect(all().some((p) => p.startsWith(`node_modules/${dep}/`)), dep).toBe(true);
      }
    });

    it('holds the native addons of this platform only, unpacked beside the archive', () => {
      const addons = all().filter((p) => p.endsWith('.node'));
      // resvg (the charts' PNGs) is an optional package per platform: npm installs the build
      // machine's, so a package for another platform made here has none, and one made there has it.
      const resvg = { win32: `win32-${arch}-msvc`, darwin: `darwin-${arch}`, linux: `linux-${arch}-gnu` }[platform];
      const resvgAddon = `node_modules/@resvg/resvg-js-${resvg}/resvgjs.${resvg}.node`;
      const expected = [`node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node`, ...(existsSync(join(PROJECT_DIR, resvgAddon)) ? [resvgAddon] : [])];
      expect(addons.sort()).toEqual(expected.sort());
      for (const a of addons) expect(contents().unpacked.map((e) => e.path)).toContain(a);
    });

    it('holds no SQLite sources, no build headers, no sources, tests or tooling of the project', () => {
      const offenders = all().filter((p) =>
        /^node_modules\/better-sqlite3\/(?:deps|src)\/|^node_modules\/node-addon-api\/|binding\.gyp$|^(?:src-main|src-renderer|test|e2e|scripts|bench|docs|resources|build|\.ci)\/|^(?:README\.md|package-lock\.json|electron-builder\.config\.mjs|tsconfig\.json)$/.test(p),
      );
      expect(offenders).toEqual([]);
    });

    it('holds no development tools (Electron itself, the builder, the test runners)', () => {
      for (const dev of ['electron', 'electron-builder', 'app-builder-lib', 'vitest', '@playwright/test', 'typescript', 'icon-gen', 'sharp']) {
        expect(all().some((p) => p.startsWith(`node_modules/${dev}/`)), dev).toBe(false);
      }
    });

    it('puts resources/ beside app.asar: the catalogue, the demo store, articles and photos', () => {
      const resources = contents().resources.map((e) => e.path);
      const expected = readdirSync(join(PROJECT_DIR, 'resources'), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => `resources/${relative(join(PROJECT_DIR, 'resources'), join(d.parentPath, d.name)).split('\\').join('/')}`);
      expect(resources.sort()).toEqual(expected.sort());
      expect(resources).toContain('resources/demo/documents/chuxiong-2022.json');
    });
  });
});

describe('electron-builder --linux dir, with a stand-in Electron distribution', () => {
  // The whole packaging pipeline short of downloading Electron: electronDist points at a folder
  // holding a stand-in executable (with a fuse wire), so electron-builder copies it, writes the
  // real app.asar, app.asar.unpacked and extra resources, and runs the afterPack hook on it.
  let dir = '';
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('packs the files the lister computed, and the packaged executable has its fuses flipped', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parkbrief-dir-build-'));
    const dist = join(dir, 'electron-dist');
    standInBinary(join(dist, 'electron'));
    writeFileSync(join(dist, 'version'), '45.4.1');
    const output = join(dir, 'out');
    const { build, Platform, Arch } = require('electron-builder') as typeof import('electron-builder');
    await build({
      projectDir: PROJECT_DIR,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // Only where the stand-in is and where to write: the rest is the config as `npm run dist` reads it.
      config: { extends: CONFIG_FILE, electronDist: dist, directories: { output } },
    });
    const app = join(output, 'linux-unpacked');
    const wire = await getCurrentFuseWire(join(app, 'parkbrief'));
    for (const [option, value] of Object.entries(FUSES)) expect(wire[option as unknown as FuseV1Options]).toBe(value ? FuseState.ENABLE : FuseState.DISABLE);

    const { listPackage } = require('@electron/asar') as { listPackage: (archive: string, options: { isPack: boolean }) => string[] };
    const packed = listPackage(join(app, 'resources', 'app.asar'), { isPack: false }).map((p) => p.replaceAll('\\', '/').slice(1));
    const expected = await packageContents('linux', 'x64');
    for (const e of expected.asar) expect(packed).toContain(e.path);
    const unpacked = (readdirSync(join(app, 'resources', 'app.asar.unpacked'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((d) => d.isFile())
      .map((d) => relative(join(app, 'resources', 'app.asar.unpacked'), join(d.parentPath, d.name)).split('\\').join('/'));
    expect(unpacked.sort()).toEqual(expected.unpacked.map((e) => e.path).sort());
    expect(existsSync(join(app, 'resources', 'resources', 'demo', 'documents', 'chuxiong-2022.json'))).toBe(true);
  }, 180_000);
});

describe('the afterPack hook flips the fuses', () => {
  it('sets exactly the fuses the issue names, and turns file:// privileges off', () => {
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  let dir = '';
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['linux', 'parkbrief'],
    ['win32', 'ParkBrief.exe'],
    ['darwin', 'ParkBrief.app/Contents/Frameworks/Electron Framework.framework/Electron Framework'],
  ])('in the %s executable electron-builder names (%s)', async (platform, binary) => {
    dir ||= mkdtempSync(join(tmpdir(), 'parkbrief-fuses-'));
    const appOutDir = join(dir, platform);
    standInBinary(join(appOutDir, binary));
    // x64: on Apple silicon the hook would also re-sign ad hoc, which needs macOS's codesign.
    await afterPack({ appOutDir, electronPlatformName: platform, arch: 1, packager: { executableName: 'parkbrief', appInfo: { productFilename: 'ParkBrief' } } });
    const wire = await getCurrentFuseWire(platform === 'darwin' ? join(appOutDir, 'ParkBrief.app') : join(appOutDir, binary));
    const state = (v: boolean) => (v ? FuseState.ENABLE : FuseState.DISABLE);
    for (const [option, value] of Object.entries(FUSES)) expect(wire[option as unknown as FuseV1Options], FuseV1Options[Number(option)]).toBe(state(value));
    // Fuses the hook leaves alone keep Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(FuseState.ENABLE);
  });
});

describe('scripts/make-icons.mjs', () => {
  let out = '';
  afterAll(() => out && rmSync(out, { recursive: true, force: true }));

  it('draws the .ico, .icns and PNG set the config points at, from build/icon.svg', async () => {
    out = mkdtempSync(join(tmpdir(), 'parkbrief-icons-'));
    await makeIcons(join(PROJECT_DIR, 'build', 'icon.svg'), out);
    // Where electron-builder.config.mjs looks, relative to build/icons.
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon]).toEqual(['build/icons/icon.ico', 'build/icons/icon.icns', 'build/icons/png']);

    const ico = readFileSync(join(out, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type 1: icon
    const count = ico.readUInt16LE(4);
    const icoSizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(icoSizes.sort((a, b) => a - b)).toEqual(ICO_SIZES);

    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(ICNS_SIZES).toContain(1024);

    for (const size of PNG_SIZES) {
      const png = readFileSync(join(out, 'png', `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${size}`).toEqual([size, size]);
    }
  });
});
