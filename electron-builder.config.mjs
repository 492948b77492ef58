// Installers for 园区简报 (electron-builder). `npm run dist` builds them for the machine it runs on;
// docs/PACKAGING.md says what is checked on the build machines and what only a release machine can
// do. scripts/packaging/packaging.test.ts validates this object against electron-builder's own schema
// and computes from it, with electron-builder's code, the files each platform's package would hold.

/** @resvg/resvg-js's platform package suffix; ${arch} is expanded by electron-builder. */
const RESVG_PLATFORM = { win32: 'win32-${arch}-msvc', darwin: 'darwin-${arch}', linux: 'linux-${arch}-gnu' };

/**
 * The app's files, with only the given platform's better-sqlite3 prebuild. Each platform gets the
 * whole list: electron-builder turns a platform-level list that only excludes into "every file of
 * the project, minus these", so a shared list plus per-platform exclusions cannot be written.
 * @param {'win32' | 'darwin' | 'linux'} prebuildPlatform better-sqlite3's name for the platform
 */
function appFiles(prebuildPlatform) {
  return [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    // ${arch} is the arch being packaged. Electron is glibc-only, so linuxmusl goes too.
    `!node_modules/better-sqlite3/prebuilds/!(${prebuildPlatform}-\${arch}).node`,
    // The charts' PNG renderer (resvg) comes as one optional package per platform; npm installs the
    // build machine's, and only the packaged platform's may go in.
    `!node_modules/@resvg/!(resvg-js|resvg-js-${RESVG_PLATFORM[prebuildPlatform]})/**`,
    // SQLite's amalgamation (deps/, ~10 MB) and the addon's C++ sources (src/) only serve a build
    // from source; the prebuild is what loads. node-addon-api is C++ headers for that same build.
    '!node_modules/better-sqlite3/{deps,src}{,/**}',
    '!node_modules/node-addon-api{,/**}',
  ];
}

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'cn.parkbrief.desktop',
  productName: '园区简报',
  // ASCII names for the executable and the artifacts: shells, updaters and download links mangle
  // Chinese file names more often than not. The window title and shortcuts still say 园区简报.
  executableName: 'ParkBrief',
  artifactName: 'ParkBrief-${version}-${os}-${arch}.${ext}',
  copyright: 'Copyright © 2026 ParkBrief',
  directories: { output: 'dist', buildResources: 'build' },
  // better-sqlite3 13 ships Node-API prebuilds that load unchanged in Electron: there is nothing to
  // rebuild, and a rebuild would download Electron's headers.
  npmRebuild: false,
  // A native addon cannot be loaded from inside an asar archive.
  asarUnpack: ['**/*.node'],
  // The demo articles, photos and catalogue sit beside app.asar (<resources>/resources), where the
  // main process looks for them (src-main/paths-electron.ts).
  extraResources: [{ from: 'resources', to: 'resources', filter: ['**/*'] }],
  // Flips the Electron fuses of the packaged binary before anything signs it.
  afterPack: './scripts/packaging/after-pack.mjs',

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.ico',
    files: appFiles('win32'),
  },
  nsis: {
    // Per user, no administrator rights: offices rarely give their staff those.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    // Chinese installer UI (LCID 2052); English where Windows itself runs in English.
    language: '2052',
    installerLanguages: ['zh_CN', 'en_US'],
    multiLanguageInstaller: true,
    displayLanguageSelector: false,
    shortcutName: '园区简报',
    uninstallDisplayName: '园区简报 ParkBrief',
    // The store and its backups are the user's data, never the uninstaller's to delete.
    deleteAppDataOnUninstall: false,
    artifactName: 'ParkBrief-Setup-${version}-${arch}.${ext}',
  },

  mac: {
    // One dmg per arch: the prebuild filter above keeps one arch's addon, so no universal build.
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.productivity',
    icon: 'build/icons/icon.icns',
    hardenedRuntime: true,
    files: appFiles('darwin'),
  },
  dmg: { title: '园区简报 ${version}' },

  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    icon: 'build/icons/png',
    executableName: 'parkbrief',
    synopsis: '园区简报 ParkBrief — 园区指标、简报与统计报表',
    files: appFiles('linux'),
  },
  deb: {
    // electron-builder's default list, plus the glibc floor of better-sqlite3's linux-x64 prebuild
    // (GLIBC_2.34: Debian 12, Ubuntu 22.04 and later; docs/PACKAGING.md).
    depends: ['libc6 (>= 2.34)', 'libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },
};

export default config;
