// One row per figure found. The table takes the keyboard: ↑↓ move, Enter or A accept, Delete or D
// drop, E or F2 correct; a click on a row (or its mark in the article) selects it.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { figureText } from '../../../../../src-main/shared/figure/qualifiers.ts';
import { RowEditor } from './RowEditor.tsx';
import type { Decision, Fields, Row } from './rows.ts';

export interface FigureTableProps {
  rows: readonly Row[];
  selected: number;
  onSelect(i: number): void;
  onDecide(i: number, d: Decision): void;
  editing: number | null;
  onEdit(i: number | null): void;
  onSave(i: number, f: Fields): void;
  invalid: keyof Fields | null;
  /** The catalogue's names and aliases. */
  names: readonly string[];
  conflicts: ReadonlySet<number>;
  onApplyKey(): void;
}

export function FigureTable(p: FigureTableProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<(HTMLTableRowElement | null)[]>([]);
  // A name corrected to one the catalogue answers to (a name or an alias) is that indicator, not a new one.
  const known = useMemo(() => new Set(p.names), [p.names]);
  useEffect(() => {
    rowsRef.current[p.selected]?.scrollIntoView({ block: 'nearest' });
  }, [p.selected]);
  useEffect(() => {
    if (p.editing === null) box.current?.focus();
  }, [p.editing]);

  const onKey = (e: KeyboardEvent) => {
    const i = p.selected;
    const key = e.key.toLowerCase();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) p.onApplyKey();
    else if (e.key === 'ArrowDown') p.onSelect(Math.min(p.rows.length - 1, i + 1));
    else if (e.key === 'ArrowUp') p.onSelect(Math.max(0, i - 1));
    else if (e.key === 'Enter' || key === 'a') p.onDecide(i, 'accepted');
    else if (e.key === 'Delete' || e.key === 'Backspace' || key === 'd') p.onDecide(i, 'dropped');
    else if (key === 'e' || e.key === 'F2') p.onEdit(i);
    else return;
    e.preventDefault();
  };

  return (
    <div className="article-rows" ref={box} tabIndex={0} role="grid" aria-label={t('article.rows')} data-testid="article-rows" onKeyDown={onKey}>
      <table>
        <thead>
          <tr>
            {(['n', 'indicator', 'value', 'growth', 'baseline', 'kind', 'period', 'stored', 'decision'] as const).map((c) => (
              <th key={c}>{t(`article.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, i) => {
            const f = r.fields;
            const conflict = p.conflicts.has(i);
            const stored = r.figure.stored;
            return [
              <tr
                key={i}
                ref={(el) => {
                  rowsRef.current[i] = el;
                }}
                className={`${r.decision}${i === p.selected ? ' selected' : ''}${conflict ? ' conflict' : ''}`}
                aria-selected={i === p.selected}
                data-testid={`article-row-${i}`}
                data-decision={r.decision}
                onClick={() => p.onSelect(i)}
                onDoubleClick={() => p.onEdit(i)}
              >
                <td>{i + 1}</td>
                <td>
                  {f.indicator}
                  {(f.indicator === r.figure.indicator ? r.figure.code === null : !known.has(f.indicator)) ? <span className="article-tag">{t('article.newIndicator')}</span> : null}
                  {r.figure.confidence === 'low' ? (
                    <span className="article-tag low" title={r.figure.doubts.map((d) => t(`article.doubt.${d}`)).join('；')}>
                      {t('article.low')}
                    </span>
                  ) : null}
                </td>
                <td>{f.value ? figureText(f.value, f.unit, f.qualifier || null) : ''}</td>
                <td>{f.growth ? (f.value ? `${f.growth}${r.figure.growthUnit ?? '%'}` : figureText(f.growth, r.figure.growthUnit ?? '%', f.qualifier || null)) : ''}</td>
                <td>{f.baseline}</td>
                <td>{t(`article.${f.kind}`)}</td>
                <td>{f.period}</td>
                <td className="muted">
                  {r.figure.status === 'unchanged' ? t('article.same') : stored && stored.value !== null ? figureText(stored.value, stored.unit, stored.qualifier) : stored?.growth ? `${stored.growth}%` : ''}
                </td>
                <td className="article-decision">
                  <span title={conflict ? t('article.conflict') : undefined}>
                    {t(`article.${r.decision}`)}
                    {r.corrected ? ` · ${t('article.corrected')}` : ''}
                    {conflict ? ' ⚠' : ''}
                  </span>
                  <button type="button" className="link" tabIndex={-1} onClick={() => p.onDecide(i, 'accepted')}>
                    {t('article.accept')}
                  </button>
                  <button type="button" className="link" tabIndex={-1} onClick={() => p.onDecide(i, 'dropped')}>
                    {t('article.drop')}
                  </button>
                  <button type="button" className="link" tabIndex={-1} onClick={() => p.onEdit(i)}>
                    {t('article.edit')}
                  </button>
                </td>
              </tr>,
              p.editing === i ? (
                <tr key={`e${i}`} className="article-edit-row">
                  <td colSpan={9}>
                    <RowEditor initial={f} names={p.names} invalid={p.invalid} onSave={(nf) => p.onSave(i, nf)} onCancel={() => p.onEdit(null)} />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
