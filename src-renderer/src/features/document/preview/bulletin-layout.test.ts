import { describe, expect, it } from 'vitest';
import { seedBulletin } from '../../../../../test/support/docx-fixtures.ts';
import { layoutBulletin } from './bulletin-layout.ts';

describe('the bulletin preview\'s pages', () => {
  it('leaves the page before the end block blank and unnumbered when the body fills an even page, as the export does', () => {
    // The fixture's body fills page 4 (bulletin.test.ts): page 5 stays blank, the block is on page 6.
    const layout = layoutBulletin(seedBulletin());
    expect(layout.pages).toHaveLength(6);
    expect({ endPage: layout.endPage, blankPage: layout.blankPage }).toEqual({ endPage: 6, blankPage: 5 });
    expect(layout.pages[4]).toEqual([]);
  });
});
