import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ChildExit } from '../core/jobs/child-channel.ts';
import { utilityJobChild, type UtilityChild, type UtilityFork } from './utility-job-child.ts';

/** A stand-in for Electron's UtilityProcess: Electron's binary does not run here. */
class FakeUtility extends EventEmitter {
  sent: unknown[] = [];
  killed = 0;
  stdout = new PassThrough();
  stderr = new PassThrough();
  postMessage(m: unknown): void {
    this.sent.push(m);
  }
  kill(): boolean {
    this.killed++;
    return true;
  }
}

function spawnFake() {
  const forks: { path: string; args: string[]; options: Parameters<UtilityFork>[2]; child: FakeUtility }[] = [];
  const fork: UtilityFork = (path, args, options) => {
    const child = new FakeUtility();
    forks.push({ path, args, options, child });
    return child as unknown as UtilityChild;
  };
  return { forks, spawn: utilityJobChild(fork) };
}

describe("the app's job processes (Electron's utilityProcess)", () => {
  it('forks the job entry with the heap options, passes messages both ways and ends it on kill', () => {
    const { forks, spawn } = spawnFake();
    const child = spawn('/app/out/main/jobs-child.js', ['--max-old-space-size=1024', '--max-semi-space-size=5']);
    expect(forks[0]).toMatchObject({ path: '/app/out/main/jobs-child.js', args: [], options: { execArgv: ['--max-old-space-size=1024', '--max-semi-space-size=5'], stdio: 'pipe' } });
    const fake = forks[0]!.child;
    child.send({ task: 'backup', input: {} });
    expect(fake.sent).toEqual([{ task: 'backup', input: {} }]);
    const got: unknown[] = [];
    child.onMessage((m) => got.push(m));
    fake.emit('message', { type: 'done', value: 1 });
    expect(got).toEqual([{ type: 'done', value: 1 }]);
    child.kill();
    expect(fake.killed).toBe(1);
  });

  it("a V8 fatal error at the heap's limit is an out-of-memory exit; another exit is not", () => {
    const { forks, spawn } = spawnFake();
    const oom = spawn('e.js', []);
    const ends: ChildExit[] = [];
    oom.onExit((h) => ends.push(h));
    forks[0]!.child.emit('error', 'FatalError', 'Reached heap limit', '{}');
    forks[0]!.child.emit('exit', 133);
    const crash = spawn('e.js', []);
    crash.onExit((h) => ends.push(h));
    forks[1]!.child.emit('exit', 1);
    // A listener added after the end is told at once.
    crash.onExit((h) => ends.push(h));
    expect(ends).toEqual([
      { detail: 'exit 133', outOfMemory: true },
      { detail: 'exit 1', outOfMemory: false },
      { detail: 'exit 1', outOfMemory: false },
    ]);
  });
});
