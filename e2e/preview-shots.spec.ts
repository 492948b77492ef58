// Page images of the preview, both layouts of both demo articles, for a person to look at
// (test-results/preview-<park>-<layout>-<n>.png) beside LibreOffice's (test-results/print/).
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results');

for (const [key, park, period] of [
  ['chuxiong', '楚雄高新区', '2022年'],
  ['kunming', '昆明高新区', '2017年'],
] as const) {
  test(`page images of the preview: ${park}`, async ({ page, app }) => {
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.goto(app.url);
    await page.getByTestId('view-document').click();
    await page.getByTestId('park-picker').selectOption({ label: park });
    await page.getByTestId('period-picker').selectOption({ label: period });
    for (const template of ['magazine', 'bulletin'] as const) {
      await page.getByTestId(`preview-${template}`).click();
      const pages = page.locator(`.doc-preview .pv-root.pv-${template} .pv-page`);
      await expect(pages.first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      const n = await pages.count();
      for (let i = 0; i < n; i++) await pages.nth(i).screenshot({ path: join(SHOTS, `preview-${key}-${template}-${i + 1}.png`) });
    }
  });
}
