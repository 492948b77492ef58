// The CLI's way into the store: opened as every host opens it, then used only through the
// contract's dispatch() — the entry the app's IPC and browser mode use — so a command and a click
// validate, write and warn alike.

import type { ErrorBody, Input, Output, StoreMethod } from '../shared/contract.ts';
import { isJobMethod } from '../shared/jobs.ts';
import { AppError, formatMessage, type ErrorCode, type ErrorDetail } from '../shared/errors.ts';
import type { CoreContext } from '../core/context.ts';
import type { Host } from '../core/host.ts';
import { defaultStorePath } from '../core/paths.ts';
import { dispatch } from '../core/rpc/dispatch.ts';
import { openForHost, type HostOpened } from '../core/session/open-for-host.ts';
import { storeBusyError } from '../core/store/busy.ts';
import type { Args } from './args.ts';
import { cliLocale, type CliIo } from './io.ts';
import { runJobFromCli } from './job-progress.ts';

export interface CliStore {
  /** A method of the contract; a refusal is thrown as the AppError it was, for reportError. */
  call<M extends StoreMethod>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** How long a command waits for the app (or another command) to finish writing: 5 s unless PARKBRIEF_BUSY_TIMEOUT_MS says. */
export function busyTimeoutMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.PARKBRIEF_BUSY_TIMEOUT_MS);
  return env.PARKBRIEF_BUSY_TIMEOUT_MS && Number.isInteger(ms) && ms >= 0 ? ms : 5000;
}

export function storePathOf(args: Args, io: CliIo): string {
  return typeof args.db === 'string' ? args.db : defaultStorePath(io.env);
}

/**
 * Runs `fn` on the store --db names (created with the demo data when missing) and closes it. The
 * store is opened as the app opens it (core/session/open-for-host.ts): checked first, backed up
 * before a migration and once a day, never replaced when damaged. `host` receives the files an
 * export delivers.
 */
export async function withStore<T>(args: Args, io: CliIo, fn: (store: CliStore) => T | Promise<T>, host?: Host): Promise<T> {
  const ctx = await open(storePathOf(args, io), io);
  const withHost: CoreContext = host ? { ...ctx, host } : ctx;
  try {
    return await fn({
      async call(method, input) {
        const reply = isJobMethod(method)
          ? await runJobFromCli((m, i) => dispatch(withHost, m, i), io, cliLocale(io.env), method, input as never)
          : await dispatch(withHost, method, input);
        if (!reply.ok) throw errorOf(reply.error);
        return reply.value as never;
      },
    });
  } catch (e) {
    throw storeBusyError(e, ctx.storePath);
  } finally {
    ctx.db.close();
  }
}

async function open(path: string, io: CliIo): Promise<CoreContext> {
  let opened: HostOpened;
  try {
    opened = await openForHost(path, { origin: 'cli', demoIfNew: true, busyTimeoutMs: busyTimeoutMs(io.env), backupOnStart: false });
  } catch (e) {
    throw storeBusyError(e, path);
  }
  const en = cliLocale(io.env) === 'en';
  if (opened.backup?.reason === 'pre-migration') {
    io.err(en ? `Backed up before upgrading the store: ${opened.backup.name}` : `升级数据库前已备份：${opened.backup.name}`);
  }
  if (opened.backupWarning) io.err(`${en ? 'Warning: ' : '警告：'}${formatMessage(opened.backupWarning.code, opened.backupWarning.params, en ? 'en' : 'zh-CN')}`);
  return opened.ctx;
}

/** The envelope's error as the AppError the handler threw: reportError words it in the user's language. */
function errorOf(body: ErrorBody): AppError {
  return new AppError(body.code as ErrorCode, body.params ?? {}, body.details as ErrorDetail[] | undefined);
}
