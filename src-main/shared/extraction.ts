// Figures read out of an article (core/extraction): the shape `parkbrief extract --json` prints,
// the review in 文稿 shows, and the test gold is written in.

import { z } from 'zod';
import type { CheckWarning } from './checks.ts';
import type { GrowthUnit } from './figure/parse.ts';
import type { ValueKind } from './model.ts';

/** One figure found in an article's text, as `--json` prints it. */
export interface ArticleFigure {
  /** The catalogue's name when matched, else the name proposed from the words before the figure. */
  indicator: string;
  /** The catalogue code when matched, else null (a new indicator). */
  code: string | null;
  /** Decimal text as reported (Chinese numerals converted); null for a growth stated alone. */
  value: string | null;
  unit: string | null;
  qualifier: string | null;
  /** Decimal text; negative for 下降. */
  growth: string | null;
  growthUnit: GrowthUnit | null;
  /** The "before" of a before/after pair (由35个工作日缩短为5个工作日), in the figure's unit. */
  baseline: string | null;
  kind: ValueKind;
  /** A period key (2017, 2018M1-4); null where the text names none and none was given. */
  period: string | null;
  /** Character offsets in the article's text: from the first to past the last character of the figure's phrases. */
  start: number;
  end: number;
  /** The clause the figure came from. */
  quote: string;
}

/** Where a part of a figure stands in the article's text. */
export interface Span {
  start: number;
  end: number;
}

/** A figure found, with what the review and applying need beyond the `--json` fields. */
export interface FoundFigure extends ArticleFigure {
  parts: { value: Span | null; growth: Span | null; baseline: Span | null };
  /** The baseline is written with another unit than the figure (14个大项 → 2.5项): only its number is the figure's. */
  baselineBare: boolean;
  /** The indicator to create when the catalogue has none: name, unit, category, places. */
  proposal: { name: string; unit: string; categoryCode: string; decimals: number };
  confidence: 'high' | 'low';
  /** Why a figure is of low confidence: 'name' (no name to go by), 'period', 'duplicate' (the same indicator twice with other figures). */
  doubts: string[];
  /** Given in brackets after what it belongs to (占南宁市（36家）的50%). */
  parenthetical: boolean;
}

/** A figure as the store holds it, for "the store's current figure where it differs". */
export interface StoredShape {
  value: string | null;
  unit: string;
  qualifier: string | null;
  growth: string | null;
  baseline: string | null;
}

export interface ReviewFigure extends FoundFigure {
  /** The catalogue indicator's id when matched. */
  indicatorId: string | null;
  /** The park's stored figure for this indicator, period and kind (when a park is chosen and there is one). */
  stored: StoredShape | null;
  status: 'new' | 'changed' | 'unchanged';
}

/** What reading an article gives the review. */
export interface ArticleReview {
  fileName: string;
  text: string;
  figures: ReviewFigure[];
  /** The period the article reports, proposed from its text (or as given). */
  period: string | null;
  /** The park the text names most often, and the stored park of that name when there is one (whatever park was given). */
  park: { name: string | null; id: string | null };
  /** The document's parts as they will be built: title, headings (for the review's display). */
  title: string;
  headings: string[];
  /** The check rules' warnings with the article's figures in place of the park's (none without a stored park). */
  checks: CheckWarning[];
}

export const MAX_ARTICLE_FIGURES = 2000;
const decimalText = z.string().regex(/^-?\d{1,15}(?:\.\d{1,20})?$/u);
const span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).strict();

/** A figure the user accepted (perhaps corrected) in the review, as applying takes it. */
export const acceptedFigureSchema = z
  .object({
    indicator: z.string().trim().min(1).max(100),
    code: z.string().max(20).nullable(),
    value: decimalText.nullable(),
    unit: z.string().max(10).nullable(),
    qualifier: z.string().max(10).nullable(),
    growth: decimalText.nullable(),
    growthUnit: z.enum(['%', '个百分点']).nullable(),
    baseline: decimalText.nullable(),
    kind: z.enum(['actual', 'target']),
    period: z.string().trim().min(4).max(12),
    parts: z.object({ value: span.nullable(), growth: span.nullable(), baseline: span.nullable() }).strict(),
    baselineBare: z.boolean(),
    /** For a new indicator: its category and places. */
    categoryCode: z.string().min(1).max(20),
    decimals: z.number().int().min(0).max(6),
    quote: z.string().max(2000),
  })
  .strict();
export type AcceptedFigure = z.infer<typeof acceptedFigureSchema>;

/** What applying an article did, in one undo step. */
export interface ArticleApplied {
  documentId: string;
  /** The park written to: the one chosen, or the one made for the article. */
  parkId: string;
  periodId: string;
  indicatorsCreated: number;
  values: { inserted: number; updated: number; unchanged: number };
  /** Figures replaced by placeholders in the document, and parts kept as written because a placeholder would not write them back exactly. */
  placeholders: number;
  keptAsText: number;
  warnings: CheckWarning[];
}

/** A found figure as accepted unchanged; the review corrects fields before this where the user did. */
export function acceptedOf(f: FoundFigure, period: string): AcceptedFigure {
  return {
    indicator: f.indicator,
    code: f.code,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    growth: f.growth,
    growthUnit: f.growthUnit,
    baseline: f.baseline,
    kind: f.kind,
    period: f.period ?? period,
    parts: f.parts,
    baselineBare: f.baselineBare,
    categoryCode: f.proposal.categoryCode,
    decimals: f.proposal.decimals,
    quote: f.quote.slice(0, 2000),
  };
}
