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
    this.stmt = db.prepare('SELECT indicator, value, unit, qualifier, growth, source FROM indicator_values WHERE park = ? AND period = ? AND kind = ?');
    this.periodByKey = db.prepare('SELECT pk FROM periods WHERE key = ?').pluck();
  }

  /** Indicator pk → figure, for one park, period and kind. */
  read(parkPk: number, periodPk: number | null, kind: ValueKind): FigureMap {
    if (periodPk === null) return EMPTY;
    const out: FigureMap = new Map();
    for (const r of this.stmt.all(parkPk, periodPk, kind) as (StoredFigure & { indicator: number })[]) {
      out.set(r.indicator, { value: r.value, unit: r.unit, qualifier: r.qualifier, growth: r.growth, source: r.source });
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
