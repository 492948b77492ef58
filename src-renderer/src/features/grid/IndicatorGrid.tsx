// The indicator grid: one row per catalogue indicator, grouped by category, edited like a
// spreadsheet. Every commit goes straight to the store (values.edit) so the store's own undo
// history is the grid's undo; there is no local draft to lose.
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellEdit } from '../../../../src-main/shared/contract.ts';
import { fieldLabel } from '../../../../src-main/shared/errors.ts';
import type { Category, Grid, GridRow } from '../../../../src-main/shared/model.ts';
import { QUALIFIERS } from '../../../../src-main/shared/figure/qualifiers.ts';
import { compatibleUnits } from '../../../../src-main/shared/figure/units.ts';
import { detailMessage, errorText, isOffline } from '../../app/errors.ts';
import { RpcError } from '../../bridge/index.ts';
import { useLocale } from '../../i18n/index.ts';
import type { CheckWarning } from '../../../../src-main/shared/checks.ts';
import { CellContent, copyText, editText } from './cells.tsx';
import { checksByIndicator, markerText } from './checkIndex.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { formatTsv, mapPaste, parseTsv } from './clipboard.ts';
import { COLUMN_FIELDS, COLUMNS, NUMERIC_COLUMNS, type ColumnId } from './columns.ts';
import { useGridKeyboard, type EditingState, type Move } from './useGridKeyboard.ts';

export interface IndicatorGridProps {
  grid: Grid;
  /** Sends edits as one values.edit call; rejects with RpcError when the core refuses them. */
  commit(edits: CellEdit[]): Promise<void>;
  undo(): void;
  redo(): void;
  /** The indicators of the rows under the cursor or in the selected block, for the chart beside the grid. */
  onSelectRows?(indicatorIds: string[]): void;
}

interface Pos {
  row: number;
  col: number;
}

interface Section {
  category: Category | null;
  rows: { row: GridRow; index: number }[];
}

const START_COL = COLUMNS.indexOf('value');

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

export function IndicatorGrid({ grid, commit, undo, redo, onSelectRows }: IndicatorGridProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { sections, rows } = useMemo(() => layout(grid), [grid]);
  const checks = useMemo(() => checksByIndicator(grid.checks), [grid]);
  const [active, setActive] = useState<Pos>({ row: 0, col: START_COL });
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const [editing, setEditing] = useState<EditingState | null>(null);
  const [cellError, setCellError] = useState<(Pos & { message: string }) | null>(null);
  const [pasteReport, setPasteReport] = useState<{ items: string[]; dropped: number; refused: number } | null>(null);
  const sinkRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const busy = useRef(false);
  /** Set by a click in the grid: the new active cell takes focus even from a picker. */
  const claimFocus = useRef(false);

  const rowCount = rows.length;
  const pos = { row: Math.min(active.row, Math.max(rowCount - 1, 0)), col: active.col };
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
    if (focused === el) return;
    if (claim || !focused || focused === document.body || tableRef.current?.contains(focused)) el.focus();
  }, [pos.row, pos.col, editing?.mode, rowCount]);

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

  const commitCell = async (p: Pos, text: string): Promise<boolean> => {
    const row = rows[p.row];
    const field = COLUMN_FIELDS[p.col];
    if (!row || !field) return true;
    if (text === editText(row, field)) return true;
    if (busy.current) return false;
    busy.current = true;
    try {
      await commit([{ indicatorId: row.indicator.id, field, text }]);
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
    }
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
    move: (dir, extend) => select(moveBy(pos, dir), extend),
    moveTo: (edge) => select({ row: pos.row, col: edge === 'home' ? 0 : COLUMNS.length - 1 }),
    startEditing: (mode) => {
      setPasteReport(null);
      setEditing({ mode, text: mode === 'edit' && activeRow && activeField ? editText(activeRow, activeField) : '' });
    },
    commitAndMove: (dir) => void commitAndMove(dir),
    cancelEditing: () => {
      setEditing(null);
      setCellError(null);
    },
    clearCell: () => void commitCell(pos, ''),
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

  const pasteText = async (text: string) => {
    const block = parseTsv(text);
    const { cells, dropped } = mapPaste(block, { row: pos.row, col: pos.col, rowCount, fields: COLUMN_FIELDS });
    if (!cells.length || busy.current) return;
    const edits: CellEdit[] = cells.map((c) => ({ indicatorId: rows[c.row]!.indicator.id, field: c.field, text: c.text }));
    busy.current = true;
    try {
      await commit(edits);
      setPasteReport(dropped ? { items: [], dropped, refused: 0 } : null);
      const last = cells[cells.length - 1]!;
      setAnchor({ row: cells[0]!.row, col: cells[0]!.col });
      setActive({ row: last.row, col: last.col });
    } catch (err) {
      const details = err instanceof RpcError && err.body.code === 'VALIDATION' ? (err.body.details ?? []) : [];
      const items = details.length
        ? details.map((d) => {
            const cell = d.index === undefined ? undefined : cells[d.index];
            const name = d.indicator ?? (cell ? rows[cell.row]!.indicator.name : '');
            return `${name} · ${fieldLabel(d.field ?? '', locale)} · ${detailMessage(d, locale)}`;
          })
        : [messageOf(err)];
      setPasteReport({ items, dropped, refused: items.length });
    } finally {
      busy.current = false;
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
    const row = w.indicatorIds.map((id) => rows.findIndex((r) => r.indicator.id === id)).find((i) => i >= 0);
    if (row === undefined) return;
    if (editing) {
      if (!(await commitCell(pos, editing.text))) return;
      setEditing(null);
    }
    claimFocus.current = true;
    select({ row, col: START_COL });
    requestAnimationFrame(() => tableRef.current?.querySelector('td.cell.active')?.scrollIntoView({ block: 'center' }));
  };

  const onCellDoubleClick = (p: Pos) => {
    if (editing || COLUMN_FIELDS[p.col] === null) return;
    const row = rows[p.row];
    const field = COLUMN_FIELDS[p.col];
    if (row && field) setEditing({ mode: 'edit', text: editText(row, field) });
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
    const cls = [
      'cell',
      `col-${col}`,
      NUMERIC_COLUMNS.has(col) ? 'num' : '',
      field ? '' : 'readonly',
      isActive ? 'active' : '',
      inRange ? 'in-range' : '',
      isEditing ? 'editing' : '',
      err ? 'invalid' : '',
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
        {isEditing ? null : <CellContent row={row} col={col} locale={locale} t={t} />}
        {isActive ? (
          <input
            ref={sinkRef}
            className={isEditing ? 'cell-editor' : 'cell-sink'}
            data-testid={isEditing ? 'cell-editor' : 'cell-sink'}
            value={isEditing ? editing.text : ''}
            readOnly={!field}
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
          </div>
          <button type="button" className="link" onClick={() => setPasteReport(null)}>
            {t('grid.dismiss')}
          </button>
        </div>
      ) : null}
      <ChecksPanel checks={grid.checks} onPick={(w) => void onPickCheck(w)} />
      <div className="grid-scroll">
        <table
          ref={tableRef}
          role="grid"
          data-testid="indicator-grid"
          className="grid"
          aria-label={t('grid.label', { park: grid.park.name, period: grid.period.label })}
          aria-rowcount={rowCount}
          onKeyDown={onKeyDown}
          onCopy={onCopy}
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
              <SectionRows key={s.category?.code ?? '_'} section={s} locale={locale} checked={checks} renderCell={renderCell} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid-hint">{t('grid.hint')}</div>
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
  locale,
  checked,
  renderCell,
}: {
  section: Section;
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
