// Reading a command's options: strict (an unknown option is a usage error, exit 2), every refusal
// ending with the help text.

import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors.ts';
import type { ValueKind } from '../shared/model.ts';
import { USAGE } from './usage.ts';

export type Args = Record<string, string | boolean | undefined>;
type Options = Record<string, { type: 'string' | 'boolean' }>;

/** A usage error (exit 2), worded in each language on its own, followed by the help text unless `help` is false. */
export function usageError(zh: string, en: string, help = true): AppError {
  return new AppError('USAGE', { zh, en, help: help ? `\n\n${USAGE}` : '' });
}

/** node:util parseArgs refusals (worded in English only) as usage errors in both languages. */
export function parseArgsError(e: unknown): AppError {
  const code = (e as { code?: string }).code;
  const message = (e as Error).message;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError(`未知的选项 ${quoted}`, `Unknown option '${quoted}'`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return usageError(`多余的参数「${quoted}」（带空格的值请加引号）`, `Unexpected argument '${quoted}' (quote a value that holds blanks)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /(--?[\w-]+)/.exec(message)?.[1] ?? quoted;
    return usageError(`选项 ${option} 的写法不对：它${/does not take an argument/.test(message) ? '不带值' : '需要一个值'}`, message);
  }
  return usageError('命令行参数有误', message);
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
    throw parseArgsError(e);
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
  if (typeof v !== 'string' || v.trim() === '') throw usageError(`缺少 --${name}`, `Missing --${name}`);
  return v;
}

export function kindOf(args: Args): ValueKind {
  const k = (args.kind as string | undefined) ?? 'actual';
  if (k !== 'actual' && k !== 'target') throw usageError(`--kind 只能是 actual 或 target，不能是「${k}」`, `--kind is actual or target, not "${k}"`, false);
  return k;
}
