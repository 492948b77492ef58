// Row ↔ model mapping in one place, so SQL column names never leak past the repositories.
import type { Category, Indicator, IndicatorValue, MeasureKind, Park, Period, ValueStatus } from '../../shared/model.ts';
import { periodLabel, type PeriodKind } from '../../shared/period-key.ts';

export interface ParkRow {
  pk: number;
  id: string;
  name: string;
  short_name: string | null;
  region: string | null;
  level: string | null;
  created_at: string;
  updated_at: string;
}
export const toPark = (r: ParkRow): Park => ({ id: r.id, name: r.name, shortName: r.short_name, region: r.region, level: r.level });

export interface PeriodRow {
  pk: number;
  id: string;
  key: string;
  kind: PeriodKind;
  year: number;
  start_month: number;
  end_month: number;
  created_at: string;
}
export const toPeriod = (r: PeriodRow): Period => ({
  id: r.id,
  key: r.key,
  kind: r.kind,
  year: r.year,
  startMonth: r.start_month,
  endMonth: r.end_month,
  label: periodLabel({ kind: r.kind, year: r.year, startMonth: r.start_month, endMonth: r.end_month }),
});

export interface CategoryRow {
  code: string;
  name: string;
  name_en: string | null;
  sort: number;
  builtin: number;
}
export const toCategory = (r: CategoryRow): Category => ({ code: r.code, name: r.name, nameEn: r.name_en, sort: r.sort });

export interface IndicatorRow {
  pk: number;
  id: string;
  code: string;
  category_code: string;
  name: string;
  name_en: string | null;
  unit: string;
  decimals: number;
  kind: MeasureKind;
  scope: string | null;
  definition: string | null;
  non_negative: number;
  integer_only: number;
  parent_code: string | null;
  sort: number;
  builtin: number;
  created_at: string;
  updated_at: string;
  /** 1: retired (table indicator_use, migration 004), where a query joins it. */
  retired?: number;
}
export const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id,
  code: r.code,
  categoryCode: r.category_code,
  name: r.name,
  nameEn: r.name_en,
  unit: r.unit,
  decimals: r.decimals,
  kind: r.kind,
  scope: r.scope,
  definition: r.definition,
  nonNegative: r.non_negative === 1,
  integerOnly: r.integer_only === 1,
  parentCode: r.parent_code,
  sort: r.sort,
  builtin: r.builtin === 1,
  retired: r.retired === 1,
});

/** A stored figure; `park`, `period`, `indicator` are the local integer keys of those rows. */
export interface ValueRow {
  park: number;
  period: number;
  kind: 'actual' | 'target';
  indicator: number;
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
  baseline: string | null;
  source: string | null;
  status: ValueStatus;
  updated_by: string;
  updated_at: string;
}
export const toValue = (r: Omit<ValueRow, 'park' | 'period' | 'kind' | 'indicator'>): IndicatorValue => ({
  value: r.value,
  unit: r.unit,
  qualifier: r.qualifier,
  growth: r.growth,
  baseline: r.baseline,
  source: r.source,
  status: r.status,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** A figure not yet stored: everything empty, in the indicator's own unit, a draft. */
export function newValueRow(key: Pick<ValueRow, 'park' | 'period' | 'kind' | 'indicator'>, unit: string, actor: string, at: string): ValueRow {
  return { ...key, value: null, unit, qualifier: null, growth: null, baseline: null, source: null, status: 'draft', updated_by: actor, updated_at: at };
}
