// electron-builder's afterPack hook: locks the packaged Electron binary down before anything signs
// it (a fuse flipped after signing would break the signature). Fuses are bits compiled into the
// binary that switch features off for good, whatever the environment or command line says.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuse settings of every ParkBrief package, by @electron/fuses option. */
export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is the asar electron-builder hashed, and nothing else (an app/ folder beside it is
  // ignored). Electron checks the hash on macOS and Windows; Linux has no embedded integrity yet.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies and local storage encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from app://, so file:// needs none of its legacy privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/** The file that holds the fuse wire, as electron-builder names the packaged executable. */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export async function afterPack(context) {
  const executable = packagedExecutable(context);
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Flipping bits invalidates the ad-hoc signature Apple silicon needs to run anything at all;
    // a real signature, when configured, is applied after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARM64,
    ...FUSES,
  });
}

/** electron-builder's Arch.arm64 (builder-util), a number in the hook's context. */
const ARM64 = 3;
