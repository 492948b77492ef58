// Excel tables and imports: what crosses the contract. The exporters live in core/reports/xlsx,
// the importer in core/imports; both only agree on these shapes.

import { z } from 'zod';
import type { CheckWarning } from './checks.ts';
import type { ErrorParams } from './errors.ts';
import type { HistoryState, ValueKind } from './model.ts';

/**
 * table   — one park, indicators by category, one column per period, 同比增长(%)
 * compare — many parks side by side for one period, totals and ranks where the indicator allows
 * form    — a statistical form (统计报表) with its frame: 表号, 制表机关, 文号 … and the signature block
 * fill    — a template a colleague fills in offline and sends back for import
 */
export const TABLE_TEMPLATES = ['table', 'compare', 'form', 'fill'] as const;
export type TableTemplate = (typeof TABLE_TEMPLATES)[number];

const frameText = z.string().trim().max(100);

/** The frame of a statistical form (DOMAIN.md, Excel); every field may be left blank. */
export const formFrameSchema = z
  .object({
    title: frameText.optional(),
    tableNo: frameText.optional(), // 表号
    authority: frameText.optional(), // 制表机关
    approvedBy: frameText.optional(), // 批准/备案机关
    docNo: frameText.optional(), // 文号
    validUntil: frameText.optional(), // 有效期至
    unitHead: frameText.optional(), // 单位负责人
    statHead: frameText.optional(), // 统计负责人
    preparer: frameText.optional(), // 填表人
    phone: frameText.optional(), // 联系电话
    reportDate: frameText.optional(), // 报出日期
  })
  .strict();
export type FormFrame = z.infer<typeof formFrameSchema>;

/** Where in the user's file something was found: sheet name, 1-based row, column letter, our field. */
export interface CellPlace {
  sheet: string;
  row?: number;
  column?: string;
  field?: string;
}

/** One error or warning of an import, worded from code + params in either language. */
export interface ImportIssue {
  code: string;
  params: ErrorParams;
  message: string;
  place: CellPlace | null;
}

export interface PreviewFigure {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
}

export interface PreviewItem {
  status: 'new' | 'changed' | 'unchanged';
  park: string;
  periodKey: string;
  kind: ValueKind;
  indicatorId: string;
  indicator: string;
  code: string;
  before: PreviewFigure | null;
  after: PreviewFigure;
  place: CellPlace;
}

/** What applying an import will create first (asked for: --create-missing, create the park). */
export interface ImportCreates {
  park: string | null;
  period: string | null;
  indicators: { name: string; unit: string; sheet: string; row: number }[];
}

export interface ImportPreview {
  /** Hand back to imports.apply; expires, and is refused if the store changed since. */
  previewId: string;
  fileName: string;
  /** What the file was read as. */
  format: 'fill' | 'table' | 'compare' | 'plain' | 'csv';
  /** Exact. warnings counts reading warnings and check warnings; checks the latter alone. */
  counts: { new: number; changed: number; unchanged: number; warnings: number; errors: number; checks: number };
  /** New and changed first; capped (counts are exact). */
  items: PreviewItem[];
  itemsTruncated: boolean;
  /** Capped at a few hundred; counts.errors is exact. */
  errors: ImportIssue[];
  /** Reading problems that do not stop the import (capped; counts are exact). */
  warnings: ImportIssue[];
  /** Check-rule (审核关系) warnings on the figures as they would be after applying (capped). */
  checks: CheckWarning[];
  /** False when there is any error or nothing to write. */
  canApply: boolean;
  creates: ImportCreates;
}

export interface ImportApplied {
  inserted: number;
  updated: number;
  unchanged: number;
  history: HistoryState;
}

/** One thing a catalogue workbook changes, field by field (before null: it is new). */
export interface CatalogChange {
  kind: 'indicator' | 'unit' | 'qualifier' | 'rule';
  status: 'new' | 'changed';
  name: string;
  fields: { field: string; before: string | null; after: string }[];
}

export interface CatalogImportPreview {
  /** Hand back to catalog.importApply; '' when there is nothing to apply or an error. */
  previewId: string;
  fileName: string;
  changes: CatalogChange[];
  /** Every row refused, at its sheet and row, worded in Chinese (code and params for other languages). */
  errors: { sheet: string; row: number; code: string; message: string; params: ErrorParams }[];
  canApply: boolean;
}

/** An uploaded file: 20 MB at most, sent as base64 (Electron IPC and the HTTP host alike). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const importFileSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    // An empty file is the reader's to refuse, naming it (IMPORT_EMPTY_FILE), not a malformed request.
    base64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4),
  })
  .strict();
