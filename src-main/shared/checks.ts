// Check rules (审核关系): relations between figures that the catalogue declares, e.g. a sector's
// output ≤ 规上工业总产值, or a stated growth rate consistent with last year's figure. They never
// refuse an entry: a breach is an explained warning, on entry in the grid and in an import preview.

import type { ErrorParams } from './errors.ts';

export interface CheckWarning {
  /** The rule's code in the catalogue, e.g. "R01". */
  rule: string;
  /** Message code (CHECK_*), worded in either language from params. */
  code: string;
  params: ErrorParams;
  /** Chinese wording, for the CLI and logs. */
  message: string;
  /** Ids of the indicators the rule involves, for marking their rows. */
  indicatorIds: string[];
}
