// The files each installer would hold, computed by electron-builder's own code from
// electron-builder.yml and the installed node_modules, without an Electron binary: the platform
// packager is electron-builder's, only its pack step is replaced by one that lists instead of
// copying. What it lists: the app archive (app.asar), what is unpacked beside it
// (app.asar.unpacked) and the extra resources. Checked by scripts/packaging/packaging.test.ts.
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// electron-builder's internals are CommonJS and not in its exports map: they are reached by path,
// pinned by the lockfile. A change of shape there fails the test, which is the point.
const require = createRequire(import.meta.url);
const builder = require('app-builder-lib');
const { getMainFileMatchers, getNodeModuleFileMatcher, getFileMatchers } = require('app-builder-lib/out/fileMatcher');
const { computeFileSets, computeNodeModuleFileSets } = require('app-builder-lib/out/util/appFileCopier');
const { AsarPackager } = require('app-builder-lib/out/asar/asarUtil');
const { walk } = require('builder-util');

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The packaging config, relative to the project folder (also `npm run dist`'s --config). */
export const CONFIG_FILE = 'electron-builder.config.mjs';

const PLATFORMS = { linux: builder.Platform.LINUX, win32: builder.Platform.WINDOWS, darwin: builder.Platform.MAC };

/**
 * @typedef {{ path: string; size: number }} Entry  path is '/'-separated, relative to its root
 * @typedef {{ asar: Entry[]; unpacked: Entry[]; resources: Entry[] }} Contents
 */

/**
 * @param {'linux' | 'win32' | 'darwin'} platform
 * @param {'x64' | 'arm64'} arch
 * @returns {Promise<Contents>}
 */
export async function packageContents(platform, arch, projectDir = PROJECT_DIR) {
  /** @type {Contents | undefined} */
  let contents;
  const packager = new builder.Packager({
    projectDir,
    config: CONFIG_FILE,
    targets: PLATFORMS[platform].createTarget(builder.DIR_TARGET, builder.Arch[arch]),
    platformPackagerFactory: (info, p) => {
      const helper = createPlatformPackager(info, p);
      helper.pack = async (outDir, archValue) => {
        contents = await listPackage(helper, outDir, archValue);
      };
      return helper;
    },
  });
  await packager.build();
  if (!contents) throw new Error(`electron-builder packed nothing for ${platform}-${arch}`);
  return contents;
}

function createPlatformPackager(info, platform) {
  if (platform === builder.Platform.MAC) return new builder.MacPackager(info);
  if (platform === builder.Platform.WINDOWS) return new builder.WinPackager(info);
  return new builder.LinuxPackager(info);
}

/** PlatformPackager.doPack and copyAppFiles, up to the point where they would write. */
async function listPackage(packager, outDir, arch) {
  const info = packager.info;
  const options = packager.platformSpecificBuildOptions;
  const appOutDir = packager.computeAppOutDir(outDir, arch);
  const matcherOptions = packager.createGetFileMatchersOptions(outDir, arch, options);
  const { macroExpander } = matcherOptions;

  const extraResources = packager.getExtraFileMatchers(true, appOutDir, matcherOptions) ?? [];
  const extraFiles = packager.getExtraFileMatchers(false, appOutDir, matcherOptions) ?? [];
  const excludePatterns = [];
  for (const m of [...extraResources, ...extraFiles]) m.computeParsedPatterns(excludePatterns, info.projectDir);

  const resourcesDir = packager.getResourcesDir(appOutDir);
  const appDestination = join(resourcesDir, 'app');
  const mainMatchers = getMainFileMatchers(info.appDir, appDestination, macroExpander, options, packager, outDir, false);
  if (excludePatterns.length > 0) for (const m of mainMatchers) m.excludePatterns = excludePatterns;
  const moduleMatcher = getNodeModuleFileMatcher(info.appDir, appDestination, macroExpander, options, info);
  const fileSets = [
    ...(await computeFileSets(mainMatchers, null, packager, false)),
    ...(await computeNodeModuleFileSets(packager, moduleMatcher)),
  ].filter((set) => set.files.length > 0);

  const asarOptions = await packager.computeAsarOptions(options);
  if (!asarOptions) throw new Error('asar is off: the package would ship the app as loose files');
  const unpack = getFileMatchers(info.config, 'asarUnpack', appDestination, {
    macroExpander,
    customBuildOptions: options,
    globalOutDir: outDir,
    defaultSrc: info.appDir,
  })?.[0];
  const asar = new AsarPackager(packager, {
    defaultDestination: appDestination,
    resourcePath: resourcesDir,
    options: asarOptions,
    unpackPattern: unpack?.createFilter(),
  });
  /** @type {{ path: string; type: string; unpacked: boolean; stat?: { size: number } }[]} */
  let streams = [];
  asar.executeElectronAsar = async (s) => {
    streams = s;
  };
  await asar.pack(fileSets);
  const files = streams.filter((s) => s.type === 'file');
  const entry = (s) => ({ path: s.path.split(sep).join('/'), size: s.stat?.size ?? 0 });

  const resources = [];
  for (const m of extraResources) {
    if (m.isEmpty() || m.containsOnlyIgnore()) m.prependPattern('**/*');
    const found = await walk(m.from, m.createFilter());
    for (const file of found) {
      const stat = await import('node:fs').then((fs) => fs.statSync(file));
      if (stat.isFile()) resources.push({ path: relative(resourcesDir, join(m.to, relative(m.from, file))).split(sep).join('/'), size: stat.size });
    }
  }
  return {
    asar: files.filter((s) => !s.unpacked).map(entry),
    unpacked: files.filter((s) => s.unpacked).map(entry),
    resources,
  };
}
