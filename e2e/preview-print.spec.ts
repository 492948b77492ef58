// The preview is the export: for the two demo articles in both layouts, the preview's pages hold
// the same text as LibreOffice's render of the Word export — the same number of pages, each page
// opening and closing on the same characters — and printing the preview gives one sheet per page.
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from '../src-main/shared/document.ts';
import { exportDocx } from '../src-main/core/documents/export-docx.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfLines, pdfPageCount, pdfToPngs, type PdfPage } from '../test/support/libreoffice.ts';
import { putDocument, requireDocument } from '../src-main/core/documents/documents.ts';
import { writeBatch } from '../src-main/core/history/change-log.ts';
import { PT_PER_MM } from '../test/support/print-checks.ts';
import { tempStore } from '../test/support/temp-store.ts';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');
const DEMOS = [
  { key: 'chuxiong', park: '楚雄高新区', period: '2022', label: '2022年' },
  { key: 'kunming', park: '昆明高新区', period: '2017', label: '2017年' },
] as const;
const TEMPLATES: Template[] = ['magazine', 'bulletin'];
/** Characters compared at each end of a page. */
const ENDS = 6;

const A4_HEIGHT = 841.89;
/** The type areas, points from the top: furniture (running head, folio, page number) lies outside. */
const AREA: Record<Template, { top: number; bottom: number }> = {
  bulletin: { top: 37 * PT_PER_MM - 2, bottom: A4_HEIGHT - 35 * PT_PER_MM + 2 },
  magazine: { top: 24 * PT_PER_MM - 2, bottom: A4_HEIGHT - 22 * PT_PER_MM + 2 },
};

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Each rendered page's text inside the type area, in poppler's reading order. */
function pdfPageTexts(pages: readonly PdfPage[], template: Template): string[] {
  const area = AREA[template];
  return pages.map((p) => squeeze(p.lines.filter((l) => (l.y0 + l.y1) / 2 >= area.top && (l.y0 + l.y1) / 2 <= area.bottom).map((l) => l.text).join('')));
}

/** Points: a line of the magazine's body type (10.5 pt) or smaller (captions) is boxed lower than this by poppler; the title block's (12 pt and up) higher. */
const BODY_LINE_BOX = 15;
/** Between the magazine's two columns on either side of a spread (105 mm: the gap spans it on odd and even pages). */
const MID = 105 * PT_PER_MM;

/**
 * Each rendered magazine page's columns' text, top to bottom, band by band: a photo across both
 * columns (found by its caption, `fullCaptions`) ends the band of columns above it. The title
 * block is left out.
 */
function pdfColumns(pages: readonly PdfPage[], fullCaptions: readonly string[] = []): string[][] {
  const area = AREA.magazine;
  return pages.map((p) => {
    // The title block's lines are set larger than the body's 10.5 pt (a line box of 13.7 pt): a short centred one can stand on either side of the gap.
    const body = p.lines.filter((l) => (l.y0 + l.y1) / 2 >= area.top && (l.y0 + l.y1) / 2 <= area.bottom && l.y1 - l.y0 < BODY_LINE_BOX).sort((a, b) => a.y0 - b.y0);
    const cuts = body.filter((l) => fullCaptions.some((c) => squeeze(l.text).startsWith(c.slice(0, ENDS)))).map((l) => l.y0);
    const bands = [...cuts, Infinity].map((to, i) => body.filter((l) => l.y0 < to && l.y0 > (i ? cuts[i - 1]! : -Infinity)));
    return bands
      .map((band) => [band.filter((l) => l.x1 <= MID), band.filter((l) => l.x0 >= MID)].map((col) => squeeze(col.map((l) => l.text).join(''))))
      .filter((cols) => cols.some((c) => c !== ''))
      .flat();
  });
}

/** The 楚雄 feature with its second photo (园区标准化厂房) across both columns. */
const FULL = { key: 'chuxiong-full', park: '楚雄高新区', period: '2022', label: '2022年', photo: 1, caption: '园区标准化厂房。' } as const;

const rendered = new Map<string, string[]>();
const renderedColumns = new Map<string, string[][]>();

