// A section's page properties for docx. The page's geometry is the layouts' shared description
// (shared/print-layout/page.ts), which the preview reads too.
import type { ISectionPropertiesOptions } from 'docx';
import { A4, type PageFrame } from '../../../shared/print-layout/page.ts';

export { A4, pxFromTwips, textHeight, textWidth, twipsFromMm, twipsFromPt, type PageFrame } from '../../../shared/print-layout/page.ts';

/**
 * The page part of a section's properties. Every section carries all of it, even a continuous one
 * that only changes the columns: a section without its own size and margins gets Word's defaults
 * (Letter-ish 1-inch margins), not the previous section's.
 */
export function pageProperties(frame: PageFrame, firstPage?: number): NonNullable<ISectionPropertiesOptions['page']> {
  return {
    size: { width: A4.width, height: A4.height },
    margin: { ...frame.margin, gutter: frame.margin.gutter ?? 0 },
    ...(firstPage === undefined ? {} : { pageNumbers: { start: firstPage } }),
  };
}
