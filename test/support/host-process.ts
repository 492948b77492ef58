// Test support: the real host as a separate process — `parkbrief serve` (browser mode) or a one-shot
// CLI command — started with the project's Node, spoken to over loopback HTTP exactly as the
// browser does, and killable with SIGKILL at any moment. Crash tests need a process of their own:
// killing the test runner's own store connection would prove nothing about the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The project's Node 22 (type stripping, the better-sqlite3 build); the system node may be older. */
export const PROJECT_NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(ROOT, 'src-main/cli.ts');
/** The serve command may print more (the store, a backup line); only this URL form is relied on. */
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/;

export interface HostOptions {
  /** Extra Node options before the script, e.g. ['--import', file] to load a fault injector. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** What the host answered: the HTTP status and the envelope, or `lost` when the connection died first. */
export type RpcReply = { lost: false; status: number; body: { ok: true; value: unknown } | { ok: false; error: { code: string } } } | { lost: true; error: Error };

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  rpc(method: string, input: unknown): Promise<RpcReply>;
  /** SIGKILL (no handler runs, nothing is flushed) and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly end (Ctrl+C), and wait for it. */
  stop(): Promise<void>;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnCli(args: string[], opts: HostOptions): { child: ChildProcess; output: () => string; exited: HostProcess['exited'] } {
  const child = spawn(PROJECT_NODE, [...(opts.nodeArgs ?? []), CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return { child, output: () => out, exited };
}

async function killChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}

/**
 * Starts `serve --db dbPath --port 0` and resolves once it has printed its URL. `onSpawn` sees the
 * process before that (a test may kill it while it is still opening the store); if the process
 * ends before printing a URL, the promise rejects with `HostEndedEarly`.
 */
export async function startHost(dbPath: string, opts: HostOptions & { onSpawn?: (child: ChildProcess) => void; timeoutMs?: number } = {}): Promise<HostProcess> {
  const { child, output, exited } = spawnCli(['serve', '--db', dbPath, '--port', '0'], opts);
  opts.onSpawn?.(child);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const m = await new Promise<RegExpExecArray>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`serve printed no URL in ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const look = () => {
      const hit = URL_LINE.exec(output());
      if (hit) {
        clearTimeout(timer);
        res(hit);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((e) => {
      clearTimeout(timer);
      rej(new HostEndedEarly(e.code, e.signal, output()));
    });
  });
  const origin = `http://127.0.0.1:${m[2]}`;
  const token = m[3]!;
  return {
    child,
    origin,
    token,
    output,
    exited,
    rpc: (method, input) => post(origin, token, method, input),
    kill: () => killChild(child, exited),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export class HostEndedEarly extends Error {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  constructor(code: number | null, signal: NodeJS.Signals | null, output: string) {
    super(`host ended before printing its URL (code ${code}, signal ${signal}):\n${output}`);
    this.code = code;
    this.signal = signal;
  }
}

/** One CLI command as its own process; `kill()` ends it early. */
export function runCliProcess(args: string[], opts: HostOptions = {}): { child: ChildProcess; output: () => string; exited: HostProcess['exited']; kill(): Promise<void> } {
  const p = spawnCli(args, opts);
  return { ...p, kill: () => killChild(p.child, p.exited) };
}

/** POST /rpc/<method> as the browser UI sends it; a fresh connection each time, so a kill loses only this call. */
export function post(origin: string, token: string, method: string, input: unknown): Promise<RpcReply> {
  const data = Buffer.from(JSON.stringify(input));
  return new Promise((resolvePromise) => {
    const req = request(
      `${origin}/rpc/${encodeURIComponent(method)}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': data.length, 'x-parkbrief-token': token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (error) => resolvePromise({ lost: true, error }));
        // After 'end' this is a no-op (a promise settles once); before it, the socket died mid-reply.
        res.on('close', () => resolvePromise({ lost: true, error: new Error('connection closed mid-reply') }));
        res.on('end', () => {
          // A reply cut off by the kill is not an acknowledgement: only a whole envelope counts.
          if (!res.complete) return resolvePromise({ lost: true, error: new Error('reply cut off') });
          try {
            resolvePromise({ lost: false, status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never });
          } catch (error) {
            resolvePromise({ lost: true, error: error as Error });
          }
        });
      },
    );
    req.on('error', (error) => resolvePromise({ lost: true, error }));
    req.end(data);
  });
}

/** The value of an acknowledged success, or an error naming the method and the refusal. */
export function valueOf<T>(method: string, r: RpcReply): T {
  if (r.lost) throw new Error(`${method}: connection lost: ${r.error.message}`);
  if (r.status !== 200 || !r.body.ok) throw new Error(`${method}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}
