// The app's job processes: Electron's utilityProcess, the one way to start a Node process from the
// packaged app (a fork of the app's binary would need ELECTRON_RUN_AS_NODE, which its fuses turn off).
// Injected into core at startup (place.ts runExportsInChildProcesses); the job entry is the same file Node's
// fork starts (out/main/jobs-child.js), which finds Electron's process.parentPort there.
import { saysOutOfMemory, type ChildExit, type JobChild, type SpawnJobChild } from '../core/jobs/child-channel.ts';

/** What this file uses of a UtilityProcess (Electron's own type satisfies it). */
export interface UtilityChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: 'FatalError', location: string, report: string) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
  /** undefined until the process has started. */
  readonly pid: number | undefined;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
}

export type UtilityFork = (modulePath: string, args: string[], options: { execArgv: string[]; stdio: 'pipe'; serviceName: string }) => UtilityChild;

export function utilityJobChild(fork: UtilityFork): SpawnJobChild {
  return (entry, execArgv): JobChild => {
    const child = fork(entry, [], { execArgv, stdio: 'pipe', serviceName: 'ParkBrief job' });
    let said = '';
    child.stdout?.resume();
    child.stderr?.on('data', (b: Buffer) => (said = (said + b.toString()).slice(-2000)));
    // V8's fatal error (a heap at its limit) is reported before the exit, with where it happened.
    child.on('error', (_type, location) => (said += `\n${location}`));
    let how: ChildExit | null = null;
    const listeners: ((how: ChildExit) => void)[] = [];
    child.on('exit', (code) => {
      how = { detail: `exit ${code}`, outOfMemory: saysOutOfMemory(said) };
      for (const l of listeners) l(how);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (input) => child.postMessage(input),
      onMessage: (listener) => void child.on('message', listener as (m: unknown) => void),
      onExit: (listener) => {
        if (how) listener(how);
        else listeners.push(listener);
      },
      kill: () => void child.kill(),
    };
  };
}