test.describe('the preview is the export', () => {
  test.skip(SKIP_LIBREOFFICE, 'LibreOffice is not installed here (PARKBRIEF_SKIP_LIBREOFFICE=1)');
  test.describe.configure({ timeout: 300_000 });

  test.beforeAll(async () => {
    // Four LibreOffice renders: on a loaded machine more than the hooks' own minute.
    test.setTimeout(300_000);
    const store = tempStore({ demo: true });
    const work = mkdtempSync(join(tmpdir(), 'parkbrief-preview-'));
    try {
      for (const d of DEMOS) {
        for (const template of TEMPLATES) {
          const file = await exportDocx(store.ctx, { documents: [store.ids(d.park, d.period)], template, allowMarkers: true });
          const docx = join(work, `${d.key}-${template}.docx`);
          writeFileSync(docx, file.bytes);
          const pages = await pdfLines(await convertWithLibreOffice(docx, 'pdf', work));
          rendered.set(`${d.key}-${template}`, pdfPageTexts(pages, template));
          if (template === 'magazine') renderedColumns.set(d.key, pdfColumns(pages));
        }
      }
      const ids = store.ids(FULL.park, FULL.period);
      const body = requireDocument(store.ctx.db, ids.parkId, ids.periodId).body;
      const photos = body.photos.map((p, i) => (i === FULL.photo ? { ...p, span: 'full' as const } : p));
      writeBatch(store.ctx, '通栏', (log) => putDocument(store.ctx, log, ids.parkId, ids.periodId, { ...body, photos }), { undoState: 'none' });
      const file = await exportDocx(store.ctx, { documents: [ids], template: 'magazine', allowMarkers: true });
      const docx = join(work, `${FULL.key}-magazine.docx`);
      writeFileSync(docx, file.bytes);
      const pdf = await convertWithLibreOffice(docx, 'pdf', work);
      renderedColumns.set(FULL.key, pdfColumns(await pdfLines(pdf), [FULL.caption]));
      mkdirSync(SHOTS, { recursive: true });
      await pdfToPngs(pdf, join(SHOTS, `render-${FULL.key}`), { dpi: 80 });
    } finally {
      store.dispose();
      rmSync(work, { recursive: true, force: true });
    }
  });

  async function openDocument(page: Page, url: string, park: string, period: string, template: Template) {
    await page.goto(url);
    await page.getByTestId('view-document').click();
    await page.getByTestId('park-picker').selectOption({ label: park });
    await page.getByTestId('period-picker').selectOption({ label: period });
    await page.getByTestId(`preview-${template}`).click();
    await expect(page.getByTestId('doc-preview').locator(`.pv-root.pv-${template} .pv-page`).first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
  }

  /** Each preview page's text in its type area, pictures' drawings left out (their labels are no running text). */
  const previewPages = (page: Page) =>
    page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
      pages.map((p) => {
        const area = p.querySelector('.pv-area')!.cloneNode(true) as HTMLElement;
        area.querySelectorAll('.pv-chart > div, svg').forEach((e) => e.remove());
        return (area.textContent ?? '').replace(/\s+/g, '');
      }),
    );

  /** Each preview page's columns' text, pictures' drawings left out. */
  const previewColumns = (page: Page) =>
    page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
      pages.map((p) =>
        [...p.querySelectorAll('.pv-m-col')].map((c) => {
          const col = c.cloneNode(true) as HTMLElement;
          col.querySelectorAll('.pv-chart > div, svg').forEach((e) => e.remove());
          return (col.textContent ?? '').replace(/\s+/g, '');
        }),
      ),
    );

  /** Each preview page as printed (the app's bars hidden), for a person to look at. */
  async function shootPages(page: Page, name: string) {
    await page.emulateMedia({ media: 'print' });
    for (const [i, p] of (await page.locator('.doc-preview .pv-page').all()).entries()) await p.screenshot({ path: join(SHOTS, `${name}-${i + 1}.png`) });
    await page.emulateMedia({ media: 'screen' });
  }

  test('a photo across both columns: drawn across both, and the columns around it break where LibreOffice breaks them', async ({ page, app }) => {
    await openDocument(page, app.url, FULL.park, FULL.label, 'magazine');
    await page.getByTestId(`photo-${FULL.photo}-span`).selectOption('full');
    const full = page.locator('.doc-preview .pv-m-photo.pv-m-full');
    await expect(full).toHaveCount(1);
    // The type area's width, not a column's.
    const [photoWidth, areaWidth] = await full.evaluate((f) => [f.getBoundingClientRect().width, f.closest('.pv-area')!.getBoundingClientRect().width]);
    expect(photoWidth).toBeCloseTo(areaWidth!, 0);
    const columns = await previewColumns(page);
    const ends = (pages: string[][]) => pages.map((p) => p.map((c) => `${c.slice(0, ENDS)}…${c.slice(-ENDS)}`));
    expect(ends(columns)).toEqual(ends(renderedColumns.get(FULL.key)!));
    await shootPages(page, `preview-${FULL.key}`);
  });

  for (const d of DEMOS) {
    for (const template of TEMPLATES) {
      test(`${d.park} ${d.period}, ${template}: the same pages as LibreOffice's render of the export`, async ({ page, app }) => {
        await openDocument(page, app.url, d.park, d.label, template);
        const preview = await previewPages(page);
        const pdf = rendered.get(`${d.key}-${template}`)!;
        const ends = (pages: string[]) => pages.map((t) => `${t.slice(0, ENDS)}…${t.slice(-ENDS)}`);
        if (template === 'bulletin') {
          // Laid by the export's own count: every page opens and closes where LibreOffice's does.
          expect(ends(preview), `preview pages ${preview.length}, LibreOffice pages ${pdf.length}`).toEqual(ends(pdf));
        } else {
          // Laid by the export's own count too: every column of every page opens and closes where
          // LibreOffice's does (its lines told apart by which side of the gap they stand).
          const columns = await previewColumns(page);
          expect(columns.map((p) => p.map((c) => `${c.slice(0, ENDS)}…${c.slice(-ENDS)}`)), `preview pages ${columns.length}, LibreOffice pages ${pdf.length}`).toEqual(
            renderedColumns.get(d.key)!.map((p) => p.map((c) => `${c.slice(0, ENDS)}…${c.slice(-ENDS)}`)),
          );
          await shootPages(page, `preview-${d.key}-magazine`);
        }
      });
    }
  }

  test('printing the preview gives one sheet per preview page, A4, without the app around it', async ({ page, app }) => {
    for (const template of TEMPLATES) {
      await openDocument(page, app.url, '楚雄高新区', '2022年', template);
      const pages = await page.locator('.doc-preview .pv-page').count();
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(SHOTS, `preview-print-${template}.png`) });
      const pdf = test.info().outputPath(`preview-${template}.pdf`);
      mkdirSync(test.info().outputPath(), { recursive: true });
      // preferCSSPageSize: the preview's own @page rule (A4, no margin) decides the sheet.
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(await pdfPageCount(pdf)).toBe(pages);
      const text = squeeze((await pdfLines(pdf)).flatMap((p) => p.lines.map((l) => l.text)).join(''));
      expect(text).not.toContain('版式设置');
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
