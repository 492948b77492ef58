// Saves sent as a document is left (another park, period or view) that the core refused or that
// never arrived. The editor is gone by then, so the failure is kept here and shown by the app
// (LeaveFailureBanner) until the user saves the text again or lets it go: it used to vanish.
import { useSyncExternalStore } from 'react';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';

export interface LeaveFailure {
  key: string;
  parkId: string;
  periodId: string;
  /** 楚雄高新区 2022年, as the banner names the document. */
  label: string;
  body: DocumentBody;
  error: unknown;
}

let failures: readonly LeaveFailure[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function recordLeaveFailure(f: LeaveFailure): void {
  failures = [...failures.filter((x) => x.key !== f.key), f];
  emit();
}

/** A later save of the document (from the editor or the banner) settles it. */
export function clearLeaveFailure(key: string): void {
  if (!failures.some((x) => x.key === key)) return;
  failures = failures.filter((x) => x.key !== key);
  emit();
}

export function useLeaveFailures(): readonly LeaveFailure[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => failures,
  );
}
