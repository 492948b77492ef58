// The recovery screen's heading and reason, worded from the error's code and params: the core's
// own message for these codes points at CLI commands, which the screen offers as buttons instead.
import type { StoreStatus } from '../../../../src-main/shared/backups.ts';

type Failed = Extract<StoreStatus, { state: 'failed' }>;

export type RecoveryCase = 'damaged' | 'unreadable' | 'tooNew' | 'other';

export function recoveryCase(status: Failed): RecoveryCase {
  switch (status.error.code) {
    case 'STORE_DAMAGED':
      return 'damaged';
    case 'STORE_UNREADABLE':
      return 'unreadable';
    case 'STORE_TOO_NEW':
      return 'tooNew';
    default:
      return 'other';
  }
}

/** The i18n key and params of the reason line, or null when only the core's message will do. */
export function reasonKey(status: Failed): { key: string; params: Record<string, unknown> } | null {
  const p = status.error.params ?? {};
  const c = recoveryCase(status);
  if (c === 'damaged') return { key: 'recovery.reason.damaged', params: { detail: p.detail ?? '' } };
  if (c === 'tooNew' && p.found !== undefined) return { key: 'recovery.reason.tooNew', params: { found: p.found, supported: p.supported } };
  return null;
}
