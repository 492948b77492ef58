// The preview is the export: for the two demo articles in both layouts, the preview's pages hold
// the same text as LibreOffice's render of the Word export — the same number of pages, each page
// opening and closing on the same characters — and printing the preview gives one sheet per page.
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from '../src-main/shared/document.ts';
import { exportDocx } from '../src-main/core/documents/export-docx.ts';
import { SKIP_LIBREOFFICE, convertWithLibreOffice, pdfLines, pdfPageCount, type PdfPage } from '../test/support/libreoffice.ts';
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

const rendered = new Map<string, string[]>();

test.describe('the preview is the export', () => {
  test.skip(SKIP_LIBREOFFICE, 'LibreOffice is not installed here (PARKBRIEF_SKIP_LIBREOFFICE=1)');
  test.describe.configure({ timeout: 300_000 });

  test.beforeAll(async () => {
    const store = tempStore({ demo: true });
    const work = mkdtempSync(join(tmpdir(), 'parkbrief-preview-'));
    try {
      for (const d of DEMOS) {
        for (const template of TEMPLATES) {
          const file = await exportDocx(store.ctx, { documents: [store.ids(d.park, d.period)], template, allowMarkers: true });
          const docx = join(work, `${d.key}-${template}.docx`);
          writeFileSync(docx, file.bytes);
          rendered.set(`${d.key}-${template}`, pdfPageTexts(await pdfLines(await convertWithLibreOffice(docx, 'pdf', work)), template));
        }
      }
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
          // The magazine's columns are measured in the browser's type: the same number of pages, the
          // feature opening alike and its last words on the last page (poppler reads balanced columns
          // in either order, so the page's last characters are not its last words).
          expect(preview.length, 'pages').toBe(pdf.length);
          expect(preview[0]!.slice(0, ENDS)).toBe(pdf[0]!.slice(0, ENDS));
          expect(pdf.at(-1)).toContain(preview.at(-1)!.slice(-ENDS));
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
