// The preview is the export: for the two demo articles in both layouts, the preview's pages hold
// the same text as LibreOffice's render of the Word export — the same number of pages, each page
// opening and closing on the same characters — and printing the preview gives one sheet per page.
// With a photo set across both columns or at the top of its column or page, the preview draws it
// where LibreOffice sets it, and the columns around it still break alike. With 注明数据来源 the
// preview sets the export's footnotes at each page's foot and its columns end above them, as
// LibreOffice's do.
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
import { ENDS, MAGAZINE_AREA, MID, bodyLines, ends, noteEnds, pdfColumns, pdfNotes, squeeze } from '../test/support/magazine-columns.ts';
import { tempStore } from '../test/support/temp-store.ts';
import { openPreview, previewPages } from './document-page.ts';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');
const DEMOS = [
  { key: 'chuxiong', park: '楚雄高新区', period: '2022', label: '2022年' },
  { key: 'kunming', park: '昆明高新区', period: '2017', label: '2017年' },
] as const;
const TEMPLATES: Template[] = ['magazine', 'bulletin'];
const A4_HEIGHT = 841.89;
/** The type areas, points from the top: furniture (running head, folio, page number) lies outside. */
const AREA: Record<Template, { top: number; bottom: number }> = {
  bulletin: { top: 37 * PT_PER_MM - 2, bottom: A4_HEIGHT - 35 * PT_PER_MM + 2 },
  magazine: MAGAZINE_AREA,
};

/** Each rendered page's text inside the type area, in poppler's reading order. */
function pdfPageTexts(pages: readonly PdfPage[], template: Template): string[] {
  const area = AREA[template];
  return pages.map((p) => squeeze(p.lines.filter((l) => (l.y0 + l.y1) / 2 >= area.top && (l.y0 + l.y1) / 2 <= area.bottom).map((l) => l.text).join('')));
}

/**
 * Magazine cases with a photo set otherwise than the demo sets it: 楚雄's second photo (园区标准化厂房)
 * across both columns, in the text and at the top of its page (页首); 昆明's second (新城产业基地) at
 * the top of its column (栏首), which cuts the paragraph running into that column.
 */
const PLACED = [
  { key: 'chuxiong-full', park: '楚雄高新区', period: '2022', label: '2022年', photo: 1, span: 'full', place: 'flow', caption: '园区标准化厂房。', sources: false },
  { key: 'chuxiong-full-top', park: '楚雄高新区', period: '2022', label: '2022年', photo: 1, span: 'full', place: 'top', caption: '园区标准化厂房。', sources: false },
  { key: 'kunming-top', park: '昆明高新区', period: '2017', label: '2017年', photo: 1, span: 'column', place: 'top', caption: '昆明高新区新城产业基地。', sources: false },
  // 栏首 with 注明数据来源: placed by a count that leaves the footnotes their room. (楚雄's photo 通栏
  // with sources: LibreOffice sets page 1 a line short of the count, so its render has a test of its
  // own, core/documents/magazine-full-sources.libreoffice.test.ts.)
  // 栏底: at the foot of the column its section ends in, the paragraph across its top cut.
  { key: 'kunming-foot', park: '昆明高新区', period: '2017', label: '2017年', photo: 1, span: 'column', place: 'foot', caption: '昆明高新区新城产业基地。', sources: false },
  // 栏底 on the balanced last page: 云南锗业生产车间 after the last section ends the band at the right column's foot.
  { key: 'kunming-foot-last', park: '昆明高新区', period: '2017', label: '2017年', photo: 2, span: 'column', place: 'foot', after: 3, caption: '云南锗业生产车间。', sources: false },
  { key: 'kunming-top-sources', park: '昆明高新区', period: '2017', label: '2017年', photo: 1, span: 'column', place: 'top', caption: '昆明高新区新城产业基地。', sources: true },
] as const;

/**
 * Pages alike with 注明数据来源: 昆明's first three. On its page 4 LibreOffice sets a note called
 * there (33) on page 5 and fills the columns 41 and 40 lines over the rest; the preview, as the count
 * and Word, keeps the note under its reference (docs/PRINT-CHECKLIST.md).
 */
const ALIKE_WITH_SOURCES: Record<string, number> = { kunming: 3 };
const alike = (key: string, sources: boolean) => (sources ? (ALIKE_WITH_SOURCES[key.split('-')[0]!] ?? Infinity) : Infinity);

