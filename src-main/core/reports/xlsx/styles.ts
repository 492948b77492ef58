// Cell styles of every ParkBrief workbook. Each style is one shared object: exceljs recognises a
// style it has seen by object identity, so a province workbook of 250,000 figures costs a handful
// of style records instead of one JSON key per cell. Never mutate a style after handing it out.

import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import { QUALIFIERS } from '../../../shared/figure/qualifiers.ts';

/** 宋体 is what Chinese offices' Excel and WPS use for tables; charset 134 is GB2312. */
const BODY: Partial<Font> = { name: '宋体', size: 10, charset: 134 };
const BOLD: Partial<Font> = { ...BODY, bold: true };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const HEAD_FILL = solid('FFE7E6E6');
const GROUP_FILL = solid('FFF2F2F2');
/** Locked cells of a fill-in template are tinted so the white cells read as "write here". */
const LOCKED_FILL = solid('FFF2F2F2');

const cache = new Map<string, Partial<Style>>();
function shared(key: string, make: () => Partial<Style>): Partial<Style> {
  let s = cache.get(key);
  if (!s) cache.set(key, (s = Object.freeze(make())));
  return s;
}

const center: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

export const S = {
  title: shared('title', () => ({ font: { name: '黑体', size: 16, charset: 134 }, alignment: { horizontal: 'center', vertical: 'middle' } })),
  titleLeft: shared('titleLeft', () => ({ font: { name: '黑体', size: 16, charset: 134 }, alignment: { horizontal: 'left', vertical: 'middle' } })),
  subtitle: shared('subtitle', () => ({ font: BODY, alignment: { horizontal: 'center', vertical: 'middle' } })),
  left: shared('left', () => ({ font: BODY, alignment: { horizontal: 'left', vertical: 'middle' } })),
  right: shared('right', () => ({ font: BODY, alignment: { horizontal: 'right', vertical: 'middle' } })),
  /** Paragraphs of explanation (填写说明, 注): wrapped, top-aligned. */
  prose: shared('prose', () => ({ font: BODY, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } })),
  proseBold: shared('proseBold', () => ({ font: BOLD, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } })),
  header: shared('header', () => ({ font: BOLD, alignment: center, border: BOX, fill: HEAD_FILL })),
  group: shared('group', () => ({ font: BOLD, alignment: { horizontal: 'left', vertical: 'middle' }, border: BOX, fill: GROUP_FILL })),
  code: shared('code', () => ({ font: BODY, alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX })),
  /** A figure that had to be written as text (a unit the row's unit does not convert to). */
  textFigure: shared('textFigure', () => ({ font: BODY, alignment: { horizontal: 'right', vertical: 'middle', indent: 1 }, border: BOX })),
  empty: shared('empty', () => ({ font: BODY, border: BOX })),
  /** The hidden key column: plain text, never a number Excel might reformat. */
};

/** The indicator name, indented by its depth under "其中：". */
export function nameStyle(depth: number, locked = false): Partial<Style> {
  return shared(`name|${depth}|${locked}`, () => ({
    font: BODY,
    // One step in from the category rows, one more for each "其中：" level.
    alignment: { horizontal: 'left', vertical: 'middle', indent: depth + 1, wrapText: true },
    border: BOX,
    ...(locked ? { fill: LOCKED_FILL } : {}),
  }));
}

/** A number cell with its format; italic marks a figure computed rather than reported. */
export function numberStyle(numFmt: string, opts: { italic?: boolean; bold?: boolean } = {}): Partial<Style> {
  return shared(`num|${numFmt}|${opts.italic ?? false}|${opts.bold ?? false}`, () => ({
    font: { ...BODY, ...(opts.italic ? { italic: true } : {}), ...(opts.bold ? { bold: true } : {}) },
    alignment: { horizontal: 'right', vertical: 'middle' },
    border: BOX,
    numFmt,
  }));
}

const byFigure = new Map<number, Map<string | null, Partial<Style>>>();

/** numberStyle(figureFormat(…)) for the common upright figure, found without building a key per cell. */
export function figureStyle(decimals: number, qualifier: string | null): Partial<Style> {
  let m = byFigure.get(decimals);
  if (!m) byFigure.set(decimals, (m = new Map()));
  let s = m.get(qualifier);
  if (!s) m.set(qualifier, (s = numberStyle(figureFormat(decimals, qualifier))));
  return s;
}

/** Fill-in templates: locked structure (tinted) and unlocked input cells (white). */
export function fillStyle(role: 'locked' | 'lockedCenter' | 'input' | 'inputCenter' | 'inputText', numFmt = 'General'): Partial<Style> {
  return shared(`fill|${role}|${numFmt}`, () => {
    const locked = role === 'locked' || role === 'lockedCenter';
    const horizontal = role === 'lockedCenter' || role === 'inputCenter' ? 'center' : role === 'inputText' ? 'left' : 'right';
    return {
      font: BODY,
      // Figures in the input cells keep General (what was typed is what shows), so they get the
      // gap to the border from an indent rather than from the format.
      alignment: { horizontal, vertical: 'middle', ...(role === 'inputText' ? { wrapText: true } : role === 'input' || role === 'locked' ? { indent: 1 } : {}) },
      border: BOX,
      numFmt,
      protection: { locked },
      ...(locked ? { fill: LOCKED_FILL } : {}),
    };
  });
}

/**
 * "0.00" for 2 decimals, "0" for none; GB/T 15835 figures carry no thousands separators. The
 * trailing "_ " keeps a space's width between the figure and the cell's right border, as the
 * number formats of Chinese Excel do ("0.00_ ").
 */
export function decimalsFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  return d > 0 ? `0.${'0'.repeat(d)}` : '0';
}

const PAD = '_ ';

/**
 * The number format that shows a qualifier with the figure while the cell stays a number:
 * "近"0.0 → 近80.0, 0"余" → 569余, 0.0"左右" → 10.0左右 (the unit stands in its own column,
 * so a word that copy writes between number and unit follows the number here). `suffix` is
 * appended after the number ("个百分点").
 */
export function figureFormat(decimals: number, qualifier: string | null, suffix = ''): string {
  const base = decimalsFormat(decimals) + (suffix ? `"${suffix}"` : '');
  const q = QUALIFIERS.find((x) => x.code === qualifier);
  if (!q) return base + PAD;
  return (q.at === 'before' ? `"${q.code}"${base}` : `${base}"${q.code}"`) + PAD;
}

/** Growth: one decimal (DOMAIN.md), in percentage points for an indicator that is a percentage. */
export function growthFormat(points: boolean, qualifier: string | null): string {
  return figureFormat(1, qualifier, points ? '个百分点' : '');
}
