// Stored figures for tables, read one (park, period, kind) at a time along the value table's key,
// so a province workbook never holds more than one sheet's figures at once.

import type { ValueKind } from '../../shared/model.ts';
import { parsePeriodKey, previousYearKey } from '../../shared/period-key.ts';
import type { PeriodRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';

/** A figure as stored: text decimals in its own unit. */
export interface StoredFigure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
  source: string | null;
}

export type FigureMap = Map<number, StoredFigure>;

const EMPTY: FigureMap = new Map();

export class FigureReader {
  private readonly stmt;
  private readonly periodByKey;

  constructor(db: Db) {
    // Raw rows: one array per figure instead of an object built and then copied.
    this.stmt = db.prepare('SELECT indicator, value, unit, qualifier, growth, source FROM indicator_values WHERE park = ? AND period = ? AND kind = ?').raw();
    this.periodByKey = db.prepare('SELECT pk FROM periods WHERE key = ?').pluck();
  }

  /** Indicator pk → figure, for one park, period and kind. */
  read(parkPk: number, periodPk: number | null, kind: ValueKind): FigureMap {
    if (periodPk === null) return EMPTY;
    const out: FigureMap = new Map();
    for (const [indicator, value, unit, qualifier, growth, source] of this.stmt.all(parkPk, periodPk, kind) as [number, string | null, string, string | null, string | null, string | null][]) {
      out.set(indicator, { value, unit, qualifier, growth, source });
    }
    return out;
  }

  /** The same period a year earlier (2022Q3 → 2021Q3), when the store has it. */
  previousYearPk(period: Pick<PeriodRow, 'key'>): number | null {
    const parts = parsePeriodKey(period.key);
    if (!parts) return null;
    return (this.periodByKey.get(previousYearKey(parts)) as number | undefined) ?? null;
  }
}
