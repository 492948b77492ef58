import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors.ts';

/**
 * A worker thread's or a job process's entry, seen from the module that starts it (`here`, its import.meta.url): the
 * TypeScript file beside it when the core runs from source (Node's type stripping: the CLI, the
 * HTTP host, the tests), else the built `built` (electron.vite.config.ts names every worker entry)
 * in out/main, where the bundle's shared code may sit one folder down in out/main/chunks/.
 */
export function entryBeside(here: string, source: string, built: string): URL {
  if (here.endsWith('.ts')) return new URL(source, here);
  for (const rel of [`./${built}`, `../${built}`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new AppError('RESOURCES_MISSING', { missing: built, searched: fileURLToPath(new URL('.', here)) });
}
