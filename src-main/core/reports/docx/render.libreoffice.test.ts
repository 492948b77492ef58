// The exports as an office suite renders them: LibreOffice lays them out, poppler reads the PDF
// back. The page images land in test-results/docx/ for a person to look at.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONTS } from '../../../shared/settings.ts';
import type { ResolvedDocument } from '../../../shared/document.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfLines, pdfPageCount, pdfText, pdfToPngs } from '../../../../test/support/libreoffice.ts';
import { PT_PER_MM, blankPages, footTexts, lastLineWith } from '../../../../test/support/print-checks.ts';
import { FIGURES, MARKER, PHOTO, seedBulletin, seedFeature, TITLE } from '../../../../test/support/docx-fixtures.ts';
import { renderDocx, type DocxOptions } from './index.ts';

const OUT = fileURLToPath(new URL('../../../../test-results/docx/', import.meta.url));
const flat = (s: string) => s.replace(/\s+/g, '');
/** The text in reading order, left column before right: poppler's own order interleaves the magazine's columns now and then. */
const columnText = (pages: Rendered['lines']) =>
  pages.map((p) => [...p.lines].sort((a, b) => Number(a.x0 > p.width / 2) - Number(b.x0 > p.width / 2) || a.y0 - b.y0).map((l) => l.text).join('')).join('');

