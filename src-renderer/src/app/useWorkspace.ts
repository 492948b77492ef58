// Everything the main screen reads from the core, and the calls that change it. The grid and the
// history state are always re-read after a write: the store, not the renderer, is the truth (the
// CLI may write to it too).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellEdit } from '../../../src-main/shared/contract.ts';
import type { AppInfo, Grid, HistoryState, Park, Period, ValueKind } from '../../../src-main/shared/model.ts';
import { call } from '../bridge/index.ts';
import { loadSelection, saveSelection, type Selection } from './persist.ts';

export type StatusEvent = { what: 'saved' | 'undone' | 'redone'; at: Date; count?: number };

// Park names sort the way a Chinese reader expects (pinyin: 楚雄 before 昆明), not by code point.
const byName = new Intl.Collator('zh-CN').compare;

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

interface Lists {
  info: AppInfo;
  parks: Park[];
  periods: Period[];
  history: HistoryState;
}

async function fetchLists(): Promise<Lists> {
  const [info, list, periods, history] = await Promise.all([call('app.info', {}), call('parks.list', {}), call('periods.list', {}), call('history.state', {})]);
  return { info, parks: [...list].sort((a, b) => byName(a.name, b.name)), periods, history };
}

async function fetchGrid(sel: Selection): Promise<Grid | null> {
  if (!sel.parkId || !sel.periodId) return null;
  return call('grid.get', { parkId: sel.parkId, periodId: sel.periodId, kind: sel.kind });
}

export function useWorkspace() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [parks, setParks] = useState<Park[] | null>(null);
  const [periods, setPeriods] = useState<Period[] | null>(null);
  const [selection, setSelection] = useState<Selection>(loadSelection);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  const [status, setStatus] = useState<StatusEvent | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const gridRequest = useRef(0);

  /** Settles the selection on ids that exist: the first park, the newest period (the list's first). */
  const applyLists = useCallback((l: Lists) => {
    setInfo(l.info);
    setParks(l.parks);
    setPeriods(l.periods);
    setHistory(l.history);
    setSelection((s) => {
      const parkId = l.parks.some((p) => p.id === s.parkId) ? s.parkId : (l.parks[0]?.id ?? null);
      const periodId = l.periods.some((p) => p.id === s.periodId) ? s.periodId : (l.periods[0]?.id ?? null);
      // Same ids: keep the object so the grid is not fetched a second time.
      return parkId === s.parkId && periodId === s.periodId ? s : { ...s, parkId, periodId };
    });
  }, []);

  const loadLists = useCallback(async () => applyLists(await fetchLists()), [applyLists]);

  const loadGrid = useCallback(async (sel: Selection) => {
    const n = ++gridRequest.current;
    const g = await fetchGrid(sel);
    if (n === gridRequest.current) setGrid(g); // a newer selection's answer wins
  }, []);

  const guard = useCallback(async (f: () => Promise<void>) => {
    try {
      await f();
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, []);

  useEffect(() => {
    fetchLists().then(applyLists, setFailure);
  }, [applyLists]);

  useEffect(() => {
    saveSelection(selection);
    loadGrid(selection).then(() => setFailure(null), setFailure);
  }, [selection, loadGrid]);

  const selRef = useRef(selection);
  useEffect(() => {
    selRef.current = selection;
  }, [selection]);

  /** Re-read after another program may have written the store (window focus). */
  const refresh = useCallback(() => guard(async () => {
    await loadLists();
    await loadGrid(selRef.current);
  }), [guard, loadLists, loadGrid]);

  useEffect(() => {
    const onFocus = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  /** Throws the RpcError on refusal so the grid can show it at the cell. */
  const commit = useCallback(
    async (edits: CellEdit[]) => {
      const s = selRef.current;
      if (!s.parkId || !s.periodId) return;
      const res = await call('values.edit', { parkId: s.parkId, periodId: s.periodId, kind: s.kind, edits });
      setHistory(res.history);
      setStatus({ what: 'saved', at: new Date(), count: edits.length > 1 ? res.changed : undefined });
      await loadGrid(s);
    },
    [loadGrid],
  );

  const undoRedo = useCallback(
    (what: 'undo' | 'redo') =>
      guard(async () => {
        let h: HistoryState;
        try {
          h = await call(what === 'undo' ? 'history.undo' : 'history.redo', {});
        } catch (e) {
          // A refused step is taken off the stack (core/history/undo.ts): the buttons must name the next one.
          void call('history.state', {}).then(setHistory, () => undefined);
          throw e;
        }
        setHistory(h);
        setStatus({ what: what === 'undo' ? 'undone' : 'redone', at: new Date() });
        await loadGrid(selRef.current);
      }),
    [guard, loadGrid],
  );

  const select = useCallback((patch: Partial<Selection>) => setSelection((s) => ({ ...s, ...patch })), []);

  const parkCreated = useCallback(
    (p: Park) =>
      guard(async () => {
        await loadLists();
        select({ parkId: p.id });
      }),
    [guard, loadLists, select],
  );
  const periodCreated = useCallback(
    (p: Period) =>
      guard(async () => {
        await loadLists();
        select({ periodId: p.id });
      }),
    [guard, loadLists, select],
  );

  /** After a write that may add a park or period (an article applied, or undone): the lists anew, this park-period in view. */
  const show = useCallback(
    (parkId: string, periodId: string) =>
      guard(async () => {
        await loadLists();
        select({ parkId, periodId });
      }),
    [guard, loadLists, select],
  );

  return {
    info,
    parks,
    periods,
    selection,
    select,
    grid,
    history,
    status,
    failure,
    dismissFailure: () => setFailure(null),
    commit,
    undo: () => void undoRedo('undo'),
    redo: () => void undoRedo('redo'),
    refresh,
    parkCreated,
    periodCreated,
    show,
    setKind: (kind: ValueKind) => select({ kind }),
  };
}
