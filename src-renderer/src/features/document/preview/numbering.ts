// Numbers printed on the preview's bulletin pages. Heading numbers come from the one home the Word
// export uses (shared/heading-number.ts), so preview and export number alike.

import { headingNumberer } from '../../../../../src-main/shared/heading-number.ts';

export { headingLabel as headingNumber } from '../../../../../src-main/shared/heading-number.ts';

/** The number of every heading in order, given their levels. */
export function numberHeadings(levels: readonly number[]): string[] {
  return levels.map(headingNumberer());
}

export { INTERNAL_MARK, issueLine } from '../../../../../src-main/shared/bulletin-issue.ts';
