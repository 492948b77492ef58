#!/usr/bin/env node
// Headless ParkBrief over the same core as the app: `parkbrief --help`.
import { runCli } from './cli/run.ts';

const code = await runCli(process.argv.slice(2), {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  env: process.env,
});
process.exitCode = code;
