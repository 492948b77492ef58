import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The store the app uses when none is named: the same folder Electron's app.getPath('userData')
 * gives for an app named ParkBrief, so the CLI and the desktop app share one store by default.
 * PARKBRIEF_DB overrides it for both.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PARKBRIEF_DB) return env.PARKBRIEF_DB;
  return join(userDataDir(env, platform), 'parkbrief.sqlite');
}

export function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ParkBrief');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ParkBrief');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ParkBrief');
}
