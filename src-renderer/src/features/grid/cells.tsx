// What each cell shows and what its editor starts with. Figures are shown exactly as stored (the
// core keeps the decimals as reported); nothing here rounds.
import type { TFunction } from 'i18next';
import type { Locale } from '../../../../src-main/shared/errors.ts';
import type { EditableField, GridRow } from '../../../../src-main/shared/model.ts';
import { figureText } from '../../../../src-main/shared/figure/qualifiers.ts';
import { unitText } from '../../../../src-main/shared/figure/units.ts';
import type { ColumnId } from './columns.ts';

/**
 * The text a field holds as the user would type it; the editor starts with this (F2, Enter). The
 * value is the figure as written (150余, 突破2000): its qualifier is part of what the cell says, so
 * retyping the cell retypes the qualifier too. A figure reported only as a growth (增长10%左右) keeps
 * its qualifier with the growth.
 */
export function editText(row: GridRow, field: EditableField): string {
  const c = row.current;
  switch (field) {
    case 'unit':
      return c?.unit ?? row.indicator.unit;
    case 'status':
      return c?.status ?? 'draft';
    case 'value':
      return c?.value == null ? '' : figureText(c.value, '', c.qualifier);
    case 'growth':
      if (c?.growth == null) return '';
      return c.value === null ? figureText(c.growth, '', c.qualifier) : c.growth;
    default:
      return c?.[field] ?? '';
  }
}

function signed(d: string): string {
  return d.startsWith('-') || /^0(\.0+)?$/.test(d) ? d : `+${d}`;
}

/**
 * Last year's figure worded as every export words it (569余, 近80, 10左右), with its unit only where it
 * differs from this row's (3.2亿美元 in a 亿元 row).
 */
export function previousText(row: GridRow): string {
  const p = row.previous;
  if (!p || p.value === null) return '';
  const unit = row.current?.unit ?? row.indicator.unit;
  return figureText(p.value, p.unit !== unit ? unitText(p.unit) : '', p.qualifier);
}

/** A computed 同比 for a percentage is a change in 个百分点, never a growth rate. */
export function computedGrowthText(row: GridRow, t: TFunction): string {
  if (row.computedGrowth === null) return '';
  return row.indicator.kind === 'percent' ? t('grid.points', { value: signed(row.computedGrowth) }) : row.computedGrowth;
}

/** Text for Ctrl+C: editable cells copy what pasting back would need; others what is shown. */
export function copyText(row: GridRow, col: ColumnId, locale: Locale): string {
  switch (col) {
    case 'name':
      return displayName(row, locale);
    case 'previous':
      return previousText(row);
    case 'status':
      // The words the core reads back on paste (core/values/parse-field.ts): 草稿/已核实, draft/verified.
      if (!row.current) return '';
      return locale === 'en' ? row.current.status : row.current.status === 'verified' ? '已核实' : '草稿';
    case 'growth':
      return row.current?.growth != null ? editText(row, 'growth') : row.indicator.kind === 'percent' ? '' : (row.computedGrowth ?? '');
    default:
      return editText(row, col);
  }
}

export function displayName(row: GridRow, locale: Locale): string {
  return locale === 'en' && row.indicator.nameEn ? row.indicator.nameEn : row.indicator.name;
}

/** The visible content of a cell (not editing). */
export function CellContent({ row, col, locale, t }: { row: GridRow; col: ColumnId; locale: Locale; t: TFunction }) {
  const c = row.current;
  const ind = row.indicator;
  switch (col) {
    case 'name': {
      const title = [locale === 'en' ? ind.name : ind.nameEn, ind.definition].filter(Boolean).join('\n');
      return (
        <span className="name" title={title || undefined}>
          {ind.parentCode ? <span className="child-prefix">{t('grid.childPrefix')}</span> : null}
          {displayName(row, locale)}
          {ind.scope ? <span className="scope">{ind.scope}</span> : null}
        </span>
      );
    }
    case 'unit':
      return <span className={c ? undefined : 'muted'}>{c?.unit ?? ind.unit}</span>;
    case 'qualifier':
      return <>{c?.qualifier ?? ''}</>;
    case 'value':
      if (c?.baseline) return <>{`${c.baseline}→${editText(row, 'value')}`}</>;
      return <>{editText(row, 'value')}</>;
    case 'baseline':
      return <>{c?.baseline ?? ''}</>;
    case 'previous':
      return <>{previousText(row)}</>;
    case 'status':
      return c ? <span className={`status status-${c.status}`}>{t(`grid.status.${c.status}`)}</span> : null;
    case 'growth':
      if (c?.growth) return <>{editText(row, 'growth')}</>;
      if (row.computedGrowth === null) return null;
      return (
        <span className="computed" title={t('grid.computedTitle')}>
          {computedGrowthText(row, t)}
        </span>
      );
    case 'source':
      return c?.source ? (
        <span className="truncate" title={c.source}>
          {c.source}
        </span>
      ) : null;
  }
}
