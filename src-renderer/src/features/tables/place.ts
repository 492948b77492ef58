// How an import names a cell to the reader: 工作表「指标表」第12行D列 / sheet “Sheet1”, row 12, column D.
// The importer sends the place as parts so each language can word it.
import type { Locale } from '../../../../src-main/shared/errors.ts';
import { fieldLabel } from '../../../../src-main/shared/errors.ts';
import { figureText } from '../../../../src-main/shared/figure/qualifiers.ts';
import type { CellPlace, PreviewFigure } from '../../../../src-main/shared/tables.ts';

/** withField: also name the field (本期值, 同比增长) — left out where the message names it already. */
export function placeText(place: CellPlace, locale: Locale, withField = true): string {
  const field = withField && place.field ? fieldLabel(place.field, locale) : null;
  if (locale === 'en') {
    const parts = [`sheet “${place.sheet}”`];
    if (place.row !== undefined) parts.push(`row ${place.row}`);
    if (place.column) parts.push(`column ${place.column}`);
    return parts.join(', ') + (field ? ` (${field})` : '');
  }
  let s = `工作表「${place.sheet}」`;
  if (place.row !== undefined) s += `第${place.row}行`;
  if (place.column) s += `${place.column}列`;
  return s + (field ? `（${field}）` : '');
}

/**
 * A previewed figure as copy writes it (突破2000亿元, 569余人), with its stated growth when it has
 * one; a figure that holds only a growth rate shows that alone.
 */
export function figureLabel(f: PreviewFigure | null, locale: Locale): string {
  if (!f) return '—';
  const growth = f.growth === null ? null : locale === 'en' ? `YoY ${f.growth}%` : `同比${f.growth}%`;
  if (f.value === null) return growth ?? '—';
  const figure = figureText(f.value, f.unit, f.qualifier);
  if (!growth) return figure;
  return locale === 'en' ? `${figure} (${growth})` : `${figure}（${growth}）`;
}

/** A byte count for a message: 20 MB, 356 KB. Rounded up, so a file over a limit never reads as the limit. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}
