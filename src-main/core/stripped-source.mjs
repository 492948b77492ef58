// The project's TypeScript handed to Node as the JavaScript it strips to, from a cache. The CLI and
// the HTTP host run the sources under Node's own type stripping, whose compiler (swc built to
// WebAssembly) every thread loads for its first .ts file and keeps, with memory that never shrinks:
// 15 to 30 MB a thread. A 400-park yearbook through the CLI strips in two threads (the command's and
// the job's worker): about 30 MB of its 220 MB peak. Here a source whose stripped text is cached is
// loaded as JavaScript and the compiler is never loaded; a new or changed source is stripped by
// Node's own function, in Node's own mode (types blanked, positions kept: stack traces point at the
// same lines), and cached under the hash of its text. Plain JavaScript, so that nothing is stripped
// to load it. bin/parkbrief.mjs registers it before the CLI loads; a thread the CLI starts registers
// it in its entry (core/jobs/worker-boot.mjs). The app runs the built JavaScript and never loads it.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's folder: every .ts under it is an ES module (package.json "type": "module"). */
const ROOT = new URL('../../', import.meta.url).href;

/** Per user (the temp folder may be shared) and per Node version (another Node may strip differently). */
export const defaultCacheDir = () => join(tmpdir(), `parkbrief-stripped-${process.getuid?.() ?? 'user'}-${process.version}`);

const checked = new Map();

/**
 * Whether `dir` is this user's alone, made so if missing. The cache's files are run as code: a
 * folder another user made first in a shared temp folder, or can write to, or a link to one, is not
 * read. On Windows the temp folder is the user's own.
 */
function ownFolder(dir) {
  let own = checked.get(dir);
  if (own === undefined) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const st = lstatSync(dir);
      own = st.isDirectory() && (process.platform === 'win32' || (st.uid === process.getuid() && (st.mode & 0o022) === 0));
    } catch {
      own = false;
    }
    checked.set(dir, own);
  }
  return own;
}

/**
 * A source's stripped text, from `dir` when it was stripped before; else stripped now and kept there.
 * A cache that is not this user's alone or cannot be written is skipped: the text is still returned.
 */
export function strippedSource(source, dir = defaultCacheDir()) {
  if (!ownFolder(dir)) return stripQuietly(source);
  const file = join(dir, `${createHash('sha256').update(source).digest('hex')}.js`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not cached yet.
  }
  const js = stripQuietly(source);
  try {
    // Written aside and renamed: two commands starting at once never read half a file.
    const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(aside, js);
    renameSync(aside, file);
  } catch {
    // A read-only or full temp folder: strip again next time.
  }
  return js;
}

/**
 * Node 22 calls stripTypeScriptTypes experimental and says so on stderr, where a command's output
 * goes; the loader's own stripping, the same function, says nothing. Only that warning is held back.
 */
function stripQuietly(source) {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('stripTypeScriptTypes')) emit.call(process, warning, ...rest);
  };
  try {
    return stripTypeScriptTypes(source);
  } finally {
    process.emitWarning = emit;
  }
}

let registered = false;

/** From here on this thread loads the project's .ts files through the cache. */
export function useStrippedSources(dir = defaultCacheDir()) {
  if (registered || process.env.PARKBRIEF_STRIPPED_CACHE === '0') return;
  registered = true;
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith(ROOT) || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
      return { format: 'module', source: strippedSource(readFileSync(fileURLToPath(url), 'utf8'), dir), shortCircuit: true };
    },
  });
}
