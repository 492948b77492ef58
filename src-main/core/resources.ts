import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The resources folder (demo articles and photos, the catalogue), seen from the source tree
 * (src-main/core), from the build (out/main) — both two levels below the project — or, in a
 * packaged app, wherever PARKBRIEF_RESOURCES points (Electron's process.resourcesPath).
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PARKBRIEF_RESOURCES) return env.PARKBRIEF_RESOURCES;
  const here = import.meta.dirname;
  const candidates = [resolve(here, '../../resources'), resolve(here, '../resources')];
  return candidates.find((c) => existsSync(join(c, 'demo'))) ?? candidates[0]!;
}
