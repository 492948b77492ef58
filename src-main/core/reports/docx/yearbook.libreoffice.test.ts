// The yearbook as LibreOffice lays it out: the contents' page numbers are the folios the features
// open on, every feature opens on a right-hand (odd) page and the folios run on across features.
// The page images land in test-results/docx/ for a person to look at.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfText, pdfToPngs } from '../../../../test/support/libreoffice.ts';
import { renderYearbook, YEARBOOK_PARKS } from '../../../../test/support/yearbook-fixture.ts';

const OUT = fileURLToPath(new URL('../../../../test-results/docx/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-yearbook-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** The folio printed at a page's foot ("2023.08  3" or "3  2023.08"), or null. */
function folio(page: string): number | null {
  const m = /2023\.08\s+(\d+)\s*$|^\s*(\d+)\s+2023\.08/m.exec(page.trimEnd());
  return m ? Number(m[1] ?? m[2]) : null;
}

describe.skipIf(SKIP_LIBREOFFICE)('yearbook rendered by LibreOffice', { timeout: 120_000 }, () => {
  let pages: string[];
  beforeAll(async () => {
    const docx = join(WORK, 'yearbook.docx');
    writeFileSync(docx, await renderYearbook());
    const pdf = await convertWithLibreOffice(docx, 'pdf', WORK);
    pages = (await pdfText(pdf)).split('\f').filter((p) => p.trim() !== '');
    mkdirSync(OUT, { recursive: true });
    for (const f of [docx, pdf, ...(await pdfToPngs(pdf, join(WORK, 'yearbook')))]) copyFileSync(f, join(OUT, basename(f)));
    // A hook's own limit (10 s by default), not the describe's: LibreOffice takes 4 s alone and over 10 s on a loaded machine.
  }, 120_000);

  it('prints the cover, then the contents with each park and the parks left out', () => {
    expect(pages[0]!.replace(/\s+/g, '')).toContain('2022年园区年鉴');
    const contents = pages[1]!.replace(/\s+/g, '');
    for (const park of YEARBOOK_PARKS) expect(contents).toContain(`${park}${park}：聚焦`);
    expect(contents).toContain('曲靖经开区：2022年没有文稿');
  });

  it('opens each feature on an odd folio that its contents entry names, the folios running on', () => {
    const contents = pages[1]!.replace(/\s+/g, '');
    const named = YEARBOOK_PARKS.map((park) => Number(new RegExp(`${park}${park}：聚焦“六大行动”打造增长极[.…·]*(\\d+)`).exec(contents)?.[1]));
    const opens = YEARBOOK_PARKS.map((park) => pages.findIndex((p) => p.replace(/\s+/g, '').includes(`${park}：聚焦“六大行动”打造增长极`) && folio(p) !== null));
    const folios = opens.map((i) => folio(pages[i]!));
    expect(folios).toEqual(named);
    for (const f of folios) expect(f! % 2).toBe(1);
    expect(folios[0]).toBe(1);
    // Every page after the contents carries a folio one more than the last printed, or two where
    // a blank left-hand page (not printed to the PDF) was put in before a feature.
    const all = pages.slice(2).map(folio);
    expect(all.every((f) => f !== null)).toBe(true);
    for (let i = 1; i < all.length; i++) expect([1, 2]).toContain(all[i]! - all[i - 1]!);
  });
});
