// One park-period's document in the editor: loaded once, edited locally, saved after a pause in
// typing (documents.save). A save never overlaps another, and the latest body always wins; leaving
// the document (another park or period, another view) saves what is pending at once. Each save
// names the version it was edited from (base), so a document another window saved meanwhile is not
// silently overwritten: the save is refused (DOCUMENT_STALE) and the user reloads or keeps both.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentBody } from '../../../../src-main/shared/document.ts';
import { call } from '../../bridge/index.ts';
import { blankBody } from './blank.ts';
import { clearLeaveFailure, recordLeaveFailure } from './leave-failures.ts';

export const SAVE_DELAY_MS = 600;
/** Typing without a pause still saves this often. */
export const SAVE_MAX_WAIT_MS = 3000;

export type LoadState = { status: 'loading' } | { status: 'empty' } | { status: 'ready' } | { status: 'failed'; error: unknown };
/** pending: edited, waiting for a pause in typing; saving: sent. */
export type SaveState = { status: 'idle' | 'pending' | 'saving' | 'saved'; at?: Date } | { status: 'failed'; error: unknown };
export type CopySource = 'previous' | 'demo-magazine' | 'demo-news';

/** Saves sent by a document being left, so that opening it again reads what they wrote. */
const leaving = new Map<string, Promise<unknown>>();

/** The save of a document being left; a refusal or a lost connection is kept for the app to show. */
function saveOnLeave(parkId: string, periodId: string, label: string, body: DocumentBody, base: string | null | undefined): void {
  const key = `${parkId}|${periodId}`;
  const p = call('documents.save', { parkId, periodId, body, ...(base !== undefined ? { base } : {}) }).then(
    () => clearLeaveFailure(key),
    (error: unknown) => recordLeaveFailure({ key, parkId, periodId, label, body, error }),
  );
  leaving.set(key, p);
  void p.then(() => {
    if (leaving.get(key) === p) leaving.delete(key);
  });
}

export function useDocument(parkId: string, periodId: string, parkName: string, label = parkName) {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [body, setBody] = useState<DocumentBody | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const latest = useRef<DocumentBody | null>(null);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest unsaved edit was made. */
  const dirtySince = useRef<number | null>(null);
  const alive = useRef(true);
  /** The stored version the body was edited from: undefined until loaded, null when there was none. */
  const base = useRef<string | null | undefined>(undefined);
  /** Set by keepBoth(): the next save goes over a newer version, which stays in the change log. */
  const keepOther = useRef(false);

  const fetchDoc = useCallback(
    () =>
      Promise.resolve(leaving.get(`${parkId}|${periodId}`))
        .then(() => call('documents.get', { parkId, periodId }))
        .then(
          (doc) => {
            if (!alive.current) return;
            latest.current = doc?.body ?? null;
            base.current = doc?.updatedAt ?? null;
            setBody(doc?.body ?? null);
            setLoad({ status: doc ? 'ready' : 'empty' });
          },
          (e: unknown) => {
            if (alive.current) setLoad({ status: 'failed', error: e });
          },
        ),
    [parkId, periodId],
  );

  useEffect(() => {
    alive.current = true;
    void fetchDoc();
    return () => {
      alive.current = false;
    };
  }, [fetchDoc]);

  const reload = useCallback(() => {
    setLoad({ status: 'loading' });
    void fetchDoc();
  }, [fetchDoc]);

  /** Saves the latest body now (after a save under way); rejects when the core refuses it. */
  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      while (inFlight.current) await inFlight.current.catch(() => undefined);
      if (!dirty.current || !latest.current) return;
      const sending = latest.current;
      dirty.current = false;
      dirtySince.current = null;
      if (alive.current) setSave({ status: 'saving' });
      const over = keepOther.current;
      const run = call('documents.save', { parkId, periodId, body: sending, ...(base.current !== undefined ? { base: base.current } : {}), ...(over ? { keepOther: true } : {}) }).then(
        (doc) => {
          base.current = doc.updatedAt;
          clearLeaveFailure(`${parkId}|${periodId}`);
          if (over) keepOther.current = false;
          if (alive.current && !dirty.current) setSave({ status: 'saved', at: new Date() });
        },
        (e: unknown) => {
          if (latest.current === sending) dirty.current = true; // still unsaved: the next edit or a retry sends it
          if (alive.current) setSave({ status: 'failed', error: e });
          // Refused after the document was left (the save was under way): nobody sees the editor now.
          else if (latest.current === sending) recordLeaveFailure({ key: `${parkId}|${periodId}`, parkId, periodId, label, body: sending, error: e });
          throw e;
        },
      );
      inFlight.current = run;
      try {
        await run;
      } finally {
        if (inFlight.current === run) inFlight.current = null;
      }
    }
  }, [parkId, periodId, label]);

  const update = useCallback(
    (f: (b: DocumentBody) => DocumentBody) => {
      const cur = latest.current;
      if (!cur) return;
      const next = f(cur);
      if (next === cur) return;
      latest.current = next;
      dirty.current = true;
      const now = Date.now();
      dirtySince.current ??= now;
      setBody(next);
      setSave((s) => (s.status === 'saving' || s.status === 'pending' ? s : { status: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      const wait = Math.max(0, Math.min(SAVE_DELAY_MS, dirtySince.current + SAVE_MAX_WAIT_MS - now));
      timer.current = setTimeout(() => void flush().catch(() => undefined), wait);
    },
    [flush],
  );

  // Leaving the document (another park, period or view; the page going away or out of sight):
  // send what is pending without waiting for the pause.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && dirty.current) void flush().catch(() => undefined);
    };
    const onPageHide = () => {
      if (dirty.current) void flush().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current && latest.current) saveOnLeave(parkId, periodId, label, latest.current, base.current);
    };
  }, [parkId, periodId, label, flush]);

  /** Starts the document: blank, or copied from the park's previous one or a demo article. */
  const create = useCallback(
    async (from: 'blank' | CopySource) => {
      const doc =
        from === 'blank'
          ? await call('documents.save', { parkId, periodId, body: blankBody(parkName), createOnly: true })
          : await call('documents.copy', { parkId, periodId, from });
      if (!alive.current) return;
      latest.current = doc.body;
      base.current = doc.updatedAt;
      dirty.current = false;
      setBody(doc.body);
      setLoad({ status: 'ready' });
      setSave({ status: 'saved', at: new Date() });
    },
    [parkId, periodId, parkName],
  );

  /**
   * After DOCUMENT_STALE: 'reload' drops this window's edits for the version saved elsewhere; 'keep'
   * saves this window's body over it, that version kept in the change log as its own step.
   */
  const resolveStale = useCallback(
    (choice: 'reload' | 'keep') => {
      if (choice === 'keep') {
        keepOther.current = true;
        dirty.current = true;
        void flush().catch(() => undefined);
        return;
      }
      if (timer.current) clearTimeout(timer.current);
      dirty.current = false;
      dirtySince.current = null;
      setSave({ status: 'idle' });
      reload();
    },
    [flush, reload],
  );

  return { load, body, save, update, flush, create, reload, resolveStale };
}
