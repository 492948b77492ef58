// The indicator grid: one row per catalogue indicator, grouped by category, edited like a
// spreadsheet. Every commit goes straight to the store (values.edit) so the store's own undo
// history is the grid's undo. The one thing held here is a row's draft: a field typed before the
// row has a figure (cell-edits.ts), shown in its cell and sent with the row's first value.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellEdit, Input } from '../../../../src-main/shared/contract.ts';
import { fieldLabel } from '../../../../src-main/shared/errors.ts';
import type { Category, EditableField, Grid, GridRow } from '../../../../src-main/shared/model.ts';
import { QUALIFIERS, isQualifierWord } from '../../../../src-main/shared/figure/qualifiers.ts';
import { compatibleUnits, unitDef } from '../../../../src-main/shared/figure/units.ts';
import { detailMessage, errorText, isOffline } from '../../app/errors.ts';
import { RpcError } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import type { CheckWarning } from '../../../../src-main/shared/checks.ts';
import { CellContent, copyText, editText } from './cells.tsx';
import { commitFor, withDraft, type RowDraft } from './cell-edits.ts';
import { checksByIndicator, markerText } from './checkIndex.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { formatTsv, parseTsv } from './clipboard.ts';
import { gridColumns, NUMERIC_COLUMNS, type ColumnId } from './columns.ts';
import { planPaste, plannedCells, type PastePlan } from './paste-plan.ts';
import { PastePreview } from './PastePreview.tsx';
import { GridSearch } from './GridSearch.tsx';
import type { SearchEntry } from '../../../../src-main/shared/search.ts';
import { useGridKeyboard, type EditingState, type Move } from './useGridKeyboard.ts';

export type EditAction = NonNullable<Input<'values.edit'>['action']>;

export interface IndicatorGridProps {
  grid: Grid;
  /** Sends edits as one values.edit call; rejects with RpcError when the core refuses them. */
  commit(edits: CellEdit[], action?: EditAction): Promise<void>;
  /** The indicator each text names (name, code or alias), or null: for a pasted column of names. */
  matchNames(texts: string[]): Promise<(string | null)[]>;
  /** The catalogue as Ctrl+F searches it (names, codes, aliases, pinyin). */
  search: readonly SearchEntry[];
  undo(): void;
  redo(): void;
  /** The indicators of the rows under the cursor or in the selected block, for the chart beside the grid. */
  onSelectRows?(indicatorIds: string[]): void;
  /** Retired indicators and other parks' own ones are shown too. */
  showAll: boolean;
  onShowAll(all: boolean): void;
}

interface PendingPaste {
  block: string[][];
  plan: PastePlan;
  matches: Map<string, string | null>;
}

interface PasteReport {
  items: string[];
  dropped: number;
  refused: number;
  notes: string[];
}

interface Pos {
  row: number;
  col: number;
}

interface Section {
  category: Category | null;
  rows: { row: GridRow; index: number }[];
}

function layout(grid: Grid): { sections: Section[]; rows: GridRow[] } {
  const byCat = new Map<string, GridRow[]>();
  for (const r of grid.rows) {
    const list = byCat.get(r.indicator.categoryCode) ?? [];
    list.push(r);
    byCat.set(r.indicator.categoryCode, list);
  }
  const sections: Section[] = [];
  const rows: GridRow[] = [];
  const add = (category: Category | null, list: GridRow[]) => {
    if (!list.length) return; // an empty category has nothing to edit; it shows in the catalogue
    sections.push({ category, rows: list.map((row) => ({ row, index: rows.push(row) - 1 })) });
  };
  for (const c of [...grid.categories].sort((a, b) => a.sort - b.sort)) {
    add(c, byCat.get(c.code) ?? []);
    byCat.delete(c.code);
  }
  for (const list of byCat.values()) add(null, list);
  return { sections, rows };
}

