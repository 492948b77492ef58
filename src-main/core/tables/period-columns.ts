// Which periods a `table` shows as columns: the ones asked for (--years 2018-2022), or by default
// the requested period and up to four earlier periods of the same kind that the park has figures
// for — earlier years for a year, earlier quarters for a quarter, the same span of months (1—4月)
// in earlier years for a cumulative span.

import { AppError } from '../../shared/errors.ts';
import type { ValueKind } from '../../shared/model.ts';
import { FigureReader } from '../figures/read-figures.ts';
import { getPeriodRow } from '../repos/periods.ts';
import type { ParkRow, PeriodRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';

/** The contract's cap on period columns (tables.export periodIds). */
export const MAX_PERIOD_COLUMNS = 30;
const DEFAULT_EARLIER = 4;

/** Oldest first: by year, then the span's end and start month. */
export const chrono = (a: PeriodRow, b: PeriodRow): number => a.year - b.year || a.end_month - b.end_month || a.start_month - b.start_month;

export function tableColumns(db: Db, park: ParkRow, period: PeriodRow, kind: ValueKind, periodIds?: readonly string[]): PeriodRow[] {
  if (periodIds?.length) {
    const rows = [...new Map(periodIds.map((id) => [id, getPeriodRow(db, id)])).values()];
    return rows.sort(chrono);
  }
  const sameKind = (p: PeriodRow) =>
    p.kind === period.kind && (period.kind !== 'months' || (p.start_month === period.start_month && p.end_month === period.end_month));
  const withFigures = new FigureReader(db).periodsWithFigures(park.pk, kind);
  const earlier = (db.prepare('SELECT * FROM periods').all() as PeriodRow[])
    .filter((p) => sameKind(p) && withFigures.has(p.pk) && chrono(p, period) < 0)
    .sort(chrono)
    .slice(-DEFAULT_EARLIER);
  return [...earlier, period];
}

/**
 * The year periods a --years option names: "2018-2022" (also 2018—2022, 2018~2022), "2022", or
 * "2018,2020,2022". Years the store has no period for are skipped; none at all is refused.
 */
export function yearColumns(db: Db, text: string): PeriodRow[] {
  const years = parseYears(text);
  if (!years) throw new AppError('YEARS_INVALID', { years: text });
  const rows = (db.prepare("SELECT * FROM periods WHERE kind = 'year'").all() as PeriodRow[]).filter((p) => years.has(p.year)).sort(chrono);
  if (!rows.length) throw new AppError('YEARS_NONE', { years: text });
  if (rows.length > MAX_PERIOD_COLUMNS) throw new AppError('TOO_MANY_PERIODS', { count: rows.length, max: MAX_PERIOD_COLUMNS });
  return rows;
}

function parseYears(text: string): Set<number> | null {
  const out = new Set<number>();
  for (const part of text.split(/[,，、]/)) {
    const m = /^\s*(\d{4})\s*(?:[-–—~～至到]+\s*(\d{4}))?\s*年?\s*$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1949 || to > 2100 || from > to) return null;
    for (let y = from; y <= to; y++) out.add(y);
  }
  return out.size ? out : null;
}
