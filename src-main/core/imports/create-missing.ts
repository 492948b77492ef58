// What an import of a plain table may create when asked (`import --create-missing`, the import
// dialog's checkbox): the indicators its rows name that the catalogue lacks, the period it goes to,
// and — asked for separately — the park. They are planned while the preview is made (listed in it,
// with ids chosen then) and made when it is applied, in the same transaction and undo step as the
// figures, so nothing is created for a preview that is not applied.

import { AppError } from '../../shared/errors.ts';
import type { ErrorCode, ErrorParams } from '../../shared/errors.ts';
import { parseFigure } from '../../shared/figure/parse.ts';
import { unitDef } from '../../shared/figure/units.ts';
import { parsePeriodKey, periodKey, periodLabel } from '../../shared/period-key.ts';
import type { ImportCreates } from '../../shared/tables.ts';
import type { StoredIndicator } from '../catalog/catalog.ts';
import { insertCategory, insertIndicator, KIND_BY_DIMENSION } from '../catalog/catalog.ts';
import { normalizeName } from '../catalog/match-indicator.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import { newId } from '../ids.ts';
import { insertPark } from '../repos/parks.ts';
import { ensurePeriod } from '../repos/periods.ts';
import type { StoredPark, StoredPeriod } from './lookup.ts';

/** Planned rows have local keys below zero: no stored figure is read for them. */
export interface Creations {
  park: StoredPark | null;
  period: StoredPeriod | null;
  indicators: Map<string, PlannedIndicator>;
}

export interface PlannedIndicator {
  indicator: StoredIndicator;
  sheet: string;
  row: number;
}

export const noCreations = (): Creations => ({ park: null, period: null, indicators: new Map() });

export function plannedPark(name: string): StoredPark {
  return { id: newId(), pk: -1, name: name.trim(), shortName: null, region: null, level: null };
}

export function plannedPeriod(raw: string): StoredPeriod {
  const parts = parsePeriodKey(raw);
  if (!parts) throw new AppError('PERIOD_INVALID', { period: raw });
  return { id: newId(), pk: -1, key: periodKey(parts), kind: parts.kind, year: parts.year, startMonth: parts.startMonth, endMonth: parts.endMonth, label: periodLabel(parts) };
}

/**
 * An indicator for a row the catalogue does not know, in the unit its row gives — the 计量单位 cell,
 * else the unit written with the figure (突破2000亿元) — or the reason it cannot be made. One plan
 * per name, however many rows or sheets give it.
 */
export function planIndicator(c: Creations, name: string, unitCell: string | null, valueText: string | null, place: { sheet: string; row: number }): StoredIndicator | { code: ErrorCode; params: ErrorParams } {
  const key = normalizeName(name);
  const known = c.indicators.get(key);
  if (known) return known.indicator;
  let unit = unitCell?.trim() || null;
  if (!unit && valueText) {
    const read = parseFigure(valueText, { field: 'value' });
    if (read?.ok && read.figure.unit) unit = read.figure.unit;
  }
  if (!unit) return { code: 'IMPORT_NEW_INDICATOR_UNIT', params: { indicator: name } };
  const def = unitDef(unit);
  if (!def) return { code: 'UNIT_UNKNOWN', params: { unit } };
  const indicator: StoredIndicator = {
    id: newId(),
    pk: -1 - c.indicators.size,
    code: '',
    categoryCode: '',
    name: name.trim(),
    nameEn: null,
    unit: def.code,
    decimals: 2,
    kind: KIND_BY_DIMENSION[def.dimension],
    scope: null,
    definition: null,
    nonNegative: true,
    integerOnly: false,
    parentCode: null,
    sort: 0,
    builtin: false,
    retired: false,
  };
  c.indicators.set(key, { indicator, ...place });
  return indicator;
}

export function createsOf(c: Creations): ImportCreates {
  return {
    park: c.park?.name ?? null,
    period: c.period?.key ?? null,
    indicators: [...c.indicators.values()].map((p) => ({ name: p.indicator.name, unit: p.indicator.unit, sheet: p.sheet, row: p.row })),
  };
}

/** Makes the planned park, period and indicators with the ids the preview gave them, inside the import's batch. */
export function createPlanned(ctx: CoreContext, log: ChangeLog, c: Creations): void {
  if (c.park) insertPark(ctx, log, { name: c.park.name, id: c.park.id });
  if (c.period) ensurePeriod(ctx, log, c.period.key, c.period.id);
  if (!c.indicators.size) return;
  const other = ctx.db.prepare("SELECT code FROM categories WHERE name = '其他'").pluck().get() as string | undefined;
  const categoryCode = other ?? insertCategory(ctx, log, { name: '其他', nameEn: 'Other' }).code;
  for (const { indicator } of c.indicators.values()) {
    insertIndicator(ctx, log, { id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, categoryCode });
  }
}
