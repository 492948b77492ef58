// The shapes that cross the contract. Ids are UUIDs so that stores from different offices can be
// compared and merged without guessing (ARCHITECTURE.md, property 5).

import type { CheckRule, CheckWarning } from './checks.ts';
import type { PeriodKind } from './period-key.ts';
import type { Dimension } from './figure/units.ts';
import type { QualifierMeaning, QualifierPlace } from './figure/qualifiers.ts';
import type { SearchEntry } from './search.ts';

export type ValueKind = 'actual' | 'target';
export type ValueStatus = 'draft' | 'verified';
export type MeasureKind = 'amount' | 'count' | 'percent' | 'duration' | 'area';

export interface Park {
  id: string;
  name: string;
  shortName: string | null;
  region: string | null;
  level: string | null;
}

export interface Period {
  id: string;
  key: string;
  kind: PeriodKind;
  year: number;
  startMonth: number;
  endMonth: number;
  label: string;
  /** Listed for one park (periods.list with parkId): what that park holds in this period. */
  use?: PeriodUse;
}

/** Periods are shared by all parks; each park's list shows first those it has figures or a document in. */
export interface PeriodUse {
  figures: number;
  /** Of the figures, the actual ones and the targets: a park opens on a period with figures of the kind in view. */
  actual: number;
  target: number;
  documents: number;
}

export interface Category {
  code: string;
  name: string;
  nameEn: string | null;
  sort: number;
}

export interface Indicator {
  id: string;
  code: string;
  categoryCode: string;
  name: string;
  nameEn: string | null;
  unit: string;
  decimals: number;
  kind: MeasureKind;
  scope: string | null;
  definition: string | null;
  nonNegative: boolean;
  integerOnly: boolean;
  parentCode: string | null;
  sort: number;
  builtin: boolean;
  /** Retired: its figures are kept, but it is no longer offered for entry. */
  retired: boolean;
}

export interface UnitInfo {
  code: string;
  dimension: Dimension;
  en: string;
  /** Size of one unit in its dimension's base unit, exactly: "num/den" (万平方米 is "1/100" 平方公里). */
  factor: string;
  builtin: boolean;
}

export interface QualifierInfo {
  code: string;
  en: string;
  meaning: QualifierMeaning;
  at: QualifierPlace;
  builtin: boolean;
}

export interface Catalog {
  version: number;
  categories: Category[];
  /** Every indicator, retired ones too (`retired`), in catalogue order. */
  indicators: Indicator[];
  /** Indicator id → its aliases. */
  aliases: Record<string, string[]>;
  /** Indicator id → the park it is kept to; absent: every park. */
  onlyPark: Record<string, string>;
  /** What the search boxes match (names, codes, aliases, pinyin), in catalogue order. */
  search: SearchEntry[];
  units: UnitInfo[];
  qualifiers: QualifierInfo[];
  /** Check rules (审核关系), each with the problem that keeps it from running, if any. */
  rules: CheckRule[];
}

/** One figure as reported: in its own unit, with its qualifier, possibly only as a growth rate. */
export interface IndicatorValue {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
  baseline: string | null;
  source: string | null;
  status: ValueStatus;
  updatedAt: string;
  updatedBy: string;
}

export interface GridRow {
  indicator: Indicator;
  current: IndicatorValue | null;
  previous: Pick<IndicatorValue, 'value' | 'unit' | 'qualifier'> | null;
  /** 同比 from the two stored values (in %, one decimal), when both exist and their units convert. */
  computedGrowth: string | null;
}

export interface Grid {
  park: Park;
  period: Period;
  previousPeriodKey: string;
  kind: ValueKind;
  categories: Category[];
  rows: GridRow[];
  /** Breaches of the catalogue's check rules among this grid's figures: warnings, never refusals. */
  checks: CheckWarning[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface AppInfo {
  version: string;
  storePath: string;
  storeId: string;
  schemaVersion: number;
  catalogVersion: number;
}

/** Fields of a value a cell edit may set; text as the user typed it, validated by the core. */
export const EDITABLE_FIELDS = ['value', 'unit', 'qualifier', 'growth', 'baseline', 'source', 'status'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
