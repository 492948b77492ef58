export interface Entry {
  /** '/'-separated, relative to app.asar, app.asar.unpacked or the resources folder. */
  path: string;
  size: number;
}
export interface Contents {
  asar: Entry[];
  unpacked: Entry[];
  resources: Entry[];
}
export const PROJECT_DIR: string;
export const CONFIG_FILE: string;
export function packageContents(platform: 'linux' | 'win32' | 'darwin', arch: 'x64' | 'arm64', projectDir?: string): Promise<Contents>;
