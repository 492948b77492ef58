// Test support: other processes, for what a test cannot do to itself. A folder the writer may not
// write takes another user when the tests run as root (root writes anywhere, whatever the mode says)
// and chmod otherwise; a disk that fills mid-write takes a file-size limit on a child process; a
// store shared with the app takes a real `parkbrief serve` beside the CLI. Each helper that cannot
// work here says why, so that a test skips with a reason instead of passing for nothing.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
/** The project's Node 22 (type stripping, the better-sqlite3 build); the system node may be older. */
export const NODE = existsSync(join(REPO, 'node_modules/.bin/node')) ? join(REPO, 'node_modules/.bin/node') : process.execPath;
export const NOBODY = 65534;

export interface Identity {
  uid?: number;
  gid?: number;
}

export interface Writer {
  /** The identity to run the writer as. */
  identity: Identity;
  /** Makes `dir` a folder the writer can read but not write. */
  lock(dir: string): void;
  /** Makes `dir` (a fresh folder of the test) the writer's own. */
  own(dir: string): void;
  /** Undoes lock(), so the test can clean up. */
  unlock(dir: string): void;
  how: string;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** A writer that a locked folder refuses, or why there is none on this machine. */
export function restrictedWriter(): Writer | { skip: string } {
  if (process.platform === 'win32') return { skip: 'POSIX permissions: not on Windows' };
  if (!isRoot()) {
    return { identity: {}, lock: (d) => chmodSync(d, 0o555), own: () => {}, unlock: (d) => chmodSync(d, 0o755), how: 'chmod 555 (not root)' };
  }
  const probe = spawnSync(NODE, ['-e', ''], { uid: NOBODY, gid: NOBODY });
  if (probe.status !== 0) {
    // The checkout sits in a folder only root may enter (a CI clone in a private temp folder), so
    // another user cannot even start node: a read-only mount refuses root itself instead.
    return readOnlyMount() ?? { skip: `running as root, a child cannot switch to uid ${NOBODY} (${probe.error?.message ?? probe.stderr}), and a read-only bind mount is refused` };
  }
  return {
    identity: { uid: NOBODY, gid: NOBODY },
    lock: (d) => chmodSync(d, 0o755), // root's, read-only to everyone else
    own: (d) => chownSync(d, NOBODY, NOBODY),
    unlock: () => {},
    how: `root: writer runs as uid ${NOBODY}`,
  };
}

function bindReadOnly(dir: string): boolean {
  if (spawnSync('mount', ['--bind', dir, dir]).status !== 0) return false;
  if (spawnSync('mount', ['-o', 'remount,ro,bind', dir]).status === 0) return true;
  spawnSync('umount', [dir]);
  return false;
}

/** A folder bind-mounted onto itself read-only: its files stay visible, and every write is EROFS, root's too. */
function readOnlyMount(): Writer | null {
  if (process.platform !== 'linux') return null;
  const probeDir = mkdtempSync(join(tmpdir(), 'parkbrief-ro-probe-'));
  try {
    if (!bindReadOnly(probeDir)) return null;
    spawnSync('umount', [probeDir]);
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
  return {
    identity: {},
    lock: (d) => {
      if (!bindReadOnly(d)) throw new Error(`read-only bind mount of ${d} refused`);
    },
    own: () => {},
    unlock: (d) => void spawnSync('umount', [d]),
    how: 'root: the folder bind-mounted read-only',
  };
}

/** Root can hand a file to one user and write as another: a file the writer cannot replace. */
export function secondUser(): Identity | { skip: string } {
  if (!isRoot()) return { skip: 'needs a file owned by another user, which only root can set up' };
  const probe = spawnSync(NODE, ['-e', ''], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? { uid: NOBODY, gid: NOBODY } : { skip: `cannot switch to uid ${NOBODY}` };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  identity?: Identity;
  env?: NodeJS.ProcessEnv;
  /** RLIMIT_FSIZE in 1024-byte blocks: a write past it fails with EFBIG, as on a full disk. */
  fileSizeLimitKb?: number;
  timeoutMs?: number;
}

/** Runs `node ...args` from the repository and waits for it. */
export function runNode(args: string[], opts: RunOptions = {}): Promise<Run> {
  let cmd = NODE;
  let argv = args;
  if (opts.fileSizeLimitKb !== undefined) {
    // The shell sets the limit for what it execs; SIGXFSZ ignored so the write fails instead of killing.
    // bash counts -f in 1024-byte blocks; dash in 512-byte ones: either is far below what the tests write.
    cmd = '/bin/sh';
    argv = ['-c', `trap '' XFSZ; ulimit -f ${opts.fileSizeLimitKb} && exec "$0" "$@"`, NODE, ...args];
  }
  const started = performance.now();
  const child = spawn(cmd, argv, {
    cwd: REPO,
    env: { ...process.env, ...opts.env },
    ...opts.identity,
    timeout: opts.timeoutMs ?? 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** A tmpfs of `kb` KB on `dir`: a disk that really fills (ENOSPC). Root with mount rights only. */
export function mountTinyDisk(dir: string, kb: number): { unmount(): void } | { skip: string } {
  if (process.platform !== 'linux' || !isRoot()) return { skip: 'a real full disk needs a tmpfs mount: Linux, as root' };
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k,mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `mount refused here (${(r.stderr || r.error?.message || '').trim()})` };
  return { unmount: () => void spawnSync('umount', [dir]) };
}

export interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line matching `re` (already printed or still to come). */
  line(re: RegExp): Promise<string>;
  /** Null while the process runs. */
  exitCode(): number | null;
  done: Promise<Run>;
}

/** Starts `node ...args` from the repository without waiting: for a process the test talks to. */
export function startNode(args: string[], opts: RunOptions = {}): Started {
  const started = performance.now();
  const child = spawn(NODE, args, { cwd: REPO, env: { ...process.env, ...opts.env }, ...opts.identity, timeout: opts.timeoutMs ?? 120_000 });
  let out = '';
  let err = '';
  let code: number | null = null;
  const waiters: { re: RegExp; resolve(l: string): void }[] = [];
  const match = () => {
    for (const w of [...waiters]) {
      const l = out.split('\n').find((x) => w.re.test(x));
      if (l !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    match();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => {
      code = c ?? -1;
      resolve({ code: c, stdout: out, stderr: err, ms: performance.now() - started });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exitCode: () => code,
    done,
    line: (re) =>
      new Promise((resolve, reject) => {
        waiters.push({ re, resolve });
        match();
        // A process that ends without printing the line fails the wait instead of hanging the test.
        void done.then((r) => reject(new Error(`exited ${r.code} before printing ${re}: ${r.stdout}${r.stderr}`)));
      }),
  };
}

export interface ServeHost {
  origin: string;
  token: string;
  /** POST /rpc/<method> as the page sends it: the envelope, or null when no whole reply came. */
  rpc(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } } | null>;
  /** SIGTERM, the orderly end, and wait for it. */
  stop(): Promise<Run>;
}

/** `parkbrief serve --db FILE --port 0` as its own process, once it has printed its URL. */
export async function startServe(dbPath: string, opts: RunOptions = {}): Promise<ServeHost> {
  const p = startNode(['src-main/cli.ts', 'serve', '--db', dbPath, '--port', '0'], opts);
  const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(await p.line(/浏览器模式：http/))!;
  const [origin, token] = [m[1]!, m[2]!];
  return {
    origin,
    token,
    rpc: (method, input) => rpcPost(origin, token, method, input),
    stop: async () => {
      if (p.exitCode() === null) p.child.kill('SIGTERM');
      return p.done;
    },
  };
}

export async function rpcPost(origin: string, token: string, method: string, input: unknown): Promise<Awaited<ReturnType<ServeHost['rpc']>>> {
  const body = Buffer.from(JSON.stringify(input));
  return new Promise((resolve) => {
    const req = request(
      `${origin}/rpc/${encodeURIComponent(method)}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-parkbrief-token': token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => resolve(null));
        res.on('end', () => {
          try {
            resolve(res.complete ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as never) : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on('error', () => resolve(null));
    req.end(body);
  });
}
