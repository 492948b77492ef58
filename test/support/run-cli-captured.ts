// Test support: one CLI run in-process with its output captured, as the CLI tests call it.
import { runCli } from '../../src-main/cli/run.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCaptured(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
