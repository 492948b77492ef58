import type { FuseV1Options } from '@electron/fuses';

export const FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>>;

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

export function packagedExecutable(context: PackContext): string;
export function afterPack(context: PackContext): Promise<void>;
