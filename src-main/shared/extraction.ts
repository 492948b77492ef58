// Figures read out of an article (core/extraction): the shape `parkbrief extract --json` prints,
// the review in 文稿 shows, and the test gold is written in.

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
