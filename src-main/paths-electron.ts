// Where the shell finds the store and its own files, and the text of a failed start; kept free of
// electron so all of it can be tested under plain Node.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DEMO_DOCUMENTS } from './core/documents/demo-documents.ts';
import { AppError, formatMessage, formatWithTechnical, isAppError } from './shared/errors.ts';

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

/** The built app inside the app folder (the project folder, or app.asar when packaged). */
export function appFiles(appPath: string): { rendererDir: string; preload: string } {
  return { rendererDir: join(appPath, 'out', 'renderer'), preload: join(appPath, 'out', 'preload', 'index.cjs') };
}

export interface ResourceLayout {
  isPackaged: boolean;
  /** process.resourcesPath: the folder holding app.asar in a packaged app. */
  resourcesPath: string | undefined;
  /** app.getAppPath(): the project folder in development, …/resources/app.asar when packaged. */
  appPath: string;
  env: NodeJS.ProcessEnv;
}

/** What the app reads from resources/ at run time: the two demo articles (the rest is bundled). */
export const REQUIRED_RESOURCES = Object.values(DEMO_DOCUMENTS).map((f) => join('demo', 'documents', f));

/**
 * Where resources/ is, in the order it is looked for: PARKBRIEF_RESOURCES when set (and then only
 * there); beside app.asar, where electron-builder's extraResources puts it in a packaged app; the
 * app folder (development, `electron .` in the project).
 */
export function resourceCandidates({ isPackaged, resourcesPath, appPath, env }: ResourceLayout): string[] {
  const fromEnv = env.PARKBRIEF_RESOURCES?.trim();
  if (fromEnv) return [resolve(fromEnv)];
  const candidates: string[] = [];
  if (isPackaged && resourcesPath) candidates.push(join(resourcesPath, 'resources'));
  candidates.push(join(appPath, 'resources'));
  return candidates;
}

/**
 * The first candidate that holds every required file. A folder that merely exists is not enough:
 * a half-installed app would otherwise fail later, on opening a new store, with a database error.
 */
export function locateResources(layout: ResourceLayout, exists: (path: string) => boolean = existsSync): string {
  const candidates = resourceCandidates(layout);
  const found = candidates.find((dir) => REQUIRED_RESOURCES.every((f) => exists(join(dir, f))));
  if (found) return found;
  const first = candidates[0]!;
  const missing = REQUIRED_RESOURCES.find((f) => !exists(join(first, f))) ?? REQUIRED_RESOURCES[0]!;
  throw new AppError('RESOURCES_MISSING', { missing, searched: candidates.join('；') });
}

/** The error box of a start that failed: its title and text, Chinese then English. */
export function startupError(e: unknown, storePath: string): { title: string; content: string } {
  if (isAppError(e) && e.code === 'RESOURCES_MISSING') {
    return {
      title: '园区简报缺少程序文件 ParkBrief is incomplete',
      content: `${e.message}\n\n${formatMessage(e.code, e.params, 'en')}`,
    };
  }
  return { title: '园区简报无法打开数据库 ParkBrief cannot open its store', content: storeOpenErrorMessage(e, storePath) };
}

/** AppErrors from openCore already read as a Chinese sentence; anything else is wrapped in one. */
export function storeOpenErrorMessage(e: unknown, storePath: string): string {
  if (isAppError(e)) return formatWithTechnical(e.code, e.params);
  const detail = e instanceof Error ? e.message : String(e);
  return formatWithTechnical('STORE_UNREADABLE', { path: storePath, detail });
}
