// Reading a command's options: strict (an unknown option is a usage error, exit 2), every refusal
// ending with the help text.

import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors.ts';
import type { ValueKind } from '../shared/model.ts';
import { USAGE } from './usage.ts';

export type Args = Record<string, string | boolean | undefined>;
type Options = Record<string, { type: 'string' | 'boolean' }>;

/** A usage error (exit 2) in both languages, followed by the help text. */
export function usageError(zh: string, en: string): AppError {
  return new AppError('USAGE', { detail: `${zh}（${en}）\n\n${USAGE}` });
}

/** Options only; every command takes --db. */
export function parse(argv: string[], options: Options): Args {
  return parseWithFiles(argv, options, false).args;
}

/** Options and positional arguments (`import FILE`, `restore FILE`); every command takes --db. */
export function parseWithFiles(argv: string[], options: Options, allowPositionals = true): { args: Args; files: string[] } {
  try {
    const parsed = parseArgs({ args: joinNegativeValues(argv), options: { db: { type: 'string' }, ...options }, strict: true, allowPositionals });
    return { args: parsed.values as Args, files: parsed.positionals };
  } catch (e) {
    throw new AppError('USAGE', { detail: `${(e as Error).message}\n\n${USAGE}` });
  }
}

/** `--value -3` would read as an unknown option "-3"; a negative number is a value, so bind it. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function required(args: Args, name: string): string {
  const v = args[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('USAGE', { detail: `缺少 --${name}（missing --${name}）\n\n${USAGE}` });
  return v;
}

export function kindOf(args: Args): ValueKind {
  const k = (args.kind as string | undefined) ?? 'actual';
  if (k !== 'actual' && k !== 'target') throw new AppError('USAGE', { detail: `--kind 只能是 actual 或 target（got ${k}）` });
  return k;
}
