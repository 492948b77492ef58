// Photos set at the top of a column or a page (photo card 排法: 栏首, 页首), as LibreOffice lays the
// export: each photo's top at the top of the column or page the count (shared/print-layout/
// magazine-place.ts) gives, and every column of every page opening and closing on the characters
// the count says. Page images in test-results/docx/ (magazine-top-*.png).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import { layMagazine } from '../../../shared/print-layout/magazine-place.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfLines, pdfToPngs, type PdfPage } from '../../../../test/support/libreoffice.ts';
import { MAGAZINE_AREA, MID, bodyLines, countedColumns, ends, pdfColumns, squeeze } from '../../../../test/support/magazine-columns.ts';
import { PHOTO, seedFeature } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx } from './index.ts';

const OUT = fileURLToPath(new URL('../../../../test-results/docx/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-place-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** The seed feature with its lead three times over: two pages, columns that open in the middle of a paragraph. */
function feature(photo: { afterSection: number; span: 'column' | 'full' }, leads = 3, place: 'top' | 'foot' = 'top'): ResolvedDocument {
  const doc = seedFeature();
  return { ...doc, lead: Array.from({ length: leads }, () => doc.lead).flat(), photos: doc.photos.map((p) => ({ ...p, ...photo, place })) };
}

async function render(name: string, doc: ResolvedDocument): Promise<PdfPage[]> {
  const docx = join(WORK, `${name}.docx`);
  writeFileSync(docx, await renderDocx([doc], { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO }));
  const pdf = await convertWithLibreOffice(docx, 'pdf', WORK);
  mkdirSync(OUT, { recursive: true });
  for (const png of await pdfToPngs(pdf, join(WORK, name), { dpi: 80 })) copyFileSync(png, join(OUT, basename(png)));
  return pdfLines(pdf);
}

/** The rendered page's body lines and the line the photo's caption opens (asserted there). */
function captionOn(pages: readonly PdfPage[], page: number, caption: readonly string[]) {
  const opens = squeeze(caption.join('')).slice(0, 6);
  const lines = bodyLines(pages[page]!);
  const captionLine = lines.find((l) => squeeze(l.text).startsWith(opens));
  expect(captionLine, `the caption on page ${page + 1}`).toBeDefined();
  return { lines, captionLine: captionLine! };
}

/** Which column a rendered line stands in: 0 left, 1 right, -1 across both. */
const side = (l: { x0: number; x1: number }) => (l.x1 <= MID ? 0 : l.x0 >= MID ? 1 : -1);

const CASES = [
  // The paragraph running into page 2 cut: its first lines end page 1's right column, the photo opens page 2's left one.
  { name: 'magazine-top-column', photo: { afterSection: 1, span: 'column' as const } },
  // Across both columns at the top of page 2, page 1's columns full.
  { name: 'magazine-top-page', photo: { afterSection: 1, span: 'full' as const } },
  // On the balanced last page: the photo opens the right column, the text above it not filling in.
  { name: 'magazine-top-balanced', photo: { afterSection: 3, span: 'column' as const }, leads: 2 },
];

const FOOT_CASES = [
  // Page 1 full: the photo at the foot of the column the lead ends in.
  { name: 'magazine-foot-column', photo: { afterSection: -1, span: 'column' as const }, leads: 3 },
  // One page, balanced: the lead ends in the lines the left column keeps beside the photo, which ends
  // the left column; a column break opens the right one.
  { name: 'magazine-foot-balanced-left', photo: { afterSection: -1, span: 'column' as const }, leads: 1 },
  // One page, balanced: section 2 ends in the right column, the photo ends the band there.
  { name: 'magazine-foot-balanced-right', photo: { afterSection: 2, span: 'column' as const }, leads: 1 },
];

describe.skipIf(SKIP_LIBREOFFICE)('a photo at the foot of its column (栏底), rendered', () => {
  for (const c of FOOT_CASES) {
  it(`${c.name}: the caption the last line of the column the count gives, at the foot of its band, the columns as counted`, async () => {
    const doc = feature(c.photo, c.leads, 'foot');
    const laid = layMagazine(doc, () => ({ width: 1, height: 1 }));
    const at = laid.flow.findIndex((item) => item.kind === 'photo');
    const photo = laid.flow[at] as Extract<(typeof laid.flow)[number], { kind: 'photo' }>;
    const page = laid.pages.findIndex((p) => p.bands.some((b) => b.kind === 'columns' && b.columns.some((col) => col.at(-1)?.item === at)));
    const band = laid.pages[page]!.bands.find((b) => b.kind === 'columns' && b.columns.some((col) => col.at(-1)?.item === at))!;
    const column = band.kind === 'columns' ? band.columns.findIndex((col) => col.at(-1)?.item === at) : -1;
    expect(laid.flow[at - 1]!.kind).toBe('text');

    const pages = await render(c.name, doc);
    expect(pages).toHaveLength(laid.pages.length);
    const { lines, captionLine } = captionOn(pages, page, photo.caption);
    expect(side(captionLine)).toBe(column);
    // Nothing under the caption in its column. Its block ends at the band's foot: on a full page the
    // type area's, the caption's line (13 pt, boxed 2 pt under its top) and its space after within
    // the last 16 pt line; on a balanced band no lower than the other column's last line, which ends
    // within the caption's space after of the caption's line.
    expect(lines.filter((l) => l.y0 > captionLine.y0 && side(l) === column).map((l) => l.text)).toEqual([]);
    if (band.kind === 'columns' && band.balanced) {
      const other = lines.filter((l) => side(l) === 1 - column && l.y0 > MAGAZINE_AREA.top);
      expect(Math.max(...other.map((l) => l.y1)) - captionLine.y1).toBeLessThan((photo.after ?? 0) / 20 + 3);
    } else expect(MAGAZINE_AREA.bottom - 2 - captionLine.y1).toBeLessThan(16 + (photo.after ?? 0) / 20);
    expect(ends(pdfColumns(pages))).toEqual(ends(countedColumns(laid.flow, laid.pages)));
  }, 180_000);
  }
});

describe.skipIf(SKIP_LIBREOFFICE)('photos at the top of a column or page, rendered', () => {
  for (const c of CASES) {
    it(`${c.name}: the photo's top at the top of the column or page the count gives, the columns as counted`, async () => {
      const doc = feature(c.photo, c.leads);
      const laid = layMagazine(doc, () => ({ width: 1, height: 1 }));
      const at = laid.flow.findIndex((item) => item.kind === 'photo');
      const photo = laid.flow[at] as Extract<(typeof laid.flow)[number], { kind: 'photo' }>;
      expect(photo.head).toBe(true);
      // Where the count sets it: page, and column (-1 across both); always the first thing there.
      const page = laid.pages.findIndex((p) => p.bands.some((b) => (b.kind === 'full' ? b.item === at : b.columns.some((col) => col.some((x) => x.item === at)))));
      const band = laid.pages[page]!.bands.find((b) => (b.kind === 'full' ? b.item === at : b.columns.some((col) => col.some((x) => x.item === at))))!;
      const column = band.kind === 'full' ? -1 : band.columns.findIndex((col) => col[0]?.item === at);
      expect(band === laid.pages[page]!.bands[0] && page > 0).toBe(true);

      const pages = await render(c.name, doc);
      expect(pages).toHaveLength(laid.pages.length);
      const { lines, captionLine } = captionOn(pages, page, photo.caption);
      if (column >= 0) expect(side(captionLine)).toBe(column);
      // Nothing above the caption in its column (across both: on the page) but the picture, which starts at the type area's top.
      expect(lines.filter((l) => l.y0 < captionLine.y0 && (column < 0 || side(l) === column)).map((l) => l.text)).toEqual([]);
      // The caption's top less the picture and its 3 pt after; poppler boxes the caption from its glyphs, 2 pt under its 13 pt line's top.
      const pictureTop = captionLine.y0 - 2 - photo.size.height * 0.75 - 3;
      expect(Math.abs(pictureTop - (MAGAZINE_AREA.top + 2))).toBeLessThan(1);
      // The text flows around it as counted: every column opens and closes on the counted characters.
      const full = photo.span === 'full' ? [squeeze(photo.caption.join(''))] : [];
      expect(ends(pdfColumns(pages, full))).toEqual(ends(countedColumns(laid.flow, laid.pages)));
    }, 180_000);
  }
});
