// The magazine's pages as the Word export lays them: the shared flow (lead, headings, paragraphs,
// pictures, the photos set at a column's or page's top placed) on pages of two columns by the
// export's own count (shared/print-layout/magazine-place.ts, magazine-fit.ts), every paragraph cut
// into the lines that count sets. The preview draws exactly these lines, so its column and page
// breaks are LibreOffice's by construction, whatever faces the browser has.
import type { ResolvedDocument } from '../../../../../src-main/shared/document.ts';
import { magazineChartSize } from '../../../../../src-main/shared/print-layout/magazine-chart.ts';
import { layMagazine, type MagazineLaid } from '../../../../../src-main/shared/print-layout/magazine-place.ts';

/** With `sources` (注明数据来源), the footnotes the export prints, laid as the export's count lays them. */
export function layoutMagazine(doc: ResolvedDocument, sources = false): MagazineLaid {
  return layMagazine(doc, magazineChartSize, { sources });
}
