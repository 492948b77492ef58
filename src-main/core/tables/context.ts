// What every sheet builder reads from: the catalogue once per workbook, and a figure reader.

import type { Period } from '../../shared/model.ts';
import { parsePeriodKey, periodLabel, previousYearKey } from '../../shared/period-key.ts';
import type { ParkRef, PeriodColumn } from '../reports/xlsx/model.ts';
import { toPeriod, type ParkRow, type PeriodRow } from '../repos/rows.ts';
import type { Db } from '../store/open.ts';
import { readCatalogView, type CatalogView } from './catalog-lines.ts';
import { FigureReader } from '../figures/read-figures.ts';
import { readSettings } from '../settings/settings.ts';
import type { RoundingMode } from '../../shared/figure/exact.ts';

export interface TablesContext {
  db: Db;
  view: CatalogView;
  reader: FigureReader;
  /** The store's rounding setting, for 同比 computed from last year's figure. */
  rounding: RoundingMode;
}

export function tablesContext(db: Db): TablesContext {
  return { db, view: readCatalogView(db), reader: new FigureReader(db), rounding: readSettings(db).rounding };
}

export const parkRef = (p: ParkRow): ParkRef => ({ id: p.id, name: p.name });

export function periodColumn(p: PeriodRow): PeriodColumn {
  const period: Period = toPeriod(p);
  return { id: period.id, key: period.key, label: period.label };
}

/** 2021年 for 2022, 2021年1—4月 for 2022M1-4: the same period a year earlier, as a reader names it. */
export function previousYearLabel(p: PeriodRow): string {
  const parts = parsePeriodKey(p.key)!;
  return periodLabel(parsePeriodKey(previousYearKey(parts))!);
}
