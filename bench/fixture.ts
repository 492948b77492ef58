// Builds a bench store through the public core functions: parks, yearly periods, and custom
// indicators on top of the built-in catalogue until the catalogue has the wanted size.

import { insertIndicator, listIndicators } from '../src-main/core/catalog/catalog.ts';
import type { CoreContext } from '../src-main/core/context.ts';
import { writeBatch } from '../src-main/core/history/change-log.ts';
import { insertPark } from '../src-main/core/repos/parks.ts';
import { ensurePeriod } from '../src-main/core/repos/periods.ts';
import { openCore } from '../src-main/core/session/open-core.ts';
import type { BulkValue } from '../src-main/core/values/bulk-write.ts';
import type { Indicator } from '../src-main/shared/model.ts';

export interface Fixture {
  ctx: CoreContext;
  parkIds: string[];
  periodIds: string[]; // oldest first
  indicators: Indicator[];
}

export function buildStore(path: string, o: { parks: number; years: number; lastYear: number; indicators: number }): Fixture {
  const ctx = openCore(path, { origin: 'bench', demoIfNew: false });
  const parkIds: string[] = [];
  const periodIds: string[] = [];
  writeBatch(ctx, 'bench setup', (log) => {
    for (let p = 0; p < o.parks; p++) parkIds.push(insertPark(ctx, log, { name: `基准园区${p + 1}` }).id);
    for (let y = o.lastYear - o.years + 1; y <= o.lastYear; y++) periodIds.push(ensurePeriod(ctx, log, String(y)).id);
    const have = listIndicators(ctx.db).length;
    for (let i = have; i < o.indicators; i++) {
      insertIndicator(ctx, log, { categoryCode: 'ECO', name: `基准指标${i + 1}`, unit: '亿元', decimals: 2 });
    }
  });
  const indicators = listIndicators(ctx.db);
  if (indicators.length !== o.indicators) throw new Error(`catalogue has ${indicators.length} indicators, wanted ${o.indicators}`);
  return { ctx, parkIds, periodIds, indicators };
}

/** Every park × period × indicator, as an import would carry it: value text only. */
export function allValues(f: Fixture, parkIds = f.parkIds, periodIds = f.periodIds): BulkValue[] {
  const out: BulkValue[] = [];
  let n = 0;
  for (const parkId of parkIds)
    for (const periodId of periodIds)
      for (const ind of f.indicators) {
        n++;
        // Count indicators (企业数 …) refuse fractions, so they get whole numbers.
        const value = ind.integerOnly ? String((n % 5000) + 1) : `${(n % 100000) + 1}.${String(n % 100).padStart(2, '0')}`;
        out.push({ parkId, periodId, indicatorId: ind.id, kind: 'actual', value });
      }
  return out;
}