/** Where a placed photo's caption stands in a render: page, column (-1 across both), whether it is the first or the last line there, and its top (pt). */
interface CaptionSpot {
  page: number;
  column: number;
  first: boolean;
  last: boolean;
  top: number;
}
function captionSpot(pages: readonly PdfPage[], caption: string, full: boolean): CaptionSpot | null {
  for (const [page, p] of pages.entries()) {
    const lines = bodyLines(p);
    const line = lines.find((l) => squeeze(l.text).startsWith(caption.slice(0, ENDS)));
    if (!line) continue;
    const column = full ? -1 : line.x1 <= MID ? 0 : 1;
    const inColumn = (l: { x0: number; x1: number }) => column < 0 || (column === 0 ? l.x1 <= MID : l.x0 >= MID);
    const above = lines.filter((l) => l.y0 < line.y0 && inColumn(l));
    const below = lines.filter((l) => l.y0 > line.y0 && inColumn(l));
    return { page, column, first: above.length === 0, last: below.length === 0, top: line.y0 };
  }
  return null;
}

const rendered = new Map<string, string[]>();
const renderedColumns = new Map<string, string[][]>();
/** Each rendered page's footnotes: their lines, their text without the numbers. */
const renderedNotes = new Map<string, { lines: number; text: string }[]>();
const renderedCaptions = new Map<string, CaptionSpot | null>();

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
        // 注明数据来源: the references left out of the lines, the footnotes read apart.
        const file = await exportDocx(store.ctx, { documents: [store.ids(d.park, d.period)], template: 'magazine', allowMarkers: true, sources: true });
        const docx = join(work, `${d.key}-sources-magazine.docx`);
        writeFileSync(docx, file.bytes);
        const pdf = await convertWithLibreOffice(docx, 'pdf', work);
        const pages = await pdfLines(pdf, { superscripts: false });
        renderedColumns.set(`${d.key}-sources`, pdfColumns(pages));
        renderedNotes.set(`${d.key}-sources`, pdfNotes(pages));
        mkdirSync(SHOTS, { recursive: true });
        await pdfToPngs(pdf, join(SHOTS, `render-${d.key}-sources`), { dpi: 80 });
      }
      mkdirSync(SHOTS, { recursive: true });
      for (const c of PLACED) {
        const ids = store.ids(c.park, c.period);
        const body = requireDocument(store.ctx.db, ids.parkId, ids.periodId).body;
        const photos = body.photos.map((p, i) => (i === c.photo ? { ...p, span: c.span, place: c.place, ...('after' in c ? { afterSection: c.after } : {}) } : p));
        writeBatch(store.ctx, c.key, (log) => putDocument(store.ctx, log, ids.parkId, ids.periodId, { ...body, photos }), { undoState: 'none' });
        const file = await exportDocx(store.ctx, { documents: [ids], template: 'magazine', allowMarkers: true, sources: c.sources });
        const docx = join(work, `${c.key}-magazine.docx`);
        writeFileSync(docx, file.bytes);
        const pdf = await convertWithLibreOffice(docx, 'pdf', work);
        const pages = await pdfLines(pdf, { superscripts: !c.sources });
        if (c.sources) renderedNotes.set(c.key, pdfNotes(pages));
        renderedColumns.set(c.key, pdfColumns(pages, c.span === 'full' ? [c.caption] : []));
        renderedCaptions.set(c.key, captionSpot(pages, c.caption, c.span === 'full'));
        await pdfToPngs(pdf, join(SHOTS, `render-${c.key}`), { dpi: 80 });
        // Back as the demo has it for the next case.
        writeBatch(store.ctx, `${c.key} undone`, (log) => putDocument(store.ctx, log, ids.parkId, ids.periodId, body), { undoState: 'none' });
      }
    } finally {
      store.dispose();
      rmSync(work, { recursive: true, force: true });
    }
  });

  /** Each preview page's columns' text, pictures' drawings and footnote references left out. */
  const previewColumns = (page: Page) =>
    page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
      pages.map((p) =>
        [...p.querySelectorAll('.pv-m-col')].map((c) => {
          const col = c.cloneNode(true) as HTMLElement;
          col.querySelectorAll('.pv-chart > div, svg, .pv-ref').forEach((e) => e.remove());
          return (col.textContent ?? '').replace(/\s+/g, '');
        }),
      ),
    );

  /** Each preview page's footnotes as pdfNotes reads a render: their lines, their text without the numbers. */
  const previewNotes = (page: Page) =>
    page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
      pages.map((p) => {
        const lines = [...p.querySelectorAll('.pv-m-notes .pv-line')].map((l) => {
          const line = l.cloneNode(true) as HTMLElement;
          line.querySelectorAll('.pv-ref').forEach((e) => e.remove());
          return (line.textContent ?? '').replace(/\s+/g, '');
        });
        return { lines: lines.length, text: lines.join('') };
      }),
    );

  /** Each preview page as printed (the app's bars hidden), for a person to look at. */
  async function shootPages(page: Page, name: string) {
    await page.emulateMedia({ media: 'print' });
    for (const [i, p] of (await page.locator('.doc-preview .pv-page').all()).entries()) await p.screenshot({ path: join(SHOTS, `${name}-${i + 1}.png`) });
    await page.emulateMedia({ media: 'screen' });
  }

  for (const c of PLACED) {
    test(`${c.park}, photo ${c.photo + 1} ${c.span === 'full' ? '通栏' : '一栏宽'} ${c.place === 'top' ? (c.span === 'full' ? '页首' : '栏首') : c.place === 'foot' ? '栏底' : '随文'}${c.sources ? ', 注明数据来源' : ''}: drawn where LibreOffice sets it, the columns around it broken where LibreOffice breaks them`, async ({ page, app }) => {
      await openPreview(page, app.url, c.park, c.label, 'magazine');
      if (c.sources) await page.getByTestId('preview-sources').check();
      // The card's first choice is the section the photo follows.
      if ('after' in c) await page.getByTestId(`photo-${c.photo}`).locator('select').first().selectOption(String(c.after));
      await page.getByTestId(`photo-${c.photo}-span`).selectOption(c.span);
      await page.getByTestId(`photo-${c.photo}-place`).selectOption(c.place);
      const photo = page.locator(`.doc-preview [data-block="photo-${c.photo}"]`);
      if (c.span === 'full') {
        await expect(page.locator('.doc-preview .pv-m-photo.pv-m-full')).toHaveCount(1);
        // The type area's width, not a column's.
        const [photoWidth, areaWidth] = await photo.evaluate((f) => [f.getBoundingClientRect().width, f.closest('.pv-area')!.getBoundingClientRect().width]);
        expect(photoWidth).toBeCloseTo(areaWidth!, 0);
      }
      if (c.place === 'top') await expect(page.locator('.doc-preview .pv-m-top')).toHaveCount(1);
      if (c.place === 'foot') await expect(page.locator('.doc-preview .pv-m-foot')).toHaveCount(1);
      const columns = await previewColumns(page);
      const same = alike(c.key, c.sources);
      expect(ends(columns).slice(0, same)).toEqual(ends(renderedColumns.get(c.key)!).slice(0, same));
      if (c.sources) expect(noteEnds(await previewNotes(page)).slice(0, same)).toEqual(noteEnds(renderedNotes.get(c.key)!).slice(0, same));
      // The photo on the same page and in the same column in both; set at the top, the first thing there,
      // its picture's top at the type area's top in the render.
      const preview = await photo.evaluate((f) => {
        const pageOf = f.closest('.pv-page')!;
        const col = f.closest('.pv-m-col');
        const first = col ? col.firstElementChild === f : f.parentElement!.querySelector(':scope > .pv-m-band, :scope > figure') === f;
        const last = col ? col.lastElementChild === f : false;
        return { page: Number(pageOf.getAttribute('data-page')) - 1, column: col ? [...col.parentElement!.children].indexOf(col) : -1, first, last };
      });
      const rendered = renderedCaptions.get(c.key)!;
      expect(rendered).not.toBeNull();
      expect({ page: rendered.page, column: rendered.column }).toEqual({ page: preview.page, column: preview.column });
      // At the foot: the last thing in its column in both (its caption the column's last line in the render).
      if (c.place === 'foot') expect({ preview: preview.last, rendered: rendered.last }).toEqual({ preview: true, rendered: true });
      if (c.place === 'top') {
        expect(preview.first && rendered.first).toBe(true);
        // The picture's top, points from the page's top: in the preview (measured against its page, whatever
        // the zoom) and in the render (the caption's top less the picture and its 3 pt after).
        const drawn = await photo.locator('img, .pv-img').evaluate((i) => {
          const pg = i.closest('.pv-page')!.getBoundingClientRect();
          const r = i.getBoundingClientRect();
          return { top: (r.top - pg.top) / pg.height, height: r.height / pg.height };
        });
        const previewTop = drawn.top * A4_HEIGHT;
        const renderTop = rendered.top - drawn.height * A4_HEIGHT - 3;
        console.log(`${c.key}: picture top ${previewTop.toFixed(1)} pt in the preview, ${renderTop.toFixed(1)} pt in the render, type area ${MAGAZINE_AREA.top + 2} pt`);
        // The render sits 2 pt lower: poppler boxes the caption from its glyphs, 2 pt under its 13 pt line's top.
        expect(Math.abs(renderTop - 2 - previewTop)).toBeLessThan(1);
        // After a break: at the type area's top.
        if (rendered.page > 0) expect(Math.abs(previewTop - (MAGAZINE_AREA.top + 2))).toBeLessThan(1);
      }
      await shootPages(page, `preview-${c.key}`);
      if (c.place !== 'flow') await page.getByTestId(`photo-${c.photo}`).screenshot({ path: join(SHOTS, `editor-${c.key}.png`) });
    });
  }

  for (const d of DEMOS) {
    for (const template of TEMPLATES) {
      test(`${d.park} ${d.period}, ${template}: the same pages as LibreOffice's render of the export`, async ({ page, app }) => {
        await openPreview(page, app.url, d.park, d.label, template);
        const preview = await previewPages(page);
        const pdf = rendered.get(`${d.key}-${template}`)!;
        if (template === 'bulletin') {
          // Laid by the export's own count: every page opens and closes where LibreOffice's does.
          expect(ends([preview]), `preview pages ${preview.length}, LibreOffice pages ${pdf.length}`).toEqual(ends([pdf]));
        } else {
          // Laid by the export's own count too: every column of every page opens and closes where
          // LibreOffice's does (its lines told apart by which side of the gap they stand).
          const columns = await previewColumns(page);
          expect(ends(columns), `preview pages ${columns.length}, LibreOffice pages ${pdf.length}`).toEqual(ends(renderedColumns.get(d.key)!));
          await shootPages(page, `preview-${d.key}-magazine`);
        }
      });
    }
  }

  for (const d of DEMOS) {
    test(`${d.park} ${d.period}, magazine with 注明数据来源: the footnotes at the foot of the pages LibreOffice sets them on, the columns ending above them`, async ({ page, app }) => {
      await openPreview(page, app.url, d.park, d.label, 'magazine');
      await page.getByTestId('preview-sources').check();
      await expect(page.locator('.doc-preview .pv-m-notes').first()).toBeVisible();
      const key = `${d.key}-sources`;
      const same = alike(d.key, true);
      const columns = await previewColumns(page);
      expect(columns.length, `preview pages ${columns.length}, LibreOffice pages ${renderedColumns.get(key)!.length}`).toBe(renderedColumns.get(key)!.length);
      expect(ends(columns).slice(0, same)).toEqual(ends(renderedColumns.get(key)!).slice(0, same));
      expect(noteEnds(await previewNotes(page)).slice(0, same)).toEqual(noteEnds(renderedNotes.get(key)!).slice(0, same));
      // Nothing printed runs into a page's notes: every line, picture and caption's text ends above them
      // (a caption's space after may reach under them, as in LibreOffice's render).
      const overlaps = await page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
        pages.flatMap((p, i) => {
          const notes = p.querySelector('.pv-m-notes');
          if (!notes) return [];
          const top = notes.getBoundingClientRect().top;
          const range = document.createRange();
          const bottom = (e: Element) => {
            if (e.tagName !== 'FIGCAPTION') return e.getBoundingClientRect().bottom;
            range.selectNodeContents(e);
            return range.getBoundingClientRect().bottom;
          };
          const over = [...p.querySelectorAll('.pv-m-col .pv-line, .pv-m-col img, .pv-m-col .pv-img, .pv-m-col figcaption')].filter((e) => bottom(e) > top + 0.5);
          return over.length ? [`page ${i + 1}: ${over.map((e) => e.textContent?.slice(0, 12) ?? e.tagName).join(' | ')}`] : [];
        }),
      );
      expect(overlaps).toEqual([]);
      await shootPages(page, `preview-${d.key}-sources`);
      await page.locator('.doc-preview-bar').screenshot({ path: join(SHOTS, `preview-bar-sources-${d.key}.png`) });
      // The export dialog opens with the preview's choice: what the preview shows is what is exported.
      await page.getByTestId('export-docx').click();
      await expect(page.getByTestId('export-sources')).toBeChecked();
    });
  }

  test('printing the preview gives one sheet per preview page, A4, without the app around it', async ({ page, app }) => {
    for (const template of TEMPLATES) {
      await openPreview(page, app.url, '楚雄高新区', '2022年', template);
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
