// A job's child process, after child.ts: waits for its one job from the host and posts back as a
// worker thread would (run-in-thread.ts). The link to the host is Electron's process.parentPort in a
// utilityProcess, Node's IPC channel (process.send) in a forked process. The process stays until the
// host ends it, so that its last message is read before it goes.
import type { ToMain, WorkerInput } from './messages.ts';
import { runJobTo, type JobPort } from './run-in-thread.ts';

/** Electron's side of a utilityProcess's link (not in Node's types). */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(m: unknown): void;
}

export function serveOneJob(): void {
  const electronPort = (process as { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    const port: JobPort = { postMessage: (m: ToMain) => electronPort.postMessage(m) };
    electronPort.on('message', (e) => void runJobTo(port, e.data as WorkerInput));
    return;
  }
  if (!process.send) return;
  const port: JobPort = { postMessage: (m: ToMain) => void process.send!(m) };
  process.once('message', (data) => void runJobTo(port, data as WorkerInput));
  // The host has gone (its IPC channel closed): nobody is left to read the result.
  process.once('disconnect', () => process.exit(1));
}
