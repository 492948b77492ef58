// The catalogue's indicators (retired ones left out) found by the catalogue's search — name, code,
// alias, pinyin initials, as in the grid — with the active hit moved by ↑↓ and PageUp/PageDown.
// Shared by 插入数据 and 插入图表.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Indicator } from '../../../../../src-main/shared/model.ts';
import { searchIndicators, type SearchEntry } from '../../../../../src-main/shared/search.ts';
import { errorText } from '../../../app/errors.ts';
import { call } from '../../../bridge/index.ts';
import { useLocale } from '../../../i18n/index.ts';

export interface IndicatorSearch {
  /** Null until the catalogue has been read. */
  indicators: Indicator[] | null;
  error: string | null;
  query: string;
  setQuery(q: string): void;
  items: Indicator[];
  /** The active hit's index, within items. */
  active: number;
  setActive(i: number): void;
  /** For the search box: moves the active hit; other keys are left to the caller. */
  onSearchKey(e: KeyboardEvent<HTMLInputElement>): void;
}

export function useIndicatorSearch(): IndicatorSearch {
  const locale = useLocale();
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  const [entries, setEntries] = useState<SearchEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [query, setQueryState] = useState('');
  const [active, setActiveState] = useState(0);

  useEffect(() => {
    call('catalog.get', {}).then(
      (c) => {
        setIndicators(c.indicators.filter((i) => !i.retired));
        setEntries(c.search);
      },
      (e: unknown) => setError(errorText(e, locale)),
    );
  }, [locale]);

  const items = useMemo(() => {
    const byId = new Map((indicators ?? []).map((i) => [i.id, i]));
    return searchIndicators(entries, query).flatMap((e) => byId.get(e.id) ?? []);
  }, [indicators, entries, query]);
  const clamped = Math.max(0, Math.min(active, items.length - 1));

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const by = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'PageDown' ? 8 : e.key === 'PageUp' ? -8 : 0;
    if (!by || !items.length) return;
    e.preventDefault();
    setActiveState(Math.max(0, Math.min(items.length - 1, clamped + by)));
  };

  return {
    indicators,
    error,
    query,
    // A new query starts at its first hit.
    setQuery: (q) => {
      setQueryState(q);
      setActiveState(0);
    },
    items,
    active: clamped,
    setActive: setActiveState,
    onSearchKey,
  };
}
