// A store held by another writer past the busy timeout: the app and the CLI may share one store,
// and when one of them keeps it locked too long the other must say so — which file, and what to do —
// instead of hanging or reporting an internal error.

import { AppError } from '../../shared/errors.ts';

/** SQLITE_BUSY, SQLITE_LOCKED and their extended codes (SQLITE_BUSY_SNAPSHOT, …), as better-sqlite3 reports them. */
export function isStoreBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** STORE_BUSY naming the store for a busy error; any other error as it was. */
export function storeBusyError(e: unknown, storePath: string): unknown {
  return isStoreBusy(e) ? new AppError('STORE_BUSY', { path: storePath, detail: String((e as { code: string }).code) }) : e;
}