export function IndicatorGrid({ grid, commit, matchNames, search, undo, redo, showAll, onShowAll, onSelectRows }: IndicatorGridProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sections, rows } = useMemo(() => layout(grid), [grid]);
  const { ids: COLUMNS, fields: COLUMN_FIELDS } = useMemo(() => gridColumns(grid), [grid]);
  const startCol = COLUMNS.indexOf('value');
  const checks = useMemo(() => checksByIndicator(grid.checks), [grid]);
  const [active, setActive] = useState<Pos>({ row: 0, col: startCol });
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const [editing, setEditing] = useState<EditingState | null>(null);
  const [cellError, setCellError] = useState<(Pos & { message: string }) | null>(null);
  const [pasteReport, setPasteReport] = useState<PasteReport | null>(null);
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, RowDraft>>(new Map());
  const [searching, setSearching] = useState(false);
  const searchEntries = useMemo(() => {
    const inGrid = new Set(rows.map((r) => r.indicator.id));
    return search.filter((e) => inGrid.has(e.id));
  }, [search, rows]);

  // Ctrl+F finds an indicator (the browser's page search would only find what is rendered).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        setSearching(true);
        // Already open: back to its box, its text selected for a new search.
        const box = document.querySelector<HTMLInputElement>('[data-testid=grid-search-input]');
        box?.focus();
        box?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const sinkRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  /** Set by a click in the grid: the new active cell takes focus even from a picker. */
  const claimFocus = useRef(false);
  /** Set when a refused edit stays open: its text is selected, so what is typed next replaces it. */
  const selectEditor = useRef(false);

  const rowCount = rows.length;
  const pos = { row: Math.min(active.row, Math.max(rowCount - 1, 0)), col: Math.min(active.col, COLUMNS.length - 1) };
  const activeRow = rows[pos.row];
  const activeField = COLUMN_FIELDS[pos.col] ?? null;

  // Keep the keyboard in the grid: after a move the active cell's input is new and must take focus,
  // unless the user has gone elsewhere (a picker, a dialog).
  useEffect(() => {
    const el = sinkRef.current;
    if (!el) return;
    const focused = document.activeElement;
    const claim = claimFocus.current;
    claimFocus.current = false;
    if (selectEditor.current && editing) {
      selectEditor.current = false;
      el.select();
    }
    if (focused === el) return;
    if (claim || !focused || focused === document.body || tableRef.current?.contains(focused)) el.focus();
  }, [pos.row, pos.col, editing, rowCount]);

  // The cursor's row stays in view: after a move, a page, a jump from the checks list, and when a
  // banner above the grid takes height from it.
  useEffect(() => {
    tableRef.current?.querySelector('td.cell.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pos.row, pos.col, pasteReport, pendingPaste, grid.checks.length]);

  const messageOf = (e: unknown): string => {
    if (isOffline(e)) return t('errors.offline');
    if (e instanceof RpcError && e.body.code === 'VALIDATION' && e.body.details?.[0]) return detailMessage(e.body.details[0], locale);
    return errorText(e, locale);
  };

  const moveBy = (from: Pos, dir: Move): Pos => {
    const d = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1], none: [0, 0] }[dir];
    return {
      row: Math.max(0, Math.min(rowCount - 1, from.row + d[0]!)),
      col: Math.max(0, Math.min(COLUMNS.length - 1, from.col + d[1]!)),
    };
  };

  const select = (p: Pos, extend = false) => {
    setAnchor(extend ? (anchor ?? pos) : null);
    setActive(p);
    setCellError(null);
  };

  const shownText = (row: GridRow, field: EditableField): string => drafts.get(row.indicator.id)?.[field] ?? editText(row, field);

  const setDraft = (indicatorId: string, draft: RowDraft | null) =>
    setDrafts((prev) => {
      const next = new Map(prev);
      if (draft && Object.keys(draft).length) next.set(indicatorId, draft);
      else next.delete(indicatorId);
      return next;
    });

  /** Sends edits; on success the drafts of the rows they made a figure of are gone (sent with them). */
  const send = async (edits: CellEdit[], action: EditAction): Promise<void> => {
    await commit(edits, action);
    const sent = new Set(edits.map((e) => e.indicatorId));
    setDrafts((prev) => (prev.size && [...sent].some((id) => prev.has(id)) ? new Map([...prev].filter(([id]) => !sent.has(id))) : prev));
  };

  const commitCell = async (p: Pos, text: string): Promise<boolean> => {
    const row = rows[p.row];
    const field = COLUMN_FIELDS[p.col];
    if (!row || !field) return true;
    if (text === shownText(row, field)) return true;
    if (busy.current) return false;
    const planned = commitFor(row, field, text, drafts.get(row.indicator.id));
    if ('draft' in planned) {
      setDraft(row.indicator.id, planned.draft);
      setCellError(null);
      return true;
    }
    busy.current = true;
    try {
      await send(planned.edits, { kind: 'edit', cells: 1 });
      setCellError(null);
      return true;
    } catch (e) {
      setCellError({ ...p, message: messageOf(e) });
      return false;
    } finally {
      busy.current = false;
    }
  };

  const commitAndMove = async (dir: Move) => {
    if (!editing) return;
    const from = pos;
    if (await commitCell(from, editing.text)) {
      setEditing(null);
      select(moveBy(from, dir));
    } else {
      // Refused: the text stays for correcting, selected, so keys typed next replace it rather
      // than being appended to it (「余150」), and arrows move the caret.
      selectEditor.current = true;
      setEditing({ mode: 'edit', text: editing.text });
    }
  };

  /** The selected block's editable cells cleared, as one step (Delete on a block, Ctrl+X). */
  const clearRange = async (action: 'clear' | 'cut') => {
    const { r0, r1, c0, c1 } = range();
    const edits: CellEdit[] = [];
    let cells = 0;
    for (let r = r0; r <= r1; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = c0; c <= c1; c++) {
        const field = COLUMN_FIELDS[c];
        if (!field || shownText(row, field) === '' || (field === 'status' && !row.current)) continue;
        if (!row.current) {
          setDraft(row.indicator.id, { ...drafts.get(row.indicator.id), [field]: undefined });
          continue;
        }
        edits.push({ indicatorId: row.indicator.id, field, text: '' });
        cells++;
      }
    }
    if (!edits.length || busy.current) return;
    busy.current = true;
    try {
      await send(edits, { kind: action, cells });
      setCellError(null);
    } catch (e) {
      setCellError({ ...pos, message: messageOf(e) });
    } finally {
      busy.current = false;
    }
  };

  /** Rows a page holds in the scrolled area (PageUp/PageDown). */
  const pageRows = (): number => {
    const scroller = scrollRef.current;
    const rowEl = tableRef.current?.querySelector('tr.ind-row');
    if (!scroller || !rowEl) return 10;
    return Math.max(1, Math.floor(scroller.clientHeight / Math.max(1, rowEl.getBoundingClientRect().height)) - 2);
  };

  const toggleStatus = () => {
    const row = activeRow;
    if (!row) return;
    const next = (row.current?.status ?? drafts.get(row.indicator.id)?.status) === 'verified' ? 'draft' : 'verified';
    void commitCell(pos, next);
  };

  const range = (): { r0: number; r1: number; c0: number; c1: number } => {
    const a = anchor ?? pos;
    return {
      r0: Math.min(a.row, pos.row),
      r1: Math.max(a.row, pos.row),
      c0: Math.min(a.col, pos.col),
      c1: Math.max(a.col, pos.col),
    };
  };

  const onKeyDown = useGridKeyboard({
    editing,
    activeEditable: activeField !== null && rowCount > 0,
    activeToggle: activeField === 'status',
    move: (dir, extend) => select(moveBy(pos, dir), extend),
    moveTo: (edge) => select({ row: pos.row, col: edge === 'home' ? 0 : COLUMNS.length - 1 }),
    page: (dir, extend) => select({ row: Math.max(0, Math.min(rowCount - 1, pos.row + (dir === 'down' ? 1 : -1) * pageRows())), col: pos.col }, extend),
    startEditing: (mode) => {
      setPasteReport(null);
      setEditing({ mode, text: mode === 'edit' && activeRow && activeField ? shownText(activeRow, activeField) : '' });
    },
    toggle: toggleStatus,
    commitAndMove: (dir) => void commitAndMove(dir),
    cancelEditing: () => {
      setEditing(null);
      setCellError(null);
    },
    clearCell: () => void clearRange('clear'),
    clearTransient: () => {
      setAnchor(null);
      setCellError(null);
      setPasteReport(null);
    },
    undo,
    redo,
  });

  const onCopy = (e: ClipboardEvent) => {
    if (editing) return;
    copyRange(e);
  };

  const onCut = (e: ClipboardEvent) => {
    if (editing) return;
    copyRange(e);
    void clearRange('cut');
  };

  const copyRange = (e: ClipboardEvent) => {
    const { r0, r1, c0, c1 } = range();
    const block: string[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row = rows[r];
      if (!row) continue;
      const line: string[] = [];
      for (let c = c0; c <= c1; c++) line.push(copyText(row, COLUMNS[c]!, locale));
      block.push(line);
    }
    e.clipboardData.setData('text/plain', formatTsv(block));
    e.preventDefault();
  };

  const onPaste = (e: ClipboardEvent) => {
    if (editing) return; // pasting into the open editor is ordinary text paste
    e.preventDefault();
    void pasteText(e.clipboardData.getData('text/plain'));
  };

  /**
   * A pasted block: its shape is read first (paste-plan.ts). Placed by headings, by names or by
   * position, it is written at once; where the shape is ambiguous the preview asks first.
   */
  const pasteText = async (text: string) => {
    const block = parseTsv(text);
    if (!block.length || busy.current) return;
    setPasteReport(null);
    const width = Math.max(...block.map((l) => l.length));
    // Texts that may name indicators: every cell of the first two columns (a name or a code column).
    const candidates = width > 1 ? [...new Set(block.flatMap((l) => l.slice(0, 2).map((c) => c.trim())).filter((c) => c !== ''))] : [];
    let matches = new Map<string, string | null>();
    if (candidates.length) {
      try {
        const ids = await matchNames(candidates);
        matches = new Map(candidates.map((c, i) => [c, ids[i] ?? null]));
      } catch (e) {
        setPasteReport({ items: [messageOf(e)], dropped: 0, refused: 1, notes: [] });
        return;
      }
    }
    const height = block.length;
    const plan = planPaste(block, {
      fields: COLUMN_FIELDS,
      startCol: pos.col,
      isUnit: (u) => unitDef(u) !== undefined,
      isQualifier: isQualifierWord,
      namesIndicator: (texts) => texts.map((x) => !!matches.get(x)),
      ratesFromCursor: rows.slice(pos.row, pos.row + height).every((r) => r.indicator.kind === 'percent'),
    });
    if (plan.ambiguous.length) {
      setPendingPaste({ block, plan, matches });
      return;
    }
    await writePaste({ block, plan, matches });
  };

  const writePaste = async ({ block, plan, matches }: PendingPaste) => {
    const planned = plannedCells(block, plan);
    const first = plan.headerRow ? 1 : 0;
    const notes = plan.skipped.map((s) => t('grid.paste.skipped', { heading: s.heading }));
    const unmatched = new Set<string>();
    let dropped = 0;
    const placed: { row: number | null; indicatorId: string; field: EditableField; text: string }[] = [];
    for (const c of planned) {
      let indicatorId: string | null;
      let row: number | null;
      if (plan.keyColumn !== null) {
        const name = (block[c.line]![plan.keyColumn] ?? '').trim();
        indicatorId = matches.get(name) ?? null;
        if (!indicatorId) {
          if (name) unmatched.add(name);
          continue;
        }
        const at = rows.findIndex((r) => r.indicator.id === indicatorId);
        row = at >= 0 ? at : null;
      } else {
        row = pos.row + c.line - first;
        if (row >= rowCount) {
          dropped++;
          continue;
        }
        indicatorId = rows[row]!.indicator.id;
      }
      placed.push({ row, indicatorId, field: c.field, text: c.text });
    }
    dropped += block.slice(first).reduce((n, l) => n + l.filter((_, i) => i !== plan.keyColumn && !plan.columns.some((c) => c.index === i)).length, 0);
    if (unmatched.size) notes.push(t('grid.paste.unmatched', { names: [...unmatched].join('、') }));
    setPendingPaste(null);
    if (!placed.length) {
      setPasteReport({ items: [], dropped, refused: 0, notes: notes.length ? notes : [t('grid.paste.nothing')] });
      return;
    }
    // Per figure: what the block gives it, with the qualifier travelling with a pasted value unless
    // the block has a qualifier column of its own, and the row's draft if it starts the figure.
    const byIndicator = new Map<string, CellEdit[]>();
    for (const p of placed) {
      const list = byIndicator.get(p.indicatorId) ?? [];
      list.push({ indicatorId: p.indicatorId, field: p.field, text: p.text });
      byIndicator.set(p.indicatorId, list);
    }
    const pastesQualifier = plan.columns.some((c) => c.target === 'qualifier');
    const edits: CellEdit[] = [];
    for (const [id, list] of byIndicator) {
      const own = [...list];
      if (!pastesQualifier && list.some((e) => e.field === 'value')) own.push({ indicatorId: id, field: 'qualifier', text: '' });
      edits.push(...withDraft(own, drafts.get(id)));
    }
    busy.current = true;
    try {
      await send(edits, { kind: 'paste', cells: placed.length });
      setPasteReport(dropped || notes.length ? { items: [], dropped, refused: 0, notes } : null);
      const inGrid = placed.filter((p) => p.row !== null);
      if (inGrid.length) {
        const colOf = (f: EditableField) => COLUMN_FIELDS.indexOf(f);
        const rowsAt = inGrid.map((p) => p.row!);
        const colsAt = inGrid.map((p) => colOf(p.field));
        setAnchor({ row: Math.min(...rowsAt), col: Math.min(...colsAt) });
        setActive({ row: Math.max(...rowsAt), col: Math.max(...colsAt) });
      }
    } catch (err) {
      const details = err instanceof RpcError && err.body.code === 'VALIDATION' ? (err.body.details ?? []) : [];
      const items = details.length
        ? details.map((d) => {
            const edit = d.index === undefined ? undefined : edits[d.index];
            const name = d.indicator ?? (edit ? (rows.find((r) => r.indicator.id === edit.indicatorId)?.indicator.name ?? '') : '');
            return `${name} · ${fieldLabel(d.field ?? '', locale)} · ${detailMessage(d, locale)}`;
          })
        : [messageOf(err)];
      setPasteReport({ items, dropped, refused: items.length, notes });
    } finally {
      busy.current = false;
      claimFocus.current = true;
    }
  };

  const onCellMouseDown = async (e: MouseEvent, p: Pos) => {
    if (e.target === sinkRef.current && editing) return; // placing the caret inside the editor
    e.preventDefault(); // keep the browser from selecting text across cells
    claimFocus.current = true;
    if (p.row === pos.row && p.col === pos.col) {
      claimFocus.current = false;
      sinkRef.current?.focus();
      return;
    }
    if (editing) {
      if (!(await commitCell(pos, editing.text))) return;
      setEditing(null);
    }
    select(p, e.shiftKey);
  };

  /** A warning chosen in the list: its first row takes the cursor (an open edit is committed first). */
  const onPickCheck = async (w: CheckWarning) => {
    const id = w.indicatorIds.find((i) => rows.some((r) => r.indicator.id === i));
    if (id !== undefined) await onPickRow(id);
  };

  /** An indicator's row takes the cursor, on its 本期 (a check warning chosen, a search hit). */
  const onPickRow = async (indicatorId: string) => {
    const row = rows.findIndex((r) => r.indicator.id === indicatorId);
    if (row < 0) return;
    if (editing) {
      if (!(await commitCell(pos, editing.text))) return;
      setEditing(null);
    }
    claimFocus.current = true;
    select({ row, col: startCol });
    requestAnimationFrame(() => tableRef.current?.querySelector('td.cell.active')?.scrollIntoView({ block: 'center' }));
  };

  const onCellDoubleClick = (p: Pos) => {
    if (editing || COLUMN_FIELDS[p.col] === null) return;
    const row = rows[p.row];
    const field = COLUMN_FIELDS[p.col];
    if (field === 'status') toggleStatus();
    else if (row && field) setEditing({ mode: 'edit', text: shownText(row, field) });
  };

  const onSinkChange = (value: string) => {
    if (activeField === null) return;
    setEditing((prev) => ({ mode: prev?.mode ?? 'replace', text: value }));
  };

  const { r0, r1, c0, c1 } = range();
  const multi = anchor !== null && (r0 !== r1 || c0 !== c1);
  const selectedIds = rows
    .slice(r0, r1 + 1)
    .map((r) => r.indicator.id)
    .join(',');
  useEffect(() => {
    onSelectRows?.(selectedIds ? selectedIds.split(',') : []);
  }, [selectedIds, onSelectRows]);

  const renderCell = (row: GridRow, index: number, col: ColumnId, c: number) => {
    const isActive = index === pos.row && c === pos.col;
    const field = COLUMN_FIELDS[c];
    const err = cellError && cellError.row === index && cellError.col === c ? cellError.message : null;
    const inRange = multi && index >= r0 && index <= r1 && c >= c0 && c <= c1;
    const isEditing = isActive && editing !== null;
    const draft = field ? drafts.get(row.indicator.id)?.[field] : undefined;
    const cls = [
      'cell',
      `col-${col}`,
      NUMERIC_COLUMNS.has(col) ? 'num' : '',
      field ? '' : 'readonly',
      isActive ? 'active' : '',
      inRange ? 'in-range' : '',
      isEditing ? 'editing' : '',
      err ? 'invalid' : '',
      draft !== undefined ? 'draft' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const listId = isEditing && (col === 'unit' || col === 'qualifier') ? `list-${col}` : undefined;
    return (
      <td
        key={col}
        role="gridcell"
        data-col={col}
        className={cls}
        aria-selected={isActive ? 'true' : 'false'}
        aria-readonly={field ? undefined : 'true'}
        aria-invalid={err ? 'true' : undefined}
        onMouseDown={(e) => void onCellMouseDown(e, { row: index, col: c })}
        onDoubleClick={() => onCellDoubleClick({ row: index, col: c })}
      >
        {col === 'name' && checks.has(row.indicator.id) ? <CheckMark text={markerText(checks.get(row.indicator.id)!, locale)} /> : null}
        {isEditing ? null : draft !== undefined ? (
          <span className="draft-text" title={t('grid.draftTitle')}>
            {field === 'status' ? t(`grid.status.${draft}`) : draft}
          </span>
        ) : (
          <CellContent row={row} col={col} locale={locale} t={t} />
        )}
        {isActive ? (
          <input
            ref={sinkRef}
            className={isEditing ? 'cell-editor' : 'cell-sink'}
            data-testid={isEditing ? 'cell-editor' : 'cell-sink'}
            value={isEditing ? editing.text : ''}
            readOnly={!field || field === 'status'}
            list={listId}
            inputMode={isEditing && NUMERIC_COLUMNS.has(col) ? 'decimal' : undefined}
            autoComplete="off"
            spellCheck={false}
            aria-label={`${row.indicator.name} ${t(`grid.col.${col}`)}`}
            aria-invalid={err ? 'true' : undefined}
            onChange={(e) => onSinkChange(e.target.value)}
            onCompositionStart={() => {
              if (!editing && field) setEditing({ mode: 'replace', text: '' });
            }}
          />
        ) : null}
        {listId === 'list-unit' ? (
          <datalist id="list-unit">
            {compatibleUnits(row.indicator.unit).map((u) => (
              <option key={u.code} value={u.code}>
                {locale === 'en' ? u.en : undefined}
              </option>
            ))}
          </datalist>
        ) : null}
        {listId === 'list-qualifier' ? (
          <datalist id="list-qualifier">
            {QUALIFIERS.map((q) => (
              <option key={q.code} value={q.code}>
                {locale === 'en' ? q.en : undefined}
              </option>
            ))}
          </datalist>
        ) : null}
        {err ? (
          <div className="cell-error" data-testid="cell-error" role="alert">
            {err}
          </div>
        ) : null}
      </td>
    );
  };

  return (
    <div className="grid-wrap">
      {pendingPaste ? (
        <PastePreview
          plan={pendingPaste.plan}
          lines={pendingPaste.block.length - (pendingPaste.plan.headerRow ? 1 : 0)}
          targets={COLUMN_FIELDS.filter((f): f is EditableField => f !== null)}
          onChange={(plan) => setPendingPaste({ ...pendingPaste, plan })}
          onConfirm={() => void writePaste(pendingPaste)}
          onCancel={() => {
            setPendingPaste(null);
            claimFocus.current = true;
            sinkRef.current?.focus();
          }}
        />
      ) : null}
      {pasteReport ? (
        <div className={pasteReport.refused ? 'banner banner-error' : 'banner'} data-testid="paste-errors" role="alert">
          <div className="banner-body">
            {pasteReport.refused ? <strong>{t('grid.pasteRefused', { count: pasteReport.refused })}</strong> : null}
            {pasteReport.items.length ? (
              <ul>
                {pasteReport.items.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            ) : null}
            {pasteReport.dropped ? <div>{t('grid.pasteDropped', { count: pasteReport.dropped })}</div> : null}
            {pasteReport.notes.map((n, i) => (
              <div key={i}>{n}</div>
            ))}
          </div>
          <button type="button" className="link" onClick={() => setPasteReport(null)}>
            {t('grid.dismiss')}
          </button>
        </div>
      ) : null}
      <ChecksPanel checks={grid.checks} onPick={(w) => void onPickCheck(w)} />
      {searching ? (
        <GridSearch
          entries={searchEntries}
          onClose={() => {
            setSearching(false);
            claimFocus.current = true;
            sinkRef.current?.focus();
          }}
          onPick={(id) => {
            setSearching(false);
            void onPickRow(id);
          }}
        />
      ) : null}
      <div className="grid-scroll" ref={scrollRef}>
        <table
          ref={tableRef}
          role="grid"
          data-testid="indicator-grid"
          className="grid"
          aria-label={t('grid.label', { park: grid.park.name, period: grid.period.label })}
          aria-rowcount={rowCount}
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onCut={onCut}
          onPaste={onPaste}
        >
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c} className={`w-${c}`} />
            ))}
          </colgroup>
          <thead>
            <tr role="row">
              {COLUMNS.map((c) => (
                <th key={c} role="columnheader" data-col={c} className={NUMERIC_COLUMNS.has(c) ? 'num' : undefined} scope="col" title={t(`grid.col.${c}`)}>
                  {t(`grid.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => (
              <SectionRows key={s.category?.code ?? '_'} section={s} columns={COLUMNS} locale={locale} checked={checks} renderCell={renderCell} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-hint">
        <span>{t('grid.hint')}</span>
        <label className="check show-all">
          <input type="checkbox" data-testid="show-all-indicators" checked={showAll} onChange={(e) => onShowAll(e.target.checked)} />
          {t('catalog.showAll')}
        </label>
      </div>
    </div>
  );
}

/** A row's check-rule mark: what the rules found, with their explanations, as its tooltip. */
function CheckMark({ text }: { text: string }) {
  return (
    <span className="check-mark" role="img" aria-label={text} title={text} data-testid="check-mark">
      !
    </span>
  );
}

function SectionRows({
  section,
  columns: COLUMNS,
  locale,
  checked,
  renderCell,
}: {
  section: Section;
  columns: readonly ColumnId[];
  locale: string;
  checked: ReadonlyMap<string, unknown>;
  renderCell: (row: GridRow, index: number, col: ColumnId, c: number) => ReactNode;
}) {
  const name = section.category ? (locale === 'en' && section.category.nameEn ? section.category.nameEn : section.category.name) : '';
  return (
    <>
      {section.category ? (
        <tr className="cat-row" role="row" data-category={section.category.code}>
          <th colSpan={COLUMNS.length} role="rowheader" scope="colgroup">
            {name}
          </th>
        </tr>
      ) : null}
      {section.rows.map(({ row, index }) => (
        <tr
          key={row.indicator.id}
          role="row"
          data-indicator={row.indicator.name}
          className={['ind-row', row.indicator.parentCode ? 'child' : '', checked.has(row.indicator.id) ? 'has-check' : ''].filter(Boolean).join(' ')}
          data-check={checked.has(row.indicator.id) ? 'true' : undefined}
        >
          {COLUMNS.map((col, c) => renderCell(row, index, col, c))}
        </tr>
      ))}
    </>
  );
}
