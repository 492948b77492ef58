// The province workbook of issue 4: 200 parks × 125 indicators × 10 years = 250,000 figures.
// Two stores with the same parks, periods and catalogue (one copied from the other before any
// figure is written, so ids match): `full` holds every figure, `empty` none — an import of the
// workbook exported from `full` into `empty` writes all 250,000.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { listParks } from '../src-main/core/repos/parks.ts';
import { writeValuesBulk } from '../src-main/core/values/bulk-write.ts';
import type { Indicator, Park } from '../src-main/shared/model.ts';
import { allValues, buildStore } from './fixture.ts';

export const PROVINCE = { parks: 200, years: 10, lastYear: 2022, indicators: 125 };

export interface Province {
  full: string;
  empty: string;
  parks: Park[];
  periodIds: string[];
  indicators: Indicator[];
  values: number;
}

export function buildProvince(dir: string): Province {
  const full = join(dir, 'province-full.sqlite');
  const empty = join(dir, 'province-empty.sqlite');
  const f = buildStore(full, PROVINCE);
  // A checkpoint first, so the copy is the whole store and not a main file behind its WAL.
  f.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(full, empty);
  const values = allValues(f);
  writeValuesBulk(f.ctx, 'bench province', values);
  const parks = listParks(f.ctx.db);
  f.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  f.ctx.db.close();
  return { full, empty, parks, periodIds: f.periodIds, indicators: f.indicators, values: values.length };
}
