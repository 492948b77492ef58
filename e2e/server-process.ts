// Starts `parkbrief serve` on a fresh store as a child process, the way a user starts browser mode,
// and reads the URL it prints. Shared by the e2e fixture and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');

export async function startServe(opts: { dbPath?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ServeProcess> {
  const dir = opts.dbPath ? null : mkdtempSync(join(tmpdir(), 'parkbrief-e2e-'));
  const dbPath = opts.dbPath ?? join(dir!, 'store.sqlite');
  const child = spawn(process.execPath, [join(ROOT, 'src-main/cli.ts'), 'serve', '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const cleanUp = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`serve did not print a URL in 20 s:\n${output}`)), 20_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve exited with ${code}:\n${output}`));
    });
  }).catch((e: unknown) => {
    cleanUp();
    throw e;
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    token: u.searchParams.get('token')!,
    dbPath,
    child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
