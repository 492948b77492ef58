// Everything the main screen reads from the core, and the calls that change it. The grid and the
// history state are always re-read after a write: the store, not the renderer, is the truth (the
// CLI may write to it too).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellEdit, Input } from '../../../src-main/shared/contract.ts';
import type { AppInfo, Catalog, Grid, HistoryState, Park, Period, ValueKind } from '../../../src-main/shared/model.ts';
import { registerCatalogWords } from './catalog-words.ts';
import { call } from '../bridge/index.ts';
import { loadSelection, saveSelection, type Selection } from './persist.ts';
import { defaultPeriod, keepsPeriod } from './default-period.ts';

export type StatusEvent = { what: 'saved' | 'undone' | 'redone'; at: Date; count?: number };

// Park names sort the way a Chinese reader expects (pinyin: 楚雄 before 昆明), not by code point.
const byName = new Intl.Collator('zh-CN').compare;

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

interface Lists {
  catalog: Catalog;
  info: AppInfo;
  parks: Park[];
  periods: Period[];
  history: HistoryState;
}

/** The lists, the periods as the chosen park uses them (the first park when none is chosen yet). */
async function fetchLists(parkId: string | null): Promise<Lists> {
  const [info, list, history, catalog] = await Promise.all([call('app.info', {}), call('parks.list', {}), call('history.state', {}), call('catalog.get', {})]);
  registerCatalogWords(catalog);
  const parks = [...list].sort((a, b) => byName(a.name, b.name));
  const park = parks.find((p) => p.id === parkId) ?? parks[0];
  const periods = await call('periods.list', park ? { parkId: park.id } : {});
  return { catalog, info, parks, periods, history };
}


async function fetchGrid(sel: Selection, all: boolean): Promise<Grid | null> {
  if (!sel.parkId || !sel.periodId) return null;
  return call('grid.get', { parkId: sel.parkId, periodId: sel.periodId, kind: sel.kind, ...(all ? { all } : {}) });
}

export function useWorkspace() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [parks, setParks] = useState<Park[] | null>(null);
  const [periods, setPeriods] = useState<Period[] | null>(null);
  const [selection, setSelection] = useState<Selection>(loadSelection);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [history, setHistory] = useState<HistoryState>(NO_HISTORY);
  const [status, setStatus] = useState<StatusEvent | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const gridRequest = useRef(0);
  /** Retired indicators and other parks' own ones in the grid too (they are left out by default). */
  const [showAll, setShowAll] = useState(false);
  const showAllRef = useRef(showAll);
  useEffect(() => {
    showAllRef.current = showAll;
  }, [showAll]);

  /**
   * Settles the selection on ids that exist: the park as chosen (else the first), the period as
   * chosen (else the newest the park has figures of the kind in view in).
   */
  const applyLists = useCallback((l: Lists) => {
    setInfo(l.info);
    setCatalog(l.catalog);
    setParks(l.parks);
    setPeriods(l.periods);
    setHistory(l.history);
    setSelection((s) => {
      const parkId = l.parks.some((p) => p.id === s.parkId) ? s.parkId : (l.parks[0]?.id ?? null);
      const periodId = l.periods.some((p) => p.id === s.periodId) ? s.periodId : (defaultPeriod(l.periods, s.kind)?.id ?? null);
      // Same ids: keep the object so the grid is not fetched a second time.
      return parkId === s.parkId && periodId === s.periodId ? s : { ...s, parkId, periodId };
    });
  }, []);

  const selRef = useRef(selection);
  useEffect(() => {
    selRef.current = selection;
  }, [selection]);

  const loadLists = useCallback(async () => applyLists(await fetchLists(selRef.current.parkId)), [applyLists]);

  const loadGrid = useCallback(async (sel: Selection) => {
    const n = ++gridRequest.current;
    const g = await fetchGrid(sel, showAllRef.current);
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
    fetchLists(selRef.current.parkId).then(applyLists, setFailure);
  }, [applyLists]);

  useEffect(() => {
    saveSelection(selection);
    loadGrid(selection).then(() => setFailure(null), setFailure);
  }, [selection, loadGrid, showAll]);

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
    async (edits: CellEdit[], action?: Input<'values.edit'>['action']) => {
      const s = selRef.current;
      if (!s.parkId || !s.periodId) return;
      const res = await call('values.edit', { parkId: s.parkId, periodId: s.periodId, kind: s.kind, edits, ...(action ? { action } : {}) });
      setHistory(res.history);
      // A count only for a block (a paste, a cut): one typed cell may send its qualifier beside its value.
      setStatus({ what: 'saved', at: new Date(), count: (action ? action.kind !== 'edit' : edits.length > 1) ? res.changed : undefined });
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
        // A step may have made or removed a park, a period or an indicator: the lists are read again.
        await loadLists();
        await loadGrid(selRef.current);
      }),
    [guard, loadGrid, loadLists],
  );

  const select = useCallback((patch: Partial<Selection>) => setSelection((s) => ({ ...s, ...patch })), []);

  /**
   * Another park: its periods are read as it uses them, and the period stays where the park has
   * something in it, else moves to the newest period the park has figures of the kind in view in.
   */
  const selectPark = useCallback(
    (parkId: string) =>
      guard(async () => {
        const same = parkId === selRef.current.parkId;
        const periodAsked = selRef.current.periodId;
        select({ parkId });
        const list = await call('periods.list', { parkId });
        setPeriods(list);
        // The period moves only if the user has not chosen one meanwhile (the answer may come late).
        if (same || selRef.current.periodId !== periodAsked) return;
        const current = list.find((p) => p.id === periodAsked);
        const periodId = current && keepsPeriod(current, selRef.current.kind) ? current.id : (defaultPeriod(list, selRef.current.kind)?.id ?? null);
        select({ periodId });
      }),
    [guard, select],
  );

  /** The indicator each text names (catalog.match: name, code or alias), for a pasted column of names. */
  const matchNames = useCallback(async (texts: string[]) => (await call('catalog.match', { texts })).map((m) => m?.indicatorId ?? null), []);

  const parkCreated = useCallback(
    (p: Park) =>
      guard(async () => {
        selRef.current = { ...selRef.current, parkId: p.id };
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
    catalog,
    parks,
    periods,
    selection,
    select,
    selectPark,
    matchNames,
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
    showAll,
    setShowAll,
  };
}
