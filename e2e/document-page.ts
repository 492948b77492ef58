// The document view as the specs drive it: open a park's document of a period and its preview, copy
// last period's article forward, read the preview's pages. One place, so a change to the view's
// markup is followed once.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Loads the app on the document view of this park and period. */
export async function openDocumentView(page: Page, url: string, park: string, period: string) {
  await page.goto(url);
  await page.getByTestId('view-document').click();
  await page.getByTestId('park-picker').selectOption({ label: park });
  await page.getByTestId('period-picker').selectOption({ label: period });
}

/** The document's preview in this layout, its first page shown and its fonts loaded. */
export async function openPreview(page: Page, url: string, park: string, period: string, template: 'magazine' | 'bulletin') {
  await openDocumentView(page, url, park, period);
  await page.getByTestId(`preview-${template}`).click();
  await expect(page.getByTestId('doc-preview').locator(`.pv-root.pv-${template} .pv-page`).first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

/**
 * 昆明高新区 has no 2022 document in the demo store: its 2017 article copied forward, as 复制上期
 * does in the app. Leaves the page on that document.
 */
export async function copyKunmingTo2022(page: Page, url: string) {
  await openDocumentView(page, url, '昆明高新区', '2022年');
  await page.getByTestId('doc-copy-previous').click();
  await expect(page.getByTestId('doc-view')).toBeVisible();
}

/** Each preview page's text in its type area, pictures' drawings left out (their labels are no running text). */
export const previewPages = (page: Page) =>
  page.locator('.doc-preview .pv-page').evaluateAll((pages) =>
    pages.map((p) => {
      const area = p.querySelector('.pv-area')!.cloneNode(true) as HTMLElement;
      area.querySelectorAll('.pv-chart > div, svg').forEach((e) => e.remove());
      return (area.textContent ?? '').replace(/\s+/g, '');
    }),
  );
