import type { Grid, GridRow, ValueKind } from '../../shared/model.ts';
import { yearOnYearText } from '../../shared/figure/growth.ts';
import { parsePeriodKey, previousYearKey } from '../../shared/period-key.ts';
import { listCategories } from '../catalog/catalog.ts';
import { checkScope } from '../checks/run-checks.ts';
import { readScope } from '../figures/read-figures.ts';
import { getParkRow } from '../repos/parks.ts';
import { getPeriodRow } from '../repos/periods.ts';
import { toIndicator, toPark, toPeriod } from '../repos/rows.ts';
import { readSettings } from '../settings/settings.ts';
import type { Db } from '../store/open.ts';

/**
 * One park-period grid: every catalogue indicator with the current figure and the same period of the
 * previous year (actual figures), 同比 computed where it was not reported (rounded by the store's
 * rounding setting), and the check rules' warnings over those same figures (no second read).
 */
export function readGrid(db: Db, parkId: string, periodId: string, kind: ValueKind, opts: { all?: boolean } = {}): Grid {
  const parkRow = getParkRow(db, parkId);
  const periodRow = getPeriodRow(db, periodId);
  const period = toPeriod(periodRow);
  const { rounding } = readSettings(db);
  // Retired indicators and those kept to another park stay out unless the user shows all.
  const scope = readScope(db, parkRow.pk, periodRow, kind, { offered: !opts.all });
  const rows: GridRow[] = scope.map((r) => {
    const indicator = toIndicator(r.indicator);
    const previous = r.previous && { value: r.previous.value, unit: r.previous.unit, qualifier: r.previous.qualifier };
    return { indicator, current: r.current, previous, computedGrowth: yearOnYearText(indicator.kind, r.current, previous, rounding) };
  });
  const checks = checkScope(
    db,
    rows.map((r) => ({ indicator: r.indicator, current: r.current, previous: r.previous })),
  );
  return { park: toPark(parkRow), period, previousPeriodKey: previousYearKey(parsePeriodKey(period.key)!), kind, categories: listCategories(db), rows, checks };
}
