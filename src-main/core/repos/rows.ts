// Row ↔ model mapping in one place, so SQL column names never leak past the repositories.
import type { Category, Indicator, IndicatorValue, MeasureKind, Park, Period, ValueStatus } from '../../shared/model.ts';
import { periodLabel, type PeriodKind } from '../../shared/period-key.ts';

export interface ParkRow {
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
});

export interface ValueRow {
  id: string;
  park_id: string;
  indicator_id: string;
  period_id: string;
  kind: 'actual' | 'target';
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
export const toValue = (r: ValueRow): IndicatorValue => ({
  id: r.id,
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
