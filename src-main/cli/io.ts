import { AppError, formatDetail, formatMessage, technicalLine, type ErrorCode, type Locale } from '../shared/errors.ts';
import { toErrorBody } from '../core/rpc/error-body.ts';
import { escapeForTerminal } from './terminal-text.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Redraws the one progress line of a long job (null clears it); only where stderr is a terminal. */
  progress?(line: string | null): void;
  /** Calls cancel on Ctrl-C while a long job runs; the returned function stops listening. */
  onInterrupt?(cancel: () => void): () => void;
}

/** 130: ended by Ctrl-C, as shells report a command ended by SIGINT. */
export const EXIT = { ok: 0, failed: 1, usage: 2, store: 3, interrupted: 130 } as const;

const STORE_CODES = new Set<string>(['STORE_BUSY', 'STORE_TOO_NEW', 'STORE_UNREADABLE', 'STORE_DAMAGED', 'STORE_MIGRATION_FAILED', 'BACKUP_FAILED', 'BACKUP_INVALID', 'RESTORE_FAILED']);

export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  return env.PARKBRIEF_LANG?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Prints an error the way a person at a terminal needs it: what, where, in their language. */
export function reportError(io: CliIo, e: unknown): number {
  const locale = cliLocale(io.env);
  const body = toErrorBody(e);
  const code = body.code as ErrorCode;
  // With details, each refused field gets its own line below, so the headline stays short.
  const params = body.details?.length ? { ...body.params, first: '' } : body.params;
  const text = params ? formatMessage(code, params, locale).replace(/[：:]\s*$/, '') : body.message;
  io.err(locale === 'en' ? `Error: ${text}` : `错误：${text}`);
  for (const d of body.details ?? []) {
    io.err(`  · ${escapeForTerminal(`${d.indicator ? d.indicator + '：' : ''}${formatDetail(d, locale)}`, 'one-line')}`);
  }
  // SQLite's or the system's own words, for support: below the sentence, never inside it.
  const technical = technicalLine(code, body.params, locale);
  if (technical) io.err(`  ${escapeForTerminal(technical, 'one-line')}`);
  if (e instanceof AppError && e.code === 'USAGE') return EXIT.usage;
  if (body.code === 'JOB_CANCELLED') return EXIT.interrupted;
  return STORE_CODES.has(body.code) ? EXIT.store : EXIT.failed;
}
