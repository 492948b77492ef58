// What the Excel renderers draw. The figures are gathered and converted in core/tables; the
// renderers never read the store, so one renderer serves a single export and a streamed province
// workbook alike.

import type { MeasureKind, ValueKind } from '../../../shared/model.ts';

/** An indicator as a row shows it: its place under a parent ("其中：") and how its figures read. */
export interface RowIndicator {
  id: string;
  code: string;
  name: string;
  /** The row's unit: every number on the row is in it. */
  unit: string;
  decimals: number;
  kind: MeasureKind;
  /** 0 for a top-level indicator, 1 for a "其中：" row under it, … */
  depth: number;
  /** The first child under its parent: written "其中：name"; later siblings align under it. */
  lead: boolean;
}

/** A figure in a cell: a number in the row's unit, or text when it cannot be one. */
export interface ShownValue {
  number: number | null;
  /** The figure as copy writes it (16.5亿美元) when it cannot be given in the row's unit. */
  text: string | null;
  /** Shown through the number format (近80, 569余), so the cell stays a number. */
  qualifier: string | null;
  /**
   * The decimals the figure itself was given with (突破2000: 0), which an approximate figure is
   * shown with instead of the row's: 突破2000.00 would claim a precision the figure does not have.
   */
  ownDecimals: number | null;
  /** A cell note saying why the cell is not what the reader would expect. */
  note: string | null;
}

export interface ShownGrowth {
  /** In %, or in percentage points for an indicator that is itself a percentage. */
  number: number;
  points: boolean;
  qualifier: string | null;
  /** Computed from the same period a year earlier rather than reported. */
  computed: boolean;
}

export interface CategoryLine {
  type: 'category';
  name: string;
}

export interface PeriodColumn {
  id: string;
  key: string;
  label: string;
}

export interface ParkRef {
  id: string;
  name: string;
}

export interface TableLine {
  type: 'indicator';
  ind: RowIndicator;
  /** One per period column. */
  cells: ShownValue[];
  /** The last period against the same period a year earlier. */
  growth: ShownGrowth | null;
  /**
   * 改革前, the "before" of a before/after pair (审批时限 35→5 个工作日), in the row's unit: that of the
   * newest period column that has one (its note says which when it is not the last).
   */
  baseline: ShownValue | null;
}

export interface TableSheet {
  name: string;
  park: ParkRef;
  kind: ValueKind;
  periods: PeriodColumn[];
  /** The period the 同比 column speaks of (the last column). */
  growthLabel: string;
  lines: (CategoryLine | TableLine)[];
}

export interface CompareLine {
  type: 'indicator';
  ind: RowIndicator;
  /** One per park. */
  cells: ShownValue[];
  /** 合计: null when the indicator does not add up; `note` says why when it could have. */
  total: { number: number | null; incomplete?: boolean; note: string | null } | null;
  /** 位次 per park; null where a park has no comparable figure or nothing is ranked. */
  ranks: (number | null)[];
}

export interface CompareSheet {
  name: string;
  period: PeriodColumn;
  kind: ValueKind;
  parks: ParkRef[];
  /** "共400个园区，本表为第1—200个" when one period's parks are split over sheets; else null. */
  part: string | null;
  lines: (CategoryLine | CompareLine)[];
}

export interface FormLine {
  type: 'indicator';
  ind: RowIndicator;
  current: ShownValue;
  previous: ShownValue;
  growth: ShownGrowth | null;
}

/** Every frame text resolved (defaults applied); '' where the form leaves a blank to write in. */
export interface FormFrameText {
  title: string;
  tableNo: string;
  authority: string;
  approvedBy: string;
  docNo: string;
  validUntil: string;
  unitHead: string;
  statHead: string;
  preparer: string;
  phone: string;
  reportDate: string;
}

export interface FormSheet {
  name: string;
  park: ParkRef;
  period: PeriodColumn;
  previousLabel: string;
  kind: ValueKind;
  frame: FormFrameText;
  lines: (CategoryLine | FormLine)[];
}

export interface FillLine {
  type: 'indicator';
  ind: RowIndicator;
  /** Units the store accepts for this indicator (the dropdown). */
  units: string[];
  nonNegative: boolean;
  integerOnly: boolean;
  /** What the store holds, as stored: the value in its own unit. */
  value: number | null;
  unit: string;
  qualifier: string | null;
  /** The reported growth only; a computed one would come back as if reported. */
  growth: number | null;
  /** 改革前, as stored: in `unit`, like the value. */
  baseline: number | null;
  source: string | null;
  /** 上年同期, in `unit`. */
  previous: ShownValue;
}

export interface FillSheet {
  name: string;
  park: ParkRef;
  period: PeriodColumn;
  previousLabel: string;
  kind: ValueKind;
  qualifiers: string[];
  /** Whether the template has a 改革前 column: a row has one, or lists an approval time that may get one. */
  baseline: boolean;
  lines: (CategoryLine | FillLine)[];
}
