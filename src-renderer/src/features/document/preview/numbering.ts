// Numbers printed on the preview's bulletin pages. Heading numbers come from the one home the Word
// export uses (shared/heading-number.ts), so preview and export number alike.

import { headingNumberer } from '../../../../../src-main/shared/heading-number.ts';

export { headingLabel as headingNumber } from '../../../../../src-main/shared/heading-number.ts';

/** The number of every heading in order, given their levels. */
export function numberHeadings(levels: readonly number[]): string[] {
  return levels.map(headingNumberer());
}

/** "3" → 第3期; a number written out already ("第3期", "总第12期") is kept as written. */
export function issueNumber(number: string): string {
  const s = number.trim();
  return /^\d+$/.test(s) ? `第${s}期` : s;
}

/** The bulletin's page number as printed: — 1 — */
export function pageNumber(n: number): string {
  return `— ${n} —`;
}
