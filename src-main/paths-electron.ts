// Store location and the startup failure text, kept free of electron so both can be tested.
import { isAbsolute, join, resolve } from 'node:path';
import { formatMessage, isAppError } from './shared/errors.ts';

export const STORE_FILE = 'parkbrief.sqlite';

/**
 * PARKBRIEF_DB wins (tests, a store on a shared drive); otherwise the store sits in the userData
 * folder, which is the same folder the CLI computes without Electron.
 */
export function resolveStorePath(envValue: string | undefined, userDataDir: string, cwd: string = process.cwd()): string {
  const fromEnv = envValue?.trim();
  if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(cwd, fromEnv);
  return join(userDataDir, STORE_FILE);
}

/** AppErrors from openCore already read as a Chinese sentence; anything else is wrapped in one. */
export function storeOpenErrorMessage(e: unknown, storePath: string): string {
  if (isAppError(e)) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return formatMessage('STORE_UNREADABLE', { path: storePath, detail });
}
