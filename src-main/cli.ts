#!/usr/bin/env node
// Headless ParkBrief over the same core as the app: `parkbrief --help`.
import { enableCompileCache } from 'node:module';

// Every command starts a process that loads its modules anew; Node's compile cache (in the OS temp
// folder) keeps their compiled code for the next command. A cache it cannot use is skipped quietly;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();
const { endQuietlyOnClosedPipe } = await import('./cli/closed-pipe.ts');
for (const stream of [process.stdout, process.stderr]) endQuietlyOnClosedPipe(stream, (code) => process.exit(code));
const { runCli } = await import('./cli/run.ts');

const code = await runCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  env: process.env,
  // A long job's progress is one line redrawn in place, on a terminal only: a pipe or a log gets
  // the command's lines and nothing else.
  ...(process.stderr.isTTY ? { progress: (l: string | null) => process.stderr.write(l === null ? '\r\x1b[2K' : `\r\x1b[2K${l}`) } : {}),
  onInterrupt: (cancel: () => void) => {
    process.once('SIGINT', cancel);
    return () => process.off('SIGINT', cancel);
  },
});
process.exitCode = code;