// The conversions run in a private folder: test-results/ is Playwright's output folder, which it
// empties when an e2e run starts, possibly in the middle of ours. Only the results are published there.
const WORK = mkdtempSync(join(tmpdir(), 'parkbrief-docx-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function publish(files: string[]): string[] {
  mkdirSync(OUT, { recursive: true });
  return files.map((f) => {
    const to = join(OUT, basename(f));
    copyFileSync(f, to);
    return to;
  });
}

async function renderToPdf(name: string, docs: ResolvedDocument[], template: DocxOptions['template']) {
  const docx = join(WORK, `${name}.docx`);
  writeFileSync(docx, await renderDocx(docs, { template, fonts: DEFAULT_FONTS, photo: () => PHOTO }));
  const pdf = await convertWithLibreOffice(docx, 'pdf', WORK);
  const pngs = await pdfToPngs(pdf, join(WORK, name));
  const result = { pages: await pdfPageCount(pdf), text: await pdfText(pdf), lines: await pdfLines(pdf), pngs: publish(pngs) };
  publish([docx, pdf]);
  return result;
}

type Rendered = Awaited<ReturnType<typeof renderToPdf>>;

const PARKS = ['楚雄高新区', '昆明高新区', '玉溪高新区'];
const yearbook = () =>
  PARKS.map((park, i) =>
    seedFeature({
      title: [{ kind: 'text', text: `${park}：聚焦“六大行动”打造增长极` }],
      magazine: { ...seedFeature().magazine, firstPage: 40 + 2 * i },
    }),
  );

async function renderToText(name: string, docs: ResolvedDocument[]): Promise<string[]> {
  const docx = join(WORK, `${name}.docx`);
  writeFileSync(docx, await renderDocx(docs, { template: 'magazine', fonts: DEFAULT_FONTS, photo: () => PHOTO }));
  return readFileSync(await convertWithLibreOffice(docx, 'txt', WORK), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
}

describe.skipIf(SKIP_LIBREOFFICE)('Word exports rendered by LibreOffice', { timeout: 120_000 }, () => {
  let magazine: Rendered;
  let bulletin: Rendered;
  let book: Rendered;
  let magazineText: string[];
  // Side by side: each conversion has its own LibreOffice profile, so they do not trip over each other.
  beforeAll(async () => {
    [magazine, bulletin, book, magazineText] = await Promise.all([
      renderToPdf('magazine', [seedFeature()], 'magazine'),
      renderToPdf('bulletin', [seedBulletin()], 'bulletin'),
      renderToPdf('magazine-yearbook', yearbook(), 'magazine'),
      renderToText('magazine-text', [seedFeature()]),
    ]);
  }, 180_000);

  for (const template of ['magazine', 'bulletin'] as const) {
    it(`${template}: converts to PDF with the title, every figure and the marker, and writes page images`, () => {
      const r = template === 'magazine' ? magazine : bulletin;
      expect(r.pages).toBeGreaterThanOrEqual(1);
      const text = flat(columnText(r.lines));
      for (const s of [TITLE, ...FIGURES, MARKER]) expect(text, s).toContain(flat(s));
      expect(r.pngs).toHaveLength(r.pages);
      expect(r.pngs[0]).toBe(join(OUT, `${template}-1.png`));
      for (const png of r.pngs) expect(statSync(png).size).toBeGreaterThan(1000);
    });
  }

  it('magazine: the seed feature fits a spread, with the running header and the folio', () => {
    expect(magazine.pages).toBeLessThanOrEqual(2);
    expect(magazine.text).toContain('园区风采');
    expect(magazine.text).toContain('Charm of Industrial Park');
    // Word takes page 40 for a left page (its number is even); LibreOffice takes the first page
    // for a right one whatever its number, so either side of the folio is accepted here.
    expect(flat(magazine.text.split('\f')[0]!)).toMatch(/402023\.08|2023\.0840/);
  });

  it('magazine as text: each section heading stands on a line of its own, its text on the next', () => {
    expect(magazineText).toContain('楚雄高新区：');
    const pairs: [string, string][] = [
      ['聚焦招商引资，项目支撑形成新优势', '2022年以来'],
      ['聚焦知识产权，提升园区核心竞争力', '园区以知识产权'],
    ];
    for (const [heading, text] of pairs) {
      const at = magazineText.findIndex((l) => l.trim() === heading);
      expect(at, heading).toBeGreaterThanOrEqual(0);
      const next = magazineText[at + 1] ?? '';
      expect(next.trim().startsWith(text), next).toBe(true);
    }
  });

  it('bulletin: the masthead, the numbered headings and the distribution block come through in order', () => {
    const t = flat(bulletin.text);
    const order = ['楚雄高新区工作简报', '第8期', '楚雄高新区管委会办公室', '2023年8月15日', flat(TITLE), '一、招商引资', '（一）聚焦招商引资', '1.项目谋划', '（1）专项债项目', '二、创新发展', '报：州委办公室', '（共印60份）'];
    const at = order.map((s) => t.indexOf(s));
    expect(at.every((i) => i >= 0), JSON.stringify(order.filter((_, i) => at[i]! < 0))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(t).toContain('—1—');
  });

  it('bulletin: the end block sits at the foot of the last page, an even one (GB/T 9704)', () => {
    const end = lastLineWith(bulletin.lines, '共印');
    expect(end?.page).toBe(bulletin.pages);
    expect(bulletin.pages % 2).toBe(0);
    const foot = 841.89 - 35 * PT_PER_MM;
    expect((foot - end!.line.y1) / PT_PER_MM).toBeLessThanOrEqual(10);
  });

  it('bulletin: the blank page before the end block (the body fills page 4) carries no page number; the others do', () => {
    const block = { top: 37 * PT_PER_MM, bottom: 841.89 - 35 * PT_PER_MM };
    expect(blankPages(bulletin.lines, block)).toEqual([5]);
    expect(footTexts(bulletin.lines, block)).toEqual(['—1—', '—2—', '—3—', '—4—', '', '—6—']);
  });

  it('yearbook: three features in one file, each starting on a new page', () => {
    const pages = book.text.split('\f').map(flat);
    const titlePage = PARKS.map((park) => pages.findIndex((p) => p.includes(`${park}：聚焦`)));
    expect(titlePage.every((p) => p >= 0)).toBe(true);
    expect(new Set(titlePage).size).toBe(3);
    expect([...titlePage].sort((a, b) => a - b)).toEqual(titlePage);
    titlePage.slice(1).forEach((p, i) => {
      // The page before holds the previous feature's closing sentence; the title opens this one, under the header.
      expect(pages[p - 1]).toContain('核心引擎。');
      expect(pages[p]!.indexOf(`${PARKS[i + 1]}：聚焦`)).toBeLessThan(40);
    });
    expect(book.pngs).toHaveLength(book.pages);
    expect(book.pngs[0]).toBe(join(OUT, 'magazine-yearbook-1.png'));
  });
});
