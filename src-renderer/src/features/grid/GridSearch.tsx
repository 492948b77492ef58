// Ctrl+F in the grid: find an indicator by name, code, alias or pinyin initials (dqsczz) and put the
// cursor on its row. The list shows the matching rows of this grid, best first.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchIndicators, type SearchEntry } from '../../../../src-main/shared/search.ts';

export interface GridSearchProps {
  /** The grid's rows as search entries, in grid order. */
  entries: readonly SearchEntry[];
  onPick(id: string): void;
  onClose(): void;
}

const MAX_SHOWN = 12;

export function GridSearch({ entries, onPick, onClose }: GridSearchProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const hits = useMemo(() => (query.trim() ? searchIndicators(entries, query).slice(0, MAX_SHOWN) : []), [entries, query]);
  const current = Math.min(active, Math.max(hits.length - 1, 0));
  return (
    <div className="grid-search" data-testid="grid-search" role="search">
      <input
        ref={inputRef}
        data-testid="grid-search-input"
        value={query}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="grid-search-list"
        aria-activedescendant={hits.length ? `grid-search-${current}` : undefined}
        aria-label={t('grid.search.label')}
        placeholder={t('grid.search.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(0, Math.min(hits.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (hits[current]) onPick(hits[current].id);
          }
        }}
      />
      {query.trim() ? (
        hits.length ? (
          <ul className="grid-search-list" id="grid-search-list" role="listbox">
            {hits.map((h, i) => (
              <li
                key={h.id}
                id={`grid-search-${i}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : undefined}
                data-testid="grid-search-option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onPick(h.id)}
              >
                <span>{h.name}</span>
                <span className="muted">
                  {h.code}
                  {h.aliases.length ? ` · ${h.aliases.join('、')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <div className="grid-search-none muted">{t('grid.search.none')}</div>
        )
      ) : null}
    </div>
  );
}
